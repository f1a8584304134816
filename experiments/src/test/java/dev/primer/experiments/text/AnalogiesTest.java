package dev.primer.experiments.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.data.Texts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** 3CosAdd on hand-built vectors, the question format, and the committed set against the corpus. */
class AnalogiesTest {
    /** Gender along the second axis, royalty along the first; "crown" sits near the query, "king" on it. */
    private static final Analogies.Embedding TOY = new Analogies.Embedding(
            List.of("man", "woman", "king", "queen", "crown", "bread"),
            new float[][] {{0, 1, 0}, {0, -1, 0}, {1, 1, 0}, {1, -1, 0}, {1, -0.6f, 0.4f}, {0, 0, 1}});

    @Test
    void threeCosAddFindsTheParallelOffsetAndNeverAnswersAQuestionWord() {
        List<Analogies.Question> qs = List.of(new Analogies.Question("g", "man", "woman", "king", "queen"),
                new Analogies.Question("g", "man", "woman", "king", "crown"),
                new Analogies.Question("g", "man", "woman", "king", "bread"),
                new Analogies.Question("g", "woman", "man", "queen", "king"),
                new Analogies.Question("g", "man", "woman", "king", "jester"));
        // king − man + woman on unit vectors is (0.71, −1.71, 0): queen (cos 0.92) beats crown (0.85);
        // bread is orthogonal (0) and behind both; woman (0.92 too) is excluded as a question word.
        assertArrayEquals(new int[] {0, 1, 2, 0, -1}, Analogies.ranks(TOY, qs));
        Analogies.Score all = Analogies.score(TOY, qs).get(1);
        assertEquals(new Analogies.Score("all", 5, 4, 2 / 5.0, 4 / 5.0), all);
    }

    @Test
    void scoresAreGivenPerCategoryInOrderThenOverall() {
        List<Analogies.Question> qs = Analogies.parse(List.of("# toy", ": royal", "man woman king queen",
                ": food", "man woman king bread"), "toy");
        List<Analogies.Score> scores = Analogies.score(TOY, qs);
        assertEquals(List.of("royal", "food", "all"), scores.stream().map(Analogies.Score::category).toList());
        assertEquals(1.0, scores.get(0).top1());
        assertEquals(0.0, scores.get(1).top1());
        assertEquals(1.0, scores.get(1).top5());
        assertEquals(0.5, scores.get(2).top1());
    }

    @Test
    void aMalformedLineIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Analogies.parse(List.of(": family", "king queen man"), "set.txt"));
        assertTrue(e.getMessage().contains("set.txt line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Analogies.parse(List.of("king queen man woman"), "x"));
    }

    @Test
    void theCommittedSetHasOver200QuestionsOverWordsTheBibleUsesTenTimes() {
        List<Analogies.Question> qs = Analogies.kingJames();
        assertEquals(1358, qs.size());
        Map<String, Integer> counts = new HashMap<>();
        for (String verse : Texts.kingJamesVerses()) {
            for (String w : Corpora.words(verse)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        Set<String> rare = qs.stream().flatMap(q -> java.util.stream.Stream.of(q.a(), q.b(), q.c(), q.d()))
                .filter(w -> counts.getOrDefault(w, 0) < 10).collect(Collectors.toSet());
        assertEquals(Set.of(), rare);
    }

    @Test
    void wordsAreLowerCaseRunsOfLetters() {
        assertEquals(List.of("and", "the", "lord", "s", "anger"), Corpora.words("And the LORD's anger,"));
    }
}
