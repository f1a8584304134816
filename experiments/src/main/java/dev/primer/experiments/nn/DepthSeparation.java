package dev.primer.experiments.nn;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.primer.experiments.core.Budget;
import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Depth separation with Telgarsky's sawtooth tᵏ (k = 3…8): the depth-k width-2 ReLU net ({@link Sawtooth#deepNet})
 * computes it exactly, while a one-hidden-layer net needs about 2ᵏ units. Three widths are reported per k:
 * <ul>
 * <li>the lower bound ⌊2ᵏ⁻¹(1 − 12ε)⌋ + 1 below which no one-hidden-layer net reaches MSE &lt; ε
 * ({@link Sawtooth#mseLowerBound});</li>
 * <li>the constructive upper bound 2ᵏ: a knot at every breakpoint is exact ({@link Sawtooth#exactShallow});</li>
 * <li>what training finds: the smallest width on a grid (from the lower bound up by factors √2 to 2ᵏ⁺²) at which
 * the best of a few full-batch L-BFGS fits (by training loss, on max(512, 2ᵏ⁺²) evenly spaced points, at least four
 * per linear piece) has MSE &lt; ε on a dense grid, searched upwards and stopped at the first success. Training
 * may find none: the figure then says so rather than the bound.</li>
 * </ul>
 * The claim the figure measures is therefore about the optimiser as much as about the function class, and the
 * function-class claim rests on the two bounds, which bracket the true minimum width between 2ᵏ⁻¹ and 2ᵏ.
 */
public final class DepthSeparation extends NamedExperiment<DepthSeparation.Metrics> {
    /** The mean squared error a one-hidden-layer net must reach. */
    static final double MSE_TARGET = 1e-3;
    /** The dense evaluation grid: j/2¹⁴, j = 0…2¹⁴ (dyadic, so float32 represents every point exactly). */
    static final int GRID = 1 << 14;

    /**
     * One depth k.
     *
     * @param k                     compositions of the tent map
     * @param deepNetParameters     weights and biases of the depth-k width-2 net (6k + 1)
     * @param deepNetMaxError       its max |error| on the grid, computed by DL4J in float32
     * @param constructiveWidth     2ᵏ, the exact one-hidden-layer construction
     * @param constructiveMaxError  that construction's max |error| on the grid (double precision)
     * @param lowerBoundWidth       the fewest units that can reach MSE &lt; ε
     * @param widthsTried           the widths trained, in order
     * @param bestMse               the grid MSE of the best fit at each width tried
     * @param smallestTrainedWidth  the first width whose best fit reached MSE &lt; ε; absent if none did
     */
    public record Row(int k, long deepNetParameters, double deepNetMaxError, int constructiveWidth,
                      double constructiveMaxError, int lowerBoundWidth, List<Integer> widthsTried,
                      List<Double> bestMse,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Integer smallestTrainedWidth) {
    }

    /**
     * The results.
     *
     * @param mseTarget  ε
     * @param iterations full-batch L-BFGS iterations per fit
     * @param restarts   fits per width, the best by training loss kept
     * @param rows       one per k
     */
    public record Metrics(double mseTarget, int iterations, int restarts, List<Row> rows) {
    }

    /** The experiment, as the registry lists it. */
    public DepthSeparation() {
        super("depth-separation",
                "Telgarsky's sawtooth: a depth-k width-2 ReLU net is exact; one hidden layer needs ~2^k units "
                        + "(bounds, and the smallest width training finds with MSE < 1e-3)");
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        int maxK = ctx.pick(5, 8);
        int iterations = ctx.pick(1500, 2000);
        int restarts = ctx.pick(2, 3);
        double[][] grid = new double[GRID + 1][];
        for (int j = 0; j <= GRID; j++) {
            grid[j] = new double[] {(double) j / GRID};
        }
        List<Row> rows = new ArrayList<>();
        for (int k = 3; k <= maxK; k++) {
            double[] truth = sawtooth(k, grid);
            MultiLayerNetwork deep = Sawtooth.deepNet(k);
            INDArray in = Nd4j.create(column(grid), new long[] {grid.length, 1}).castTo(DataType.FLOAT);
            double[] deepOut = deep.output(in).castTo(DataType.DOUBLE).toDoubleVector();
            ShallowRelu exact = new ShallowRelu(grid, truth, 1 << k);
            double[] exactTheta = Sawtooth.exactShallow(k);
            double deepError = 0;
            double exactError = 0;
            for (int j = 0; j < grid.length; j++) {
                deepError = Math.max(deepError, Math.abs(deepOut[j] - truth[j]));
                exactError = Math.max(exactError, Math.abs(exact.predict(exactTheta, grid[j]) - truth[j]));
            }
            int lower = Sawtooth.lowerBoundWidth(k, MSE_TARGET);
            int n = Math.max(512, 1 << (k + 2));
            double[][] train = new double[n][];
            for (int i = 0; i < n; i++) {
                train[i] = new double[] {(double) i / (n - 1)};
            }
            double[] trainTargets = sawtooth(k, train);
            List<Integer> tried = new ArrayList<>();
            List<Double> best = new ArrayList<>();
            Integer found = null;
            for (int w : widths(lower, 1 << (k + 2), ctx.budget() == Budget.QUICK)) {
                ShallowRelu net = new ShallowRelu(train, trainTargets, w);
                double[] theta = net.bestOf(restarts, 0, 1, iterations, ShallowRelu.seedOf(ctx.seed(), k, w));
                double mse = net.meanSquaredError(theta, grid, truth);
                tried.add(w);
                best.add(mse);
                if (mse < MSE_TARGET) {
                    found = w;
                    break;
                }
            }
            rows.add(new Row(k, deep.numParams(), deepError, 1 << k, exactError, lower, tried, best, found));
        }
        List<String> plots = List.of(widthPlot(ctx, rows), msePlot(ctx, rows));
        Metrics m = new Metrics(MSE_TARGET, iterations, restarts, rows);
        return new Outcome<>(m, plots, headline(rows, restarts, iterations));
    }

    /** The widths to try: from {@code lower} up by factors of √2 (2 when {@code coarse}) to {@code upper}. */
    static int[] widths(int lower, int upper, boolean coarse) {
        double factor = coarse ? 2 : Math.sqrt(2);
        List<Integer> w = new ArrayList<>();
        for (double x = lower; Math.round(x) <= upper; x *= factor) {
            w.add((int) Math.round(x));
        }
        return w.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] sawtooth(int k, double[][] xs) {
        double[] y = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            y[i] = Sawtooth.at(k, xs[i][0]);
        }
        return y;
    }

    private static double[] column(double[][] xs) {
        double[] c = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            c[i] = xs[i][0];
        }
        return c;
    }

    private static String widthPlot(Context ctx, List<Row> rows) throws IOException {
        double[] ks = rows.stream().mapToDouble(Row::k).toArray();
        List<Row> found = rows.stream().filter(r -> r.smallestTrainedWidth() != null).toList();
        return Plots.logLines(ctx.dir(), "width-vs-depth.png",
                "Sawtooth t^k: hidden units for MSE < 1e-3", "k (tent map compositions)",
                "hidden units", false, List.of(
                        new Plots.Series("one hidden layer: lower bound", ks,
                                rows.stream().mapToDouble(Row::lowerBoundWidth).toArray()),
                        new Plots.Series("one hidden layer: exact, 2^k", ks,
                                rows.stream().mapToDouble(Row::constructiveWidth).toArray()),
                        new Plots.Series("one hidden layer: trained",
                                found.stream().mapToDouble(Row::k).toArray(),
                                found.stream().mapToDouble(Row::smallestTrainedWidth).toArray()),
                        new Plots.Series("depth k, width 2: 2k units", ks,
                                rows.stream().mapToDouble(r -> 2.0 * r.k()).toArray())));
    }

    private static String msePlot(Context ctx, List<Row> rows) throws IOException {
        List<Plots.Series> series = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Row r : rows) {
            double[] w = r.widthsTried().stream().mapToDouble(Integer::doubleValue).toArray();
            series.add(new Plots.Series("k = " + r.k(), w, r.bestMse().stream().mapToDouble(Double::doubleValue)
                    .toArray()));
            lo = Math.min(lo, w[0]);
            hi = Math.max(hi, w[w.length - 1]);
        }
        series.add(new Plots.Series("MSE = 1e-3", new double[] {lo, hi}, new double[] {MSE_TARGET, MSE_TARGET}));
        return Plots.logLines(ctx.dir(), "mse-vs-width.png", "Sawtooth t^k: best trained one-hidden-layer MSE",
                "hidden units", "MSE on the grid", true, series);
    }

    private static String headline(List<Row> rows, int restarts, int iterations) {
        String trained = rows.stream().map(r -> "k=" + r.k() + ": " + (r.smallestTrainedWidth() == null
                ? "none up to " + r.widthsTried().get(r.widthsTried().size() - 1)
                : String.valueOf(r.smallestTrainedWidth()))).collect(Collectors.joining(", "));
        Row last = rows.get(rows.size() - 1);
        return String.format(Locale.ROOT, "The depth-k width-2 net computes t^k exactly (max error %.1g at k = %d, %d "
                        + "weights); one hidden layer needs between %d and %d units at k = %d; smallest width at "
                        + "which training (best of %d, %d L-BFGS iterations) reached MSE < 1e-3: %s.",
                last.deepNetMaxError(), last.k(), last.deepNetParameters(), last.lowerBoundWidth(), last.constructiveWidth(), last.k(),
                restarts, iterations, trained);
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.REPRESENT, "Depth buys exponential width: a depth-k width-2 ReLU net computes"
                        + " Telgarsky's sawtooth exactly, one hidden layer needs about 2^k units.",
                "Telgarsky 2016, Thm. 1.1", "exact deep net; shallow width between 2^(k−1) and 2^k", "rows");
    }

    /**
     * Reproduced when every deep net is exact (1e-9) and training found, for every k, a shallow width at or above the
     * lower bound; partly when the deep nets are exact.
     */
    @Override
    public Verdict judge(Metrics m) {
        boolean deep = m.rows().stream().allMatch(r -> r.deepNetMaxError() <= 1e-9);
        boolean shallow = m.rows().stream().allMatch(r -> r.smallestTrainedWidth() != null
                && r.smallestTrainedWidth() >= r.lowerBoundWidth());
        return Verdict.of(deep && shallow, deep);
    }
}
