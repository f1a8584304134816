package dev.primer.experiments.prob;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.Verdict;
import dev.primer.prob.LogDensity;
import dev.primer.prob.mcmc.Kernel;
import dev.primer.prob.mcmc.Langevin;
import dev.primer.prob.mcmc.Sgld;
import dev.primer.prob.optim.StepSizeSchedule;
import dev.primer.prob.targets.WellingTehMixture;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SGD, SGLD and full-batch Langevin on Welling &amp; Teh's mixture posterior at equal cost in per-datum gradient
 * evaluations: SGD (the SGLD update without its noise) collapses onto one mode, SGLD and full-batch (unadjusted)
 * Langevin sample the posterior; total variation to the grid posterior is tracked as the budget grows.
 */
public final class LangevinVsSgd extends NamedExperiment<LangevinVsSgd.Metrics> {
    /**
     * The results at equal per-datum gradient budgets.
     *
     * @param datumGradientBudget    per-datum gradient evaluations each method may use
     * @param sgdFinalTheta          SGD's end point
     * @param sgdLogPosterior        the log posterior there
     * @param tvSgld                 SGLD's total-variation distance to the grid posterior
     * @param tvFullBatchLangevin    full-batch Langevin's distance
     * @param tvSgdPointMass         the distance of a point mass at SGD's end point
     * @param tvIidSameCount         the distance of as many independent exact draws as SGLD kept
     * @param sgldKeptSamples        SGLD samples kept
     * @param sgldPosteriorMean      the mean of SGLD's samples
     * @param langevinPosteriorMean  the mean of full-batch Langevin's samples
     * @param sgldSteps              SGLD steps
     * @param langevinSteps          full-batch Langevin steps
     */
    public record Metrics(long datumGradientBudget, List<Double> sgdFinalTheta, double sgdLogPosterior, double tvSgld,
                          double tvFullBatchLangevin, double tvSgdPointMass, double tvIidSameCount,
                          int sgldKeptSamples, List<Double> sgldPosteriorMean, List<Double> langevinPosteriorMean,
                          long sgldSteps, long langevinSteps) {
    }

    /** Step h = ε² of full-batch Langevin, a tenth of the stability limit 2/λ_max ≈ 2σₓ²/N. */
    static final double LANGEVIN_H = 0.004;
    static final int CHECKPOINTS = 12;

    /** The experiment langevin-vs-sgd. */
    public LangevinVsSgd() {
        super("langevin-vs-sgd",
                "SGD vs SGLD vs full-batch Langevin on the Welling & Teh mixture posterior at equal per-datum"
                + " gradient budgets: a point estimate vs samples");
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        long budget = ctx.pick(200_000L, 2_000_000L);
        WellingTehMixture model = WellingTehMixture.generate(100, 0, 1, ctx.seed());
        LogDensity posterior = model.full();
        GridPosterior grid = GridPosterior.of(posterior, SgldMixture.LO1, SgldMixture.HI1, SgldMixture.LO2,
                SgldMixture.HI2, SgldMixture.CELLS);
        int n = model.size();
        StepSizeSchedule schedule = SgldMixture.schedule(budget);

        Trace sgld = trace(new Sgld(model, 1, schedule), 1, budget, grid, ctx.seed());
        Trace langevin = trace(Langevin.unadjusted(posterior, Math.sqrt(LANGEVIN_H)), n, budget, grid, ctx.seed());
        double[] sgd = sgd(model, schedule, budget, ctx.seed());
        // a point mass at SGD's end point, judged on the same cells: 1 − (grid mass of its cell), 1 off the grid
        double tvSgd = grid.tv(List.of(sgd));
        double tvIid = grid.tv(grid.draw(sgld.samples.size(), new SplitMix64(ctx.seed() + 1)));

        Metrics metrics = new Metrics(budget, List.of(sgd[0], sgd[1]), posterior.value(sgd), sgld.tv[CHECKPOINTS - 1],
                langevin.tv[CHECKPOINTS - 1], tvSgd, tvIid, sgld.samples.size(), mean(sgld.samples),
                mean(langevin.samples), budget, budget / n);

        List<String> plots = new ArrayList<>();
        plots.add(Plots.logLines(ctx.dir(), "tv-vs-budget.png",
                "Total variation to the grid posterior vs per-datum gradient evaluations", "datum gradients",
                "total-variation distance", true,
                List.of(new Plots.Series("SGLD (n=1)", sgld.budget, sgld.tv),
                        new Plots.Series("full-batch Langevin (n=100)", langevin.budget, langevin.tv))));
        plots.add(Plots.scatter(ctx.dir(), "samples.png", "SGLD, full-batch Langevin and the SGD point estimate",
                "theta1", "theta2", List.of(SgldMixture.series("SGLD", SgldMixture.every(sgld.samples, 3000)),
                        SgldMixture.series("full-batch Langevin", SgldMixture.every(langevin.samples, 3000)),
                        SgldMixture.series("SGD end point", List.of(sgd)))));
        String headline = String.format(Locale.ROOT, "At %d per-datum gradients SGD stops at the single point "
                + "(%.2f, %.2f) (total-variation distance %.3f as a point mass) while SGLD and full-batch Langevin "
                + "reach %.3f and %.3f (%dx%d cells; %.3f for as many independent exact draws as SGLD kept).",
                budget, sgd[0], sgd[1], tvSgd, sgld.tv[CHECKPOINTS - 1], langevin.tv[CHECKPOINTS - 1],
                SgldMixture.CELLS, SgldMixture.CELLS, tvIid);
        return new Outcome<>(metrics, plots, headline);
    }

    /** Samples kept (after a 1% burn-in) and TV at budgets log-spaced over the last 1.5 decades. */
    record Trace(List<double[]> samples, double[] budget, double[] tv) {
    }

    private static <S extends Kernel.State> Trace trace(Kernel<S> k, int costPerStep, long budget,
                                                         GridPosterior grid, long seed) {
        long steps = budget / costPerStep;
        int thin = (int) Math.max(1, steps / 50_000);
        S s = k.init(new double[2], 0, seed);
        List<double[]> kept = new ArrayList<>();
        double[] at = new double[CHECKPOINTS];
        double[] tv = new double[CHECKPOINTS];
        int c = 0;
        for (long t = 1; t <= steps; t++) {
            s = k.step(s);
            if (t > steps / 100 && t % thin == 0) {
                kept.add(s.position());
            }
            long checkpoint = (long) (steps * Math.pow(10, -1.5 * (CHECKPOINTS - 1 - c) / (CHECKPOINTS - 1)));
            if (t >= checkpoint && c < CHECKPOINTS) {
                at[c] = t * costPerStep;
                tv[c] = kept.isEmpty() ? 1 : grid.tv(kept);
                c++;
            }
        }
        return new Trace(kept, at, tv);
    }

    /** SGLD's drift without its noise: θ ← θ + (ε_t/2)·ĝ, minibatch of one. */
    private static double[] sgd(WellingTehMixture model, StepSizeSchedule schedule, long steps, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] theta = new double[2];
        double[] g = new double[2];
        for (long t = 0; t < steps; t++) {
            model.minibatchGradient(theta, new int[] {rng.nextIntModulo(model.size())}, g);
            double eps = schedule.at(t);
            theta[0] += 0.5 * eps * g[0];
            theta[1] += 0.5 * eps * g[1];
        }
        return theta;
    }

    private static List<Double> mean(List<double[]> xs) {
        double a = 0;
        double b = 0;
        for (double[] x : xs) {
            a += x[0];
            b += x[1];
        }
        return List.of(a / xs.size(), b / xs.size());
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.OPTIMISE, "At equal gradient cost SGD returns a point while SGLD and full-batch"
                        + " Langevin return samples of the posterior.", "Welling & Teh 2011, §3",
                "SGLD's samples approach the posterior; SGD's do not (qualitative)", "tv_sgld",
                "tv_full_batch_langevin", "tv_sgd_point_mass");
    }

    /** Reproduced when SGLD and Langevin each get under half SGD's total variation, partly when one does. */
    @Override
    public Verdict judge(Metrics m) {
        boolean sgld = m.tvSgld() < m.tvSgdPointMass() / 2;
        boolean langevin = m.tvFullBatchLangevin() < m.tvSgdPointMass() / 2;
        return Verdict.of(sgld && langevin, sgld || langevin);
    }
}
