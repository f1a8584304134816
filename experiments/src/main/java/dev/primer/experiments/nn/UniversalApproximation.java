package dev.primer.experiments.nn;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * Universal approximation, measured: one-hidden-layer ReLU nets of growing width m fitted (full-batch L-BFGS, best
 * of a few restarts by training loss) to sin 5x, |x| and a step on [−1, 1] and to a Gaussian bump on [−1, 1]², with the
 * RMS error on a dense grid against m on log-log axes. For the two smooth targets the plot carries Barron's bound
 * (Barron 1993, "Universal approximation bounds for superpositions of a sigmoidal function", Theorem 1): some
 * combination of n sigmoidal units has L²(μ) error at most 2·C_f/√n on the box B, with
 * C_f = ∫ |ω|_B |F̃(dω)| and |ω|_B = sup over x in B of |ω·x|. A pair relu(z) − relu(z − 1) is a sigmoidal ramp, so a
 * width-m ReLU net holds ⌊m/2⌋ such units and its best error is at most 2·C_f/√⌊m/2⌋. The bound is about the best
 * net of each width; the curves are what training found, so where they flatten the optimiser, not the width, is
 * the limit.
 */
public final class UniversalApproximation extends NamedExperiment<UniversalApproximation.Metrics> {
    /** Width of the Gaussian bump: exp(−|x|²/(2s²)) with s = 0.25. */
    static final double BUMP_WIDTH = 0.25;
    /** Points of the dense 1-D evaluation grid on [−1, 1]. */
    static final int GRID_1D = 10_001;
    /** Points per side of the dense 2-D evaluation grid on [−1, 1]². */
    static final int GRID_2D = 201;

    /** The functions fitted, on [−1, 1]ᵈ. */
    enum Target {
        /** sin 5x: F̃ is ½ at ω = ±5, so C_f = 5 on [−1, 1]. */
        SINE("sin 5x", 1) {
            @Override
            double at(double[] x) {
                return Math.sin(5 * x[0]);
            }

            @Override
            OptionalDouble barronConstant() {
                return OptionalDouble.of(5);
            }
        },
        /**
         * |x| = relu(x) + relu(−x): a width-2 net is exact, so from m = 2 on the error is the optimiser's. Its
         * transform decays as ω⁻², so ∫ |ω||F̃(dω)| diverges and Barron's bound does not apply.
         */
        ABS("|x|", 1) {
            @Override
            double at(double[] x) {
                return Math.abs(x[0]);
            }
        },
        /**
         * The step 1[x ≥ 0]: discontinuous, outside Barron's class. A fit may put the jump anywhere between the two
         * training points around 0, so the dense-grid error has a floor set by the training grid, not the width.
         */
        STEP("step", 1) {
            @Override
            double at(double[] x) {
                return x[0] >= 0 ? 1 : 0;
            }
        },
        /**
         * exp(−|x|²/(2s²)) on [−1, 1]²: F̃ is the density of N(0, I/s²) and |ω|_B = |ω₁| + |ω₂| on the square, so
         * C_f = 2·E|ω₁| = 2·√(2/π)/s.
         */
        BUMP("2-D bump", 2) {
            @Override
            double at(double[] x) {
                return Math.exp(-(x[0] * x[0] + x[1] * x[1]) / (2 * BUMP_WIDTH * BUMP_WIDTH));
            }

            @Override
            OptionalDouble barronConstant() {
                return OptionalDouble.of(2 * Math.sqrt(2 / Math.PI) / BUMP_WIDTH);
            }
        };

        final String label;
        final int inputs;

        Target(String label, int inputs) {
            this.label = label;
            this.inputs = inputs;
        }

        /** The target's value at x. */
        abstract double at(double[] x);

        /** Barron's C_f on [−1, 1]ᵈ, where it is finite. */
        OptionalDouble barronConstant() {
            return OptionalDouble.empty();
        }

        /** The grid with {@code side} points per axis on [−1, 1]ᵈ. */
        double[][] grid(int side) {
            double[][] g = new double[(int) Math.pow(side, inputs)][inputs];
            for (int i = 0; i < g.length; i++) {
                for (int k = 0, rest = i; k < inputs; k++, rest /= side) {
                    g[i][k] = -1 + 2.0 * (rest % side) / (side - 1);
                }
            }
            return g;
        }

        /** The target at every point. */
        double[] valuesAt(double[][] points) {
            double[] y = new double[points.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = at(points[i]);
            }
            return y;
        }
    }

    /** Barron's bound 2·C_f/√⌊m/2⌋ on the RMS error of the best width-m ReLU net (see the class comment). */
    static double barronBound(double barronConstant, int width) {
        return 2 * barronConstant / Math.sqrt(width / 2);
    }

    /**
     * One target's errors.
     *
     * @param target         the function
     * @param rmsError       RMS error on the dense grid at each width (the restart with the lowest training loss)
     * @param slope          least-squares slope of log error against log width
     * @param barronConstant C_f where Barron's bound applies, absent otherwise
     */
    public record Curve(String target, List<Double> rmsError, double slope,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Double barronConstant) {
    }

    /**
     * The results.
     *
     * @param iterations       full-batch L-BFGS iterations per fit
     * @param restarts         fits per width and target, the best by training loss kept
     * @param trainPoints1d    evenly spaced training points on [−1, 1]
     * @param trainPointsSide  training points per side on [−1, 1]²
     * @param widths           hidden widths m
     * @param curves           one per target
     */
    public record Metrics(int iterations, int restarts, int trainPoints1d, int trainPointsSide, List<Integer> widths,
                          List<Curve> curves) {
    }

    /** The experiment, as the registry lists it. */
    public UniversalApproximation() {
        super("universal-approximation",
                "one-hidden-layer ReLU nets of width 2..1024 fitted to sin 5x, |x|, a step and a 2-D bump: error on "
                        + "a dense grid against width, with Barron's O(1/sqrt(m)) bound");
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        int[] widths = ctx.pick(new int[] {2, 8, 32, 128}, new int[] {2, 4, 8, 16, 32, 64, 128, 256, 512, 1024});
        int iterations = ctx.pick(1000, 2000);
        int restarts = ctx.pick(2, 3);
        int train1d = 512;
        int trainSide = 32;
        Target[] targets = Target.values();
        double[][] rms = new double[targets.length][widths.length];
        IntStream.range(0, targets.length * widths.length).parallel().forEach(job -> {
            Target t = targets[job / widths.length];
            int w = widths[job % widths.length];
            double[][] train = t.grid(t.inputs == 1 ? train1d : trainSide);
            ShallowRelu net = new ShallowRelu(train, t.valuesAt(train), w);
            double[] theta = net.bestOf(restarts, -1, 1, iterations, ShallowRelu.seedOf(ctx.seed(), t.ordinal(), w));
            double[][] grid = t.grid(t.inputs == 1 ? GRID_1D : GRID_2D);
            rms[t.ordinal()][job % widths.length] = Math.sqrt(net.meanSquaredError(theta, grid, t.valuesAt(grid)));
        });
        double[] x = IntStream.of(widths).asDoubleStream().toArray();
        List<Curve> curves = new ArrayList<>();
        List<Plots.Series> series = new ArrayList<>();
        for (Target t : targets) {
            double[] e = rms[t.ordinal()];
            OptionalDouble c = t.barronConstant();
            curves.add(new Curve(t.label, boxed(e), logLogSlope(x, e), c.isPresent() ? c.getAsDouble() : null));
            series.add(new Plots.Series(String.format(Locale.ROOT, "%s (slope %.2f)", t.label, logLogSlope(x, e)),
                    x, e));
        }
        for (Target t : targets) {
            t.barronConstant().ifPresent(c -> series.add(new Plots.Series("Barron bound, " + t.label, x,
                    IntStream.of(widths).mapToDouble(w -> barronBound(c, w)).toArray())));
        }
        String plot = Plots.logLines(ctx.dir(), "error-vs-width.png",
                "One hidden ReLU layer: RMS error on a dense grid against width", "hidden units m", "RMS error",
                true, series);
        Metrics m = new Metrics(iterations, restarts, train1d, trainSide, IntStream.of(widths).boxed().toList(),
                curves);
        int last = widths.length - 1;
        int sine = Target.SINE.ordinal();
        int bump = Target.BUMP.ordinal();
        String headline = String.format(Locale.ROOT, "At width %d the RMS error on a dense grid is %.2g for sin 5x "
                        + "(log-log slope %.2f from width %d; Barron's bound %.2g), %.2g for the 2-D bump (slope %.2f; "
                        + "bound %.2g), %.2g for the step and %.2g for |x|, which width 2 represents exactly "
                        + "(error %.1g there).", widths[last], rms[sine][last], curves.get(sine).slope(), widths[0],
                barronBound(Target.SINE.barronConstant().orElseThrow(), widths[last]), rms[bump][last],
                curves.get(bump).slope(), barronBound(Target.BUMP.barronConstant().orElseThrow(), widths[last]),
                rms[Target.STEP.ordinal()][last], rms[Target.ABS.ordinal()][last], rms[Target.ABS.ordinal()][0]);
        return new Outcome<>(m, List.of(plot), headline);
    }

    /** The least-squares slope of log y against log x. */
    static double logLogSlope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(x[i]) / n;
            my += Math.log(y[i]) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(y[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    private static List<Double> boxed(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.REPRESENT, "One hidden layer suffices: the error of the best width-m ReLU net on a"
                        + " smooth target falls at least as 1/sqrt(m).", "Barron 1993, Thm. 1",
                "error ≤ 2·C_f/sqrt(m/2), slope −1/2 or steeper", "curves");
    }

    /** Reproduced when every target with a Barron constant has a log-log slope ≤ −1/2, partly when one has. */
    @Override
    public Verdict judge(Metrics m) {
        List<Curve> smooth = m.curves().stream().filter(c -> c.barronConstant() != null).toList();
        long steep = smooth.stream().filter(c -> c.slope() <= -0.5).count();
        return Verdict.of(!smooth.isEmpty() && steep == smooth.size(), steep > 0);
    }
}
