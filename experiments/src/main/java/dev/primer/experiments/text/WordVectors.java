package dev.primer.experiments.text;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.SettingsExperiment;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.data.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.models.embeddings.learning.impl.elements.SkipGram;
import org.deeplearning4j.models.word2vec.VocabWord;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dimensionalityreduction.PCA;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Skip-gram with negative sampling (Mikolov et al. 2013, "Distributed representations of words and phrases", §2.2)
 * trained by DL4J's {@link Word2Vec} on the King James Bible, scored on the committed analogy set by 3CosAdd
 * ({@link Analogies}), with the offsets of chosen word pairs drawn in the plane of their first two principal
 * components (as in their Fig. 2).
 */
public final class WordVectors extends SettingsExperiment<WordVectors.Metrics, WordVectors.Settings> {
    /** Pairs drawn in the family picture. */
    private static final List<String[]> FAMILY = List.of(new String[] {"king", "queen"},
            new String[] {"man", "woman"}, new String[] {"father", "mother"}, new String[] {"son", "daughter"},
            new String[] {"brother", "sister"}, new String[] {"husband", "wife"}, new String[] {"he", "she"});
    /** Pairs drawn in the tense picture. */
    private static final List<String[]> TENSE = List.of(new String[] {"give", "gave"}, new String[] {"take", "took"},
            new String[] {"speak", "spake"}, new String[] {"know", "knew"}, new String[] {"hear", "heard"},
            new String[] {"send", "sent"}, new String[] {"smite", "smote"});
    /** Words whose nearest neighbours are reported. */
    private static final List<String> PROBES = List.of("king", "jerusalem", "sword", "wine", "moses");

    /**
     * How to train.
     *
     * @param dimensions   length of each word vector
     * @param window       context words either side (Mikolov et al. use 5–10)
     * @param negatives    negative samples per positive pair (their k, 5–20 for small corpora)
     * @param minCount     words seen fewer times are dropped
     * @param subsampling  the threshold t of frequent-word subsampling (their eq. 5)
     * @param epochs       passes over the corpus
     * @param workers      training threads (more than one makes the result depend on scheduling)
     */
    public record Settings(int dimensions, int window, int negatives, int minCount, double subsampling, int epochs,
                           int workers) {
        /** The quick budget: 50 dimensions, one pass. */
        public static Settings quick() {
            return new Settings(50, 5, 5, 5, 1e-3, 1, 2);
        }

        /** The full budget: 100 dimensions, 20 passes. */
        public static Settings full() {
            return new Settings(100, 5, 10, 5, 1e-3, 20, 2);
        }
    }

    /**
     * A word's nearest neighbours by cosine.
     *
     * @param word       the word
     * @param neighbours its five nearest other words
     */
    public record Neighbours(String word, List<String> neighbours) {
    }

    /**
     * The results.
     *
     * @param tokens      words in the corpus
     * @param vocabulary  distinct words kept (seen at least minCount times)
     * @param scores      3CosAdd accuracy per category and over all questions
     * @param neighbours  nearest neighbours of a few words
     */
    public record Metrics(long tokens, int vocabulary, List<Analogies.Score> scores, List<Neighbours> neighbours) {
    }

    /** The experiment, as the registry lists it. */
    public WordVectors() {
        super("word-vectors", "Mikolov et al. 2013: skip-gram with negative sampling on the King James Bible (DL4J"
                + " Word2Vec); 3CosAdd top-1/top-5 on 1,358 hand-built analogies, pair offsets drawn", Settings.quick(),
                Settings.full());
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        List<String> sentences = new ArrayList<>();
        long tokens = 0;
        for (String verse : Texts.kingJamesVerses()) {
            List<String> words = Corpora.words(verse);
            tokens += words.size();
            sentences.add(String.join(" ", words));
        }
        Word2Vec vec = new Word2Vec.Builder().layerSize(s.dimensions()).windowSize(s.window())
                .minWordFrequency(s.minCount()).negativeSample(s.negatives()).useHierarchicSoftmax(false)
                .sampling(s.subsampling()).epochs(s.epochs()).iterations(1).learningRate(0.025)
                .minLearningRate(1e-4).workers(s.workers()).seed(ctx.seed())
                .elementsLearningAlgorithm(new SkipGram<VocabWord>())
                .iterate(new CollectionSentenceIterator(sentences)).tokenizerFactory(new DefaultTokenizerFactory())
                .build();
        vec.fit();
        Analogies.Embedding embedding = embedding(vec);
        List<Analogies.Score> scores = Analogies.score(embedding, Analogies.kingJames());
        List<Neighbours> neighbours = PROBES.stream().filter(vec::hasWord)
                .map(w -> new Neighbours(w, List.copyOf(vec.wordsNearest(w, 5)))).toList();
        List<String> plots = List.of(
                pairPlot(ctx, vec, "family.png", "Family pairs: offsets in the first two principal components", FAMILY),
                pairPlot(ctx, vec, "tense.png", "Present → past: offsets in the first two principal components",
                        TENSE));
        Analogies.Score all = scores.get(scores.size() - 1);
        String headline = String.format(Locale.ROOT, "Skip-gram (%d dimensions, %d epochs) on %,d KJV tokens answers"
                        + " %.1f%% of %d analogies top-1 and %.1f%% top-5 by 3CosAdd.", s.dimensions(), s.epochs(),
                tokens, 100 * all.top1(), all.questions(), 100 * all.top5());
        return new Outcome<>(new Metrics(tokens, embedding.words().size(), scores, neighbours), plots, headline);
    }

    /** Every word of {@code vec}'s vocabulary with its vector. */
    static Analogies.Embedding embedding(Word2Vec vec) {
        List<String> words = List.copyOf(vec.getVocab().words());
        float[][] rows = new float[words.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = vec.getWordVectorMatrix(words.get(i)).toFloatVector();
        }
        return new Analogies.Embedding(words, rows);
    }

    /** The pairs' unit vectors projected onto their first two principal components, each pair an arrow. */
    private static String pairPlot(Context ctx, Word2Vec vec, String file, String title, List<String[]> pairs)
            throws java.io.IOException {
        List<String[]> known = pairs.stream().filter(p -> vec.hasWord(p[0]) && vec.hasWord(p[1])).toList();
        INDArray x = Nd4j.create(2 * known.size(), vec.getLayerSize());
        for (int i = 0; i < known.size(); i++) {
            for (int j = 0; j < 2; j++) {
                INDArray v = vec.getWordVectorMatrix(known.get(i)[j]).castTo(x.dataType());
                x.putRow(2L * i + j, v.div(v.norm2Number()));
            }
        }
        INDArray xy = PCA.pca(x, 2, false);
        List<Plots.Segment> segments = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            segments.add(new Plots.Segment(known.get(i)[0], xy.getDouble(2L * i, 0), xy.getDouble(2L * i, 1),
                    known.get(i)[1], xy.getDouble(2L * i + 1, 0), xy.getDouble(2L * i + 1, 1)));
        }
        return Plots.segments(ctx.dir(), file, title, "principal component 1", "principal component 2", segments);
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.REPRESENTATIONS, "Differences of skip-gram word vectors encode relations: 3CosAdd"
                        + " answers analogies (king − man + woman ≈ queen).", "Mikolov et al. 2013, NIPS, Table 1",
                "about 60% top-1 on Mikolov's 19,544 questions from a billion words of news; not comparable: here"
                        + " 1,358 KJV questions from a 0.8M-token corpus", "scores", "vocabulary", "tokens");
    }

    /**
     * Reproduced when top-1 accuracy over all questions reaches {@value #PAPER_TOP1_BAR} (the paper's order of
     * accuracy, Table 1); partly when at least one category does (the offsets encode some relation as reliably as the
     * paper's), else not reproduced.
     */
    @Override
    public Verdict judge(Metrics m) {
        boolean all = m.scores().stream().anyMatch(s -> s.category().equals("all") && s.top1() >= PAPER_TOP1_BAR);
        boolean some = m.scores().stream().anyMatch(s -> s.top1() >= PAPER_TOP1_BAR);
        return Verdict.of(all, some);
    }

    /** Top-1 analogy accuracy the claim asks for: skip-gram reaches 50–60% in Mikolov et al. 2013, Table 1. */
    static final double PAPER_TOP1_BAR = 0.5;
}
