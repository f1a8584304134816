package dev.primer.experiments.prob;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.Verdict;
import dev.primer.prob.optim.Newton;
import dev.primer.prob.optim.StepSizeSchedule;
import dev.primer.prob.targets.LogisticRegression;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Convergence rates of logistic regression (no regulariser), each method in the setting where theory pins its rate:
 * <ul>
 *   <li>GD with constant step 1/L on linearly separable data: smooth, convex, no minimiser (inf f = 0); the loss
 *       falls as Θ(1/t) (Soudry et al. 2018, Thm. 3), slope −1 on log-log axes;</li>
 *   <li>SGD, one example per step, η_t = η₀/√(t+1), on overlapping classes (a finite minimiser with gradient
 *       noise there): the last iterate's excess loss tracks η_t·tr(HΣ)/4 ∝ t^−1/2 (Moulines &amp; Bach 2011, Thm. 1
 *       and §3), slope −1/2;</li>
 *   <li>GD on the overlapping data for reference: locally strongly convex, so linear convergence, faster than any
 *       power of t.</li>
 * </ul>
 * Slopes are least-squares fits of log excess loss on log t over the last two decades.
 */
public final class SgdVsGdRates extends NamedExperiment<SgdVsGdRates.Metrics> {
    /**
     * The results.
     *
     * @param gdSteps                   GD iterations
     * @param sgdSteps                  SGD iterations per run
     * @param sgdRunsAveraged           SGD runs whose excess losses are averaged
     * @param gdSeparableSlope          fitted log-log slope of GD's excess loss on separable data (theory −1)
     * @param gdSeparableFinalLoss      GD's last loss on separable data
     * @param sgdOverlappingSlope       fitted log-log slope of SGD's excess loss on overlapping data (theory −1/2)
     * @param sgdOverlappingFinalExcess SGD's last excess loss on overlapping data
     * @param gdOverlappingFinalExcess  GD's last excess loss on overlapping data
     * @param fStarOverlapping          the minimum loss on overlapping data (Newton)
     */
    public record Metrics(int gdSteps, int sgdSteps, int sgdRunsAveraged, double gdSeparableSlope,
                          double gdSeparableFinalLoss, double sgdOverlappingSlope, double sgdOverlappingFinalExcess,
                          double gdOverlappingFinalExcess, double fStarOverlapping) {
    }

    static final int DIM = 5;
    static final double SGD_ETA0 = 0.5;
    static final int POINTS = 40;
    static final double MARGIN = 0.5;

    /** The experiment sgd-vs-gd-rates. */
    public SgdVsGdRates() {
        super("sgd-vs-gd-rates",
                "Logistic regression: excess loss vs iteration on log-log axes; GD falls as 1/t on separable data,"
                + " SGD with 1/sqrt(t) steps as 1/sqrt(t) on overlapping data");
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        int gdSteps = ctx.pick(20_000, 200_000);
        int sgdSteps = ctx.pick(100_000, 1_000_000);
        int runs = ctx.pick(8, 32);
        LogisticRegression separable = separable(200, ctx.seed());
        LogisticRegression overlapping = LogisticRegression.synthetic(1000, DIM, 2, 0, ctx.seed() + 1);
        double fStar = new Newton().minimize(overlapping, new double[DIM], 30).values()[30];

        long[] gdAt = logSpaced(gdSteps);
        double[] gd = gd(separable, gdSteps, gdAt, 0);
        long[] sgdAt = logSpaced(sgdSteps);
        double[] sgd = new double[POINTS];
        for (int r = 0; r < runs; r++) {
            double[] one = sgd(overlapping, sgdSteps, sgdAt, fStar, ctx.seed() + 100 + r);
            for (int i = 0; i < POINTS; i++) {
                sgd[i] += one[i] / runs;
            }
        }
        double[] gdOverlap = gd(overlapping, gdSteps, gdAt, fStar);
        double gdSlope = slope(gdAt, gd, gdSteps / 100);
        double sgdSlope = slope(sgdAt, sgd, sgdSteps / 100);

        Metrics metrics = new Metrics(gdSteps, sgdSteps, runs, gdSlope, gd[POINTS - 1], sgdSlope, sgd[POINTS - 1],
                gdOverlap[POINTS - 1], fStar);

        String plot = Plots.logLines(ctx.dir(), "excess-loss.png", "Logistic regression: excess loss vs iteration",
                "iteration t", "f(w_t) - inf f", true,
                List.of(new Plots.Series(String.format(Locale.ROOT, "GD, separable (slope %.2f)", gdSlope),
                                toDouble(gdAt), gd),
                        new Plots.Series(String.format(Locale.ROOT, "SGD eta0/sqrt(t), overlapping (slope %.2f)",
                                sgdSlope), toDouble(sgdAt), sgd),
                        new Plots.Series("GD, overlapping (linear rate)", toDouble(gdAt), gdOverlap),
                        Plots.Series.powerLaw("theory: slope -1", gdAt[POINTS - 1], gd[POINTS - 1],
                                gdAt[POINTS - 1] / 100.0, -1),
                        Plots.Series.powerLaw("theory: slope -1/2", sgdAt[POINTS - 1], sgd[POINTS - 1],
                                sgdAt[POINTS - 1] / 100.0, -0.5)));
        String headline = String.format(Locale.ROOT, "Fitted log-log slopes of excess logistic loss: %.2f for GD on "
                + "separable data (theory -1) and %.2f for SGD with eta0/sqrt(t) steps on overlapping classes "
                + "(theory -1/2), over the last two decades of %d and %d iterations.", gdSlope, sgdSlope, gdSteps,
                sgdSteps);
        return new Outcome<>(metrics, List.of(plot), headline);
    }

    /**
     * n points with labels y = 1[x·w* &gt; 0] for w* = (1, −1, 1, −1, 1)/√5, keeping only points at distance ≥
     * {@link #MARGIN} from the separating hyperplane: linearly separable with margin, so the 1/t regime starts early.
     */
    static LogisticRegression separable(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[][] x = new double[n][DIM];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double z;
            do {
                z = 0;
                for (int j = 0; j < DIM; j++) {
                    x[i][j] = rng.nextGaussianBoxMuller();
                    z += x[i][j] * (j % 2 == 0 ? 1 : -1) / Math.sqrt(DIM);
                }
            } while (Math.abs(z) < MARGIN);
            y[i] = z > 0 ? 1 : 0;
        }
        return new LogisticRegression(x, y, 0);
    }

    /** Full-batch GD with step 1/L, L = λ_max(XᵀX/n)/4 bounded by the trace; excess loss at each step in {@code at}. */
    static double[] gd(LogisticRegression f, int steps, long[] at, double fStar) {
        double trace = 0;
        for (double[] xi : f.x()) {
            for (double v : xi) {
                trace += v * v;
            }
        }
        double eta = 4 * f.size() / trace;
        double[] w = new double[f.dim()];
        double[] g = new double[f.dim()];
        double[] out = new double[at.length];
        int k = 0;
        for (long t = 1; t <= steps; t++) {
            f.valueAndGradient(w, g);
            for (int j = 0; j < w.length; j++) {
                w[j] -= eta * g[j];
            }
            while (k < at.length && at[k] == t) {
                out[k++] = f.value(w) - fStar;
            }
        }
        return out;
    }

    /** SGD with one uniformly drawn example per step and η_t = η₀/√(t+1). */
    static double[] sgd(LogisticRegression f, int steps, long[] at, double fStar, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        StepSizeSchedule lr = StepSizeSchedule.inverseSqrt(SGD_ETA0);
        double[] w = new double[f.dim()];
        double[] g = new double[f.dim()];
        double[] out = new double[at.length];
        int k = 0;
        for (long t = 1; t <= steps; t++) {
            f.exampleGradient(rng.nextIntModulo(f.size()), w, g);
            double eta = lr.at(t - 1);
            for (int j = 0; j < w.length; j++) {
                w[j] -= eta * g[j];
            }
            while (k < at.length && at[k] == t) {
                out[k++] = f.value(w) - fStar;
            }
        }
        return out;
    }

    /** {@link #POINTS} distinct-ish iteration counts log-spaced from 1 to T. */
    static long[] logSpaced(int steps) {
        long[] at = new long[POINTS];
        for (int i = 0; i < POINTS; i++) {
            at[i] = Math.max(1, Math.round(Math.pow(steps, (double) i / (POINTS - 1))));
        }
        return at;
    }

    /** The least-squares slope of log y on log t over points with t ≥ from. */
    static double slope(long[] t, double[] y, long from) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from && y[i] > 0) {
                double lx = Math.log(t[i]);
                double ly = Math.log(y[i]);
                sx += lx;
                sy += ly;
                sxx += lx * lx;
                sxy += lx * ly;
                n++;
            }
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static double[] toDouble(long[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i];
        }
        return r;
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.OPTIMISE, "On logistic regression GD's loss falls as 1/t on separable data and SGD's"
                        + " excess loss with 1/sqrt(t) steps as 1/sqrt(t) on overlapping data.",
                "Soudry et al. 2018, Thm. 3; Moulines & Bach 2011, Thm. 1", "log-log slopes −1 (GD) and −1/2 (SGD)",
                "gd_separable_slope", "sgd_overlapping_slope");
    }

    /** Reproduced when both fitted slopes lie within 0.15 of theory's (−1 and −1/2), partly when one does. */
    @Override
    public Verdict judge(Metrics m) {
        boolean gd = Math.abs(m.gdSeparableSlope() + 1) <= SLOPE_TOLERANCE;
        boolean sgd = Math.abs(m.sgdOverlappingSlope() + 0.5) <= SLOPE_TOLERANCE;
        return Verdict.of(gd && sgd, gd || sgd);
    }

    /** How far a fitted slope may be from theory's and count as reproducing it (a choice, not an interval). */
    static final double SLOPE_TOLERANCE = 0.15;
}
