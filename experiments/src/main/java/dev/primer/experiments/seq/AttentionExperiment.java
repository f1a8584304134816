package dev.primer.experiments.seq;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.SettingsExperiment;
import dev.primer.experiments.core.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bahdanau et al. 2015 (their Fig. 2: RNNsearch holds its BLEU as sentences grow where RNNencdec falls off): the
 * encoder-decoder of {@link Seq2SeqExperiment} with and without additive attention, trained alike on reversing
 * strings of 5 to {@code trainMax} digits and tested on {@link #TEST_LENGTHS}, beyond the training lengths too. The
 * attention weights of test examples are drawn as heat maps (rows: output steps, columns: source positions; white
 * is weight 1); the mass on the aligned position (output t reads source position L − 1 − t) is measured.
 */
public final class AttentionExperiment extends SettingsExperiment<AttentionExperiment.Metrics,
        Seq2SeqExperiment.Settings> {
    /** The lengths tested. */
    static final int[] TEST_LENGTHS = {20, 25, 30, 35, 40, 45, 50};
    private static final int TRAIN_MIN = 5;
    private static final int TRAIN_MAX = 30;
    private static final int HEATMAP_SCALE = 6;

    /**
     * The results.
     *
     * @param hidden          LSTM cells in each model
     * @param updates         updates of each model
     * @param trainMax        the longest training string
     * @param lengths         the test lengths
     * @param plainExact      exact match of the plain encoder-decoder at each test length
     * @param attentionExact  exact match of the attention model at each test length
     * @param plainTokens     per-position accuracy of the plain model (output against target, up to the target's
     *                        length)
     * @param attentionTokens per-position accuracy of the attention model
     * @param alignedMass     the attention model's mean weight on the aligned source position, test lengths up to
     *                        {@code trainMax}
     * @param plainSeconds    the plain model's training time
     * @param attentionSeconds the attention model's training time
     */
    public record Metrics(int hidden, int updates, int trainMax, int[] lengths, double[] plainExact,
                          double[] attentionExact, double[] plainTokens, double[] attentionTokens,
                          double alignedMass, double plainSeconds, double attentionSeconds) {
    }

    /** The experiment, as the registry lists it. */
    public AttentionExperiment() {
        super("attention", "Bahdanau attention vs plain encoder-decoder on digit reversal: trained to length 30, "
                        + "tested 20-50; attention heat maps",
                new Seq2SeqExperiment.Settings(32, 1_000, 30, 30, 1e-2, 50),
                new Seq2SeqExperiment.Settings(64, 20_000, 2_000, 250, 3e-3, 200));
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Seq2SeqExperiment.Settings s) throws Exception {
        Task train = new Task.Reversal(TRAIN_MIN, TRAIN_MAX);
        Seq2SeqExperiment.Trained plain = Seq2SeqExperiment.train(train, false, s, ctx.seed());
        Seq2SeqExperiment.Trained att = Seq2SeqExperiment.train(train, true, s, ctx.seed());
        int n = TEST_LENGTHS.length;
        double[] pe = new double[n];
        double[] ae = new double[n];
        double[] pt = new double[n];
        double[] at = new double[n];
        double mass = 0;
        int massCount = 0;
        List<List<Plots.Tile>> maps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = TEST_LENGTHS[i];
            Task fixed = new Task.Reversal(len, len);
            Translator p = plain.translator().forLength(fixed, Math.max(TRAIN_MAX, len));
            Translator a = att.translator().forLength(fixed, Math.max(TRAIN_MAX, len));
            List<Task.Example> test = p.examples(s.test(), ctx.seed() + 100 + len, Set.of());
            Translator.Decoded dp = p.decode(plain.curve().net(), test);
            Translator.Decoded da = a.decode(att.curve().net(), test);
            pe[i] = dp.exactMatch(test);
            ae[i] = da.exactMatch(test);
            pt[i] = tokenAccuracy(dp.outputs(), test);
            at[i] = tokenAccuracy(da.outputs(), test);
            if (len <= TRAIN_MAX) {
                double[] m = alignedMass(da.weights(), a, len);
                mass += m[0];
                massCount += (int) m[1];
            }
            if (len == 20 || len == 40) {
                maps.add(List.of(heatmap(da.weights(), a, len, 0, test.get(0)),
                        heatmap(da.weights(), a, len, 1, test.get(1))));
            }
        }
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = TEST_LENGTHS[i];
        }
        List<String> plots = new ArrayList<>();
        plots.add(Plots.lines(ctx.dir(), "exact-match-by-length.png", String.format(Locale.ROOT,
                        "Reversal, trained on lengths %d-%d: test exact match by length", TRAIN_MIN, TRAIN_MAX),
                "string length", "exact match", List.of(new Plots.Series("plain encoder-decoder", xs, pe),
                        new Plots.Series("with attention", xs, ae), new Plots.Series("plain, per position", xs, pt),
                        new Plots.Series("attention, per position", xs, at))));
        plots.add(Plots.imageGrid(ctx.dir(), "attention-weights.png", "Attention weights: output step (row) "
                        + "by source position, white = 1", List.of("example 1", "example 2"), maps,
                HEATMAP_SCALE));
        Metrics m = new Metrics(s.hidden(), s.updates(), TRAIN_MAX, TEST_LENGTHS, pe, ae, pt, at,
                massCount == 0 ? Double.NaN : mass / massCount, plain.curve().seconds(), att.curve().seconds());
        return new Outcome<>(m, plots, String.format(Locale.ROOT,
                "Trained on reversing 5-%d digits (%d updates, %d cells), the plain encoder-decoder's exact match "
                        + "is %.0f%% at length 20 and %.0f%% at 50; with attention %.0f%% and %.0f%%; the attention "
                        + "weight on the aligned position averages %.2f.",
                TRAIN_MAX, s.updates(), s.hidden(), 100 * pe[0], 100 * pe[n - 1], 100 * ae[0], 100 * ae[n - 1],
                m.alignedMass()));
    }

    /** The fraction of target positions the output gets right (positions past the output's end count wrong). */
    static double tokenAccuracy(List<String> outputs, List<Task.Example> examples) {
        long hit = 0;
        long all = 0;
        for (int i = 0; i < examples.size(); i++) {
            String t = examples.get(i).target();
            String o = outputs.get(i);
            for (int k = 0; k < t.length(); k++) {
                hit += k < o.length() && o.charAt(k) == t.charAt(k) ? 1 : 0;
            }
            all += t.length();
        }
        return (double) hit / all;
    }

    /**
     * The summed weight on the aligned source position over every example and output step t &lt; L, and the
     * number of steps summed; the source of length L sits after {@code srcLen − L} pads.
     */
    static double[] alignedMass(INDArray weights, Translator tr, int len) {
        int src = tr.model().srcLen();
        int pads = src - len;
        float[][] w = weights.toFloatMatrix();
        double sum = 0;
        for (float[] row : w) {
            for (int t = 0; t < len; t++) {
                sum += row[t * src + pads + len - 1 - t];
            }
        }
        return new double[] {sum, (double) w.length * len};
    }

    /** Example {@code i}'s weights over its real source positions for its L + 1 output steps (the end included). */
    private static Plots.Tile heatmap(INDArray weights, Translator tr, int len, int i, Task.Example e) {
        int src = tr.model().srcLen();
        int pads = src - len;
        float[] row = weights.getRow(i).toFloatVector();
        float[] px = new float[(len + 1) * len];
        for (int t = 0; t <= len; t++) {
            System.arraycopy(row, t * src + pads, px, t * len, len);
        }
        return new Plots.Tile("length " + len + ": " + e.source().substring(0, Math.min(12, len)) + "…", len + 1,
                len, px);
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.SEQUENCES, "With Bahdanau attention an encoder-decoder keeps its accuracy on longer"
                        + " sequences, where a plain encoder-decoder falls off.", "Bahdanau et al. 2015, Fig. 2",
                "RNNsearch's BLEU holds up to sentences of 60 words while RNNencdec's falls from 30 on; here reversal"
                        + " trained to length 30 and tested on 20-50", "aligned_mass", "attention_exact", "plain_exact");
    }

    /**
     * Reproduced when attention keeps at least 90% exact match at every tested length, partly when it beats the plain
     * model by at least 50 points at every tested length within the training lengths.
     */
    @Override
    public Verdict judge(Metrics m) {
        boolean holds = true;
        boolean beats = true;
        for (int i = 0; i < m.lengths().length; i++) {
            holds &= m.attentionExact()[i] >= 0.9;
            if (m.lengths()[i] <= m.trainMax()) {
                beats &= m.attentionExact()[i] >= m.plainExact()[i] + 0.5;
            }
        }
        return Verdict.of(holds, beats);
    }
}
