package dev.primer.experiments.seq;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.SettingsExperiment;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.Net;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Texts;
import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.seq.LstmVariant;
import dev.primer.random.SplitMix64;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Greff et al. 2017, "LSTM: a search space odyssey" (Fig. 3): the vanilla LSTM against each single change of
 * {@link LstmVariant}, trained alike from several seeds on two tasks, a character language model of the King James
 * Bible (test bits per character) and the adding problem (test MSE). Their finding: removing the forget gate or the
 * output activation hurts most, coupling the input and forget gates or dropping the peepholes barely matters.
 * Unlike the paper every variant runs at one fixed setting (Adam, one learning rate) rather than the best of a
 * random hyperparameter search.
 */
public final class LstmGates extends SettingsExperiment<LstmGates.Metrics, LstmGates.Settings> {
    private static final int BATCH = 32;
    private static final int TEST_WINDOWS = 256;
    private static final double TEST_FRACTION = 0.1;

    /**
     * How much to run.
     *
     * @param seeds          seeds per variant and task
     * @param hidden         LSTM cells
     * @param lmSteps        characters per language-model window
     * @param lmUpdates      language-model updates of 32 windows
     * @param addingSteps    adding-problem sequence length T
     * @param addingUpdates  adding-problem updates of 32 sequences
     * @param lr             Adam's learning rate
     */
    public record Settings(int seeds, int hidden, int lmSteps, int lmUpdates, int addingSteps, int addingUpdates,
                           double lr) {
    }

    /**
     * The results, rows in the order of {@code variants}, columns by seed.
     *
     * @param variants    the variants
     * @param lmBits      test bits per character of the Bible language model
     * @param addingMse   adding-problem test MSE
     * @param lmMean      mean over seeds of lmBits
     * @param addingMean  mean over seeds of addingMse
     * @param settings    what ran
     */
    public record Metrics(String[] variants, double[][] lmBits, double[][] addingMse, double[] lmMean,
                          double[] addingMean, Settings settings) {
    }

    /** The experiment, as the registry lists it. */
    public LstmGates() {
        super("lstm-gates", "LSTM variants of Greff et al. (no input/forget/output gate, no activations, coupled "
                        + "gates, no peepholes) on a Bible character LM and the adding problem",
                new Settings(1, 32, 30, 20, 20, 20, 1e-2), new Settings(3, 64, 50, 2_000, 50, 2_000, 3e-3));
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        CharLm lm = CharLm.of(Texts.kingJamesBible(), TEST_FRACTION);
        INDArray[] testWindows = lm.oneHot(lm.test(), TEST_WINDOWS, s.lmSteps(), SplitMix64.seeded(ctx.seed() - 1));
        ArrayDataset addTrain = AddingNet.dataset(AddingProblem.generate(s.addingUpdates() * BATCH / 4,
                s.addingSteps(), ctx.seed()));
        ArrayDataset addTest = AddingNet.dataset(AddingProblem.generate(1_000, s.addingSteps(), ctx.seed() + 1));
        LstmVariant[] vs = LstmVariant.values();
        double[][] bits = new double[vs.length][s.seeds()];
        double[][] mse = new double[vs.length][s.seeds()];
        for (int v = 0; v < vs.length; v++) {
            Program lmProgram = lm.program(vs[v], s.lmSteps(), s.hidden());
            Program addProgram = AddingNet.program(vs[v], s.addingSteps(), s.hidden());
            for (int k = 0; k < s.seeds(); k++) {
                long seed = ctx.seed() + k;
                bits[v][k] = Curve.train(() -> Net.of(new ExprNet(lmProgram, Updates.adam(s.lr()), seed)),
                        lm.windows(s.lmUpdates() * BATCH, s.lmSteps()), BATCH, s.lmUpdates(), 0, seed,
                        net -> lm.testBits(net, testWindows)).last();
                mse[v][k] = Curve.train(() -> Net.of(new ExprNet(addProgram, Updates.adam(s.lr()), seed)),
                        addTrain, BATCH, s.addingUpdates(), 0, seed, net -> AddingNet.mse(net, addTest)).last();
            }
        }
        String[] names = new String[vs.length];
        double[] lmMean = new double[vs.length];
        double[] addMean = new double[vs.length];
        for (int v = 0; v < vs.length; v++) {
            names[v] = vs[v].name();
            lmMean[v] = Arrays.stream(bits[v]).average().orElseThrow();
            addMean[v] = Arrays.stream(mse[v]).average().orElseThrow();
        }
        List<String> plots = List.of(
                byVariant(ctx, "lm-bits-by-variant.png", String.format(Locale.ROOT,
                        "Bible character LM (%d cells, %d updates): test bits/char by variant", s.hidden(),
                        s.lmUpdates()), "bits per character", names, bits),
                byVariant(ctx, "adding-mse-by-variant.png", String.format(Locale.ROOT,
                        "Adding problem T = %d (%d updates): test MSE by variant", s.addingSteps(),
                        s.addingUpdates()), "test MSE", names, mse));
        Metrics m = new Metrics(names, bits, mse, lmMean, addMean, s);
        return new Outcome<>(m, plots, String.format(Locale.ROOT,
                "Over %d seed(s): Bible LM test bits/char %s; adding-problem test MSE %s.", s.seeds(),
                summary(names, lmMean), summary(names, addMean)));
    }

    /** One scatter: x is the variant's index, one series (its seeds' values) per variant. */
    private static String byVariant(Context ctx, String file, String title, String yLabel, String[] names,
                                    double[][] values) throws IOException {
        List<Plots.Series> series = new ArrayList<>();
        for (int v = 0; v < names.length; v++) {
            double[] xs = new double[values[v].length];
            Arrays.fill(xs, v);
            series.add(new Plots.Series(names[v], xs, values[v]));
        }
        return Plots.scatter(ctx.dir(), file, title, "variant (index in the legend's order)", yLabel, series);
    }

    private static String summary(String[] names, double[] means) {
        StringBuilder b = new StringBuilder();
        for (int v = 0; v < names.length; v++) {
            b.append(v == 0 ? "" : ", ").append(names[v]).append(String.format(Locale.ROOT, " %.3f", means[v]));
        }
        return b.toString();
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.SEQUENCES, "Of the LSTM's parts the forget gate and the output activation matter most;"
                        + " coupling the input and forget gates or removing the peepholes barely matters.",
                "Greff et al. 2017, Fig. 3",
                "NFG and NOAF hurt most on every data set, CIFG and NP on a par with the vanilla LSTM",
                "lm_mean", "adding_mean");
    }

    /**
     * On the language model (mean bits per character over the seeds): reproduced when NFG and NOAF are the two worst
     * variants and CIFG and NP each lie closer to the vanilla LSTM than either of them; partly when NFG or NOAF is
     * among the two worst.
     */
    @Override
    public Verdict judge(Metrics m) {
        List<String> names = List.of(m.variants());
        double[] bits = m.lmMean();
        Integer[] order = new Integer[bits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(bits[b], bits[a]));
        Set<String> worstTwo = Set.of(names.get(order[0]), names.get(order[1]));
        double vanilla = bits[names.indexOf(LstmVariant.VANILLA.name())];
        double nfg = bits[names.indexOf(LstmVariant.NFG.name())] - vanilla;
        double noaf = bits[names.indexOf(LstmVariant.NOAF.name())] - vanilla;
        double cifg = Math.abs(bits[names.indexOf(LstmVariant.CIFG.name())] - vanilla);
        double np = Math.abs(bits[names.indexOf(LstmVariant.NP.name())] - vanilla);
        boolean ordering = worstTwo.equals(Set.of(LstmVariant.NFG.name(), LstmVariant.NOAF.name()));
        boolean barely = Math.max(cifg, np) < Math.min(nfg, noaf);
        return Verdict.of(ordering && barely,
                worstTwo.contains(LstmVariant.NFG.name()) || worstTwo.contains(LstmVariant.NOAF.name()));
    }
}
