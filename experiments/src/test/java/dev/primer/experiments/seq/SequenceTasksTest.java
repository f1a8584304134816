package dev.primer.experiments.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.data.ArrayDataset;
import dev.primer.random.SplitMix64;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The generated tasks and their layout for the encoder-decoder. */
class SequenceTasksTest {
    @Test
    void addingProblemMarksOneStepInEachHalfAndSumsThem() {
        AddingProblem p = AddingProblem.generate(4_000, 50, 3);
        double sq = 0;
        for (int i = 0; i < p.size(); i++) {
            int first = -1;
            int second = -1;
            for (int t = 0; t < 50; t++) {
                if (p.markers()[i][t] == 1) {
                    if (first < 0) {
                        first = t;
                    } else {
                        second = t;
                    }
                }
            }
            assertTrue(first < 25 && second >= 25, "one marker in each half, got " + first + ", " + second);
            assertEquals(p.values()[i][first] + p.values()[i][second], p.targets()[i], 1e-6);
            sq += (p.targets()[i] - 1) * (p.targets()[i] - 1);
        }
        assertEquals(AddingProblem.BASELINE_MSE, sq / p.size(), 0.01, "answering 1 scores the variance, 2/12");
        INDArray x = p.stepMajor();
        assertEquals(p.values()[7][9], x.getFloat(7, 18));
        assertEquals(p.markers()[7][9], x.getFloat(7, 19));
        assertEquals(p.values()[7][9], p.channelsByTime().getFloat(7, 0, 9));
    }

    @Test
    void everyDateIsItsTargetInOneFormatWrittenInTheVocabularyAndNoSourceIsAmbiguous() {
        Task.Dates dates = new Task.Dates();
        SplitMix64 rng = SplitMix64.seeded(1);
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            Task.Example e = dates.sample(rng);
            assertTrue(e.source().length() <= dates.maxSource(), e.source() + " is too long");
            e.source().chars().forEach(c -> dates.vocabulary().token((char) c));
            LocalDate target = LocalDate.parse(e.target());
            assertTrue(Task.Dates.FORMATS.stream().anyMatch(f -> target.format(DateTimeFormatter.ofPattern(f,
                    Locale.ENGLISH)).equals(e.source())), e.source() + " is not " + e.target() + " in a format");
            String before = seen.putIfAbsent(e.source(), e.target());
            assertTrue(before == null || before.equals(e.target()), e.source() + " means both " + before + " and "
                    + e.target());
        }
    }

    @Test
    void translatorPadsSourcesOnTheLeftAndEndsTargets() {
        Translator tr = Translator.of(new Task.Reversal(2, 4), 8, false);
        Vocabulary voc = tr.task().vocabulary();
        ArrayDataset d = tr.dataset(List.of(new Task.Example("12", "21")));
        int v = voc.size();
        INDArray f = d.features();
        assertEquals(1, f.getInt(0, Vocabulary.PAD), "step 0 is padding");
        assertEquals(1, f.getInt(0, v + Vocabulary.PAD), "step 1 is padding");
        assertEquals(1, f.getInt(0, 2 * v + voc.token('1')));
        assertEquals(1, f.getInt(0, 3 * v + voc.token('2')));
        int dec = 4 * v;
        assertEquals(1, f.getInt(0, dec + Vocabulary.START), "the decoder starts from the start token");
        assertEquals(1, f.getInt(0, dec + v + voc.token('2')), "then reads the target");
        assertEquals(1, d.labels().getInt(0, voc.token('2')));
        assertEquals(1, d.labels().getInt(0, 2 * v + Vocabulary.END), "the label after the target is the end");
        assertEquals(0, d.labels().getRow(0).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(3 * v, 5 * v))
                .sumNumber().intValue(), "steps after the end are not scored");
        assertThrows(IllegalArgumentException.class, () -> tr.dataset(List.of(new Task.Example("12345", "x"))));
        List<Task.Example> some = tr.examples(50, 2, Set.of());
        assertEquals(50, Set.copyOf(some).size(), "examples are distinct");
        assertTrue(tr.examples(20, 3, Set.copyOf(some)).stream().noneMatch(some::contains), "held out");
    }

    @Test
    void attentionScoresCountTheAlignedPosition() {
        Translator tr = Translator.of(new Task.Reversal(2, 3), 4, true);
        int src = tr.model().srcLen();
        float[] w = new float[tr.model().tgtLen() * src];
        for (int t = 0; t < 2; t++) {
            w[t * src + 1 + (1 - t)] = 1;
        }
        double[] m = AttentionExperiment.alignedMass(org.nd4j.linalg.factory.Nd4j.createFromArray(new float[][] {w}),
                tr, 2);
        assertEquals(2.0, m[0], 1e-9, "all weight on the aligned position at both steps");
        assertEquals(0.5, AttentionExperiment.tokenAccuracy(List.of("21x", "1"),
                List.of(new Task.Example("12", "21"), new Task.Example("34", "43"))), 1e-9);
    }

    @Test
    void languageModelWindowsPredictTheNextCharacter() {
        CharLm lm = CharLm.of("In the beginning God created the heaven and the earth.\n", 0.2);
        INDArray[] xy = lm.oneHot(lm.train(), 3, 5, SplitMix64.seeded(4));
        int v = lm.vocab();
        for (int r = 0; r < 3; r++) {
            for (int t = 0; t < 4; t++) {
                assertEquals(xy[1].getRow(r).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(t * v, (t + 1) * v)),
                        xy[0].getRow(r).get(org.nd4j.linalg.indexing.NDArrayIndex.interval((t + 1) * v,
                                (t + 2) * v)), "target t is input t + 1");
            }
        }
        assertEquals(lm.alphabet().toLowerCase(Locale.ROOT), lm.alphabet(), "the text is lower-cased");
    }
}
