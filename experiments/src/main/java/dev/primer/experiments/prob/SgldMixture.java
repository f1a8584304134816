package dev.primer.experiments.prob;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.Verdict;
import dev.primer.prob.LogDensity;
import dev.primer.prob.mcmc.Chains;
import dev.primer.prob.mcmc.Nuts;
import dev.primer.prob.mcmc.Samples;
import dev.primer.prob.mcmc.Sgld;
import dev.primer.prob.optim.StepSizeSchedule;
import dev.primer.prob.targets.WellingTehMixture;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Welling &amp; Teh 2011, §5.1: SGLD with minibatches of one datum and ε_t = a(b + t)^−0.55 decaying from 0.01 to
 * 0.0001 samples the bimodal posterior of θ₁ ~ N(0, 10), θ₂ ~ N(0, 1), xᵢ ~ ½N(θ₁, 2) + ½N(θ₁ + θ₂, 2) given 100
 * points drawn at θ = (0, 1). Judged by total variation against the posterior normalised on a grid, beside NUTS
 * on the full posterior and independent draws from the grid (the histogram's noise floor).
 */
public final class SgldMixture extends NamedExperiment<SgldMixture.Metrics> {
    /**
     * The results: total-variation distances to the grid posterior and how SGLD splits its samples between the
     * modes.
     *
     * @param sgldSteps                 SGLD steps
     * @param sgldKeptSamples           SGLD samples kept after burn-in and thinning
     * @param tvSgld                    SGLD's distance
     * @param tvIidSameCount            the distance of as many independent exact draws
     * @param nutsDraws                 NUTS draws over all chains
     * @param tvNuts                    NUTS's distance
     * @param tvIidNutsCount            the distance of as many independent exact draws as NUTS made
     * @param nutsDivergences           NUTS's divergent transitions
     * @param sgldFractionTheta2Below0  SGLD's share of samples with θ₂ &lt; 0
     * @param gridFractionTheta2Below0  the posterior's mass with θ₂ &lt; 0
     * @param sgldModeProportionsMatch  whether the two shares agree within a factor 2
     */
    public record Metrics(int sgldSteps, int sgldKeptSamples, double tvSgld, double tvIidSameCount, int nutsDraws,
                          double tvNuts, double tvIidNutsCount, int nutsDivergences,
                          @JsonProperty("sgld_fraction_theta2_below_0") double sgldFractionTheta2Below0,
                          @JsonProperty("grid_fraction_theta2_below_0") double gridFractionTheta2Below0,
                          boolean sgldModeProportionsMatch) {
    }

    /** The box holding essentially all posterior mass, and its cells. */
    static final double LO1 = -1.5;
    static final double HI1 = 2.5;
    static final double LO2 = -3;
    static final double HI2 = 3;
    static final int CELLS = 40;
    /** Keep every THIN-th SGLD iterate. */
    static final int THIN = 10;
    /** The schedule's first and last step sizes (Welling &amp; Teh 2011, §5.1) and its exponent γ. */
    static final double EPS_FIRST = 0.01;
    static final double EPS_LAST = 1e-4;
    static final double GAMMA = 0.55;

    /** The experiment sgld-mixture. */
    public SgldMixture() {
        super("sgld-mixture",
                "Welling & Teh 2011 §5.1: SGLD (minibatch 1) on a bimodal two-parameter mixture posterior vs the exact"
                + " posterior on a grid (total-variation distance)");
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        int steps = ctx.pick(200_000, 1_000_000);
        WellingTehMixture model = WellingTehMixture.generate(100, 0, 1, ctx.seed());
        LogDensity posterior = model.full();
        GridPosterior grid = GridPosterior.of(posterior, LO1, HI1, LO2, HI2, CELLS);
        List<double[]> sgld = runSgld(model, steps, ctx.seed());
        double tvSgld = grid.tv(sgld);
        int nutsDraws = ctx.pick(2000, 10000);
        Samples nuts = Chains.run(Nuts.of(posterior), 2, 4, 1000, nutsDraws, ctx.seed(), 2);
        List<double[]> nutsDraw = new ArrayList<>();
        for (double[][] chain : nuts.draws()) {
            nutsDraw.addAll(List.of(chain));
        }
        double tvNuts = grid.tv(nutsDraw);
        double tvIid = grid.tv(grid.draw(sgld.size(), new SplitMix64(ctx.seed() + 1)));
        double tvIidNuts = grid.tv(grid.draw(nutsDraw.size(), new SplitMix64(ctx.seed() + 2)));
        double lowerMode = fraction(sgld);
        double gridLowerMode = gridFraction(grid);

        Metrics metrics = new Metrics(steps, sgld.size(), tvSgld, tvIid, nutsDraw.size(), tvNuts, tvIidNuts,
                nuts.divergences(), lowerMode, gridLowerMode, proportionsMatch(lowerMode, gridLowerMode));

        List<String> plots = new ArrayList<>();
        List<double[]> shown = every(sgld, 5000);
        plots.add(Plots.scatter(ctx.dir(), "sgld-samples.png",
                "SGLD samples vs independent posterior draws (Welling & Teh mixture)", "theta1", "theta2",
                List.of(series("SGLD", shown), series("exact (grid)", grid.draw(2000, new SplitMix64(ctx.seed() + 3))))));
        for (int axis = 0; axis < 2; axis++) {
            double[][] m = grid.marginal(axis);
            plots.add(Plots.lines(ctx.dir(), "marginal-theta" + (axis + 1) + ".png",
                    "Posterior marginal of theta" + (axis + 1), "theta" + (axis + 1), "density",
                    List.of(new Plots.Series("exact (grid)", m[0], m[1]),
                            new Plots.Series("SGLD histogram", m[0], grid.histogram(sgld, axis)),
                            new Plots.Series("NUTS histogram", m[0], grid.histogram(nutsDraw, axis)))));
        }
        String headline = String.format(Locale.ROOT, "SGLD with one datum per step (%d steps) %s: total-variation "
                + "distance %.3f to the grid posterior on %dx%d cells, vs %.3f for NUTS and %.3f for as many "
                + "independent exact draws.", steps, modeClaim(lowerMode, gridLowerMode), tvSgld, CELLS, CELLS,
                tvNuts, tvIid);
        return new Outcome<>(metrics, plots, headline);
    }

    /**
     * The step-size schedule ε_t = a(b + t)^−γ, γ = {@link #GAMMA}, that decays from ε₀ = {@link #EPS_FIRST} to
     * ε_steps = {@link #EPS_LAST} over {@code steps} steps: b = steps/((ε₀/ε_steps)^{1/γ} − 1), a = ε₀·b^γ.
     */
    static StepSizeSchedule schedule(long steps) {
        double b = steps / (Math.pow(EPS_FIRST / EPS_LAST, 1 / GAMMA) - 1);
        return StepSizeSchedule.polynomial(EPS_FIRST * Math.pow(b, GAMMA), b, GAMMA);
    }

    /** SGLD iterates after a 10% burn-in, thinned by {@link #THIN}. */
    static List<double[]> runSgld(WellingTehMixture model, int steps, long seed) {
        Sgld kernel = new Sgld(model, 1, schedule(steps));
        Sgld.State s = kernel.init(new double[2], 0, seed);
        List<double[]> kept = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            s = kernel.step(s);
            if (t >= steps / 10 && t % THIN == 0) {
                kept.add(s.position());
            }
        }
        return kept;
    }

    /** About {@code n} evenly spaced elements of {@code xs}. */
    static List<double[]> every(List<double[]> xs, int n) {
        int stride = Math.max(1, xs.size() / n);
        List<double[]> r = new ArrayList<>();
        for (int i = 0; i < xs.size(); i += stride) {
            r.add(xs.get(i));
        }
        return r;
    }

    /** Below this share of the samples (or of the posterior) a mode counts as not visited (or not there). */
    static final double MODE_PRESENT = 0.01;

    /**
     * Whether the samples split between the two modes (θ₂ &lt; 0 and θ₂ ≥ 0) about as the posterior does: each
     * side's sample share within a factor of 2 of its posterior share.
     */
    static boolean proportionsMatch(double sampleLower, double gridLower) {
        double[] s = {sampleLower, 1 - sampleLower};
        double[] g = {gridLower, 1 - gridLower};
        for (int i = 0; i < 2; i++) {
            if (!(s[i] >= g[i] / 2 && s[i] <= 2 * g[i])) {
                return false;
            }
        }
        return true;
    }

    /** What the samples show about the two modes, stated from the run's own numbers. */
    static String modeClaim(double sampleLower, double gridLower) {
        String shares = String.format(Locale.ROOT, "%.1f%% of its samples at theta2 < 0 vs %.1f%% of the posterior "
                + "mass", 100 * sampleLower, 100 * gridLower);
        if (Math.min(gridLower, 1 - gridLower) < MODE_PRESENT) {
            return "faces a posterior with essentially one mode here (" + shares + ")";
        }
        if (Math.min(sampleLower, 1 - sampleLower) < MODE_PRESENT) {
            return "stays in one of the two posterior modes (" + shares + ")";
        }
        return proportionsMatch(sampleLower, gridLower)
                ? "samples both posterior modes in about the right proportion (" + shares + ")"
                : "visits both posterior modes but in the wrong proportion (" + shares + ")";
    }

    private static double fraction(List<double[]> samples) {
        return samples.stream().filter(x -> x[1] < 0).count() / (double) samples.size();
    }

    private static double gridFraction(GridPosterior g) {
        double f = 0;
        for (int i = 0; i < g.k; i++) {
            for (int j = 0; j < g.k / 2; j++) {
                f += g.mass[i][j];
            }
        }
        return f;
    }

    static Plots.Series series(String name, List<double[]> pts) {
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        return new Plots.Series(name, x, y);
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.OPTIMISE, "SGLD with one datum per step samples both modes of a bimodal posterior"
                        + " in their right proportions.", "Welling & Teh 2011, §5.1, Fig. 1",
                "both modes found (Fig. 1, by eye)", "tv_sgld", "tv_nuts", "sgld_fraction_theta2_below_0",
                "grid_fraction_theta2_below_0");
    }

    /** Reproduced when the mode shares match and SGLD's total variation to the grid is ≤ 0.25; partly for one. */
    @Override
    public Verdict judge(Metrics m) {
        return Verdict.of(m.sgldModeProportionsMatch() && m.tvSgld() <= 0.25,
                m.sgldModeProportionsMatch() || m.tvSgld() <= 0.25);
    }
}
