package dev.primer.experiments.prob;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.SettingsExperiment;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.autodiff.Differentiable;
import dev.primer.prob.flow.Bijector;
import dev.primer.prob.flow.Energy2d;
import dev.primer.prob.flow.PlanarFlow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Rezende &amp; Mohamed's Fig. 3: planar flows of K = 2, 8, 32 steps fitted by reverse KL (annealed free energy,
 * Adam) to their four 2-d energies U1–U4, drawn as densities on [−4, 4]² beside e^{−U}, with KL(q_K ‖ p) estimated
 * in double precision from fresh draws and log Z by quadrature.
 */
public final class PlanarFlows2d extends SettingsExperiment<PlanarFlows2d.Metrics, PlanarFlows2d.Settings> {
    private static final double WINDOW = 4;

    /**
     * How much to run.
     *
     * @param ks         the flow lengths K
     * @param iterations Adam updates per fit
     * @param batch      base draws per update
     * @param anneal     updates over which β rises from 0.01 to 1
     * @param klDraws    draws for each KL estimate
     * @param pixels     side of each density picture
     */
    public record Settings(int[] ks, int iterations, int batch, int anneal, int klDraws, int pixels) {
    }

    /**
     * One fit.
     *
     * @param energy the target
     * @param k      flow steps
     * @param kl     KL(q_K ‖ p) in nats
     */
    public record Fit(String energy, int k, double kl) {
    }

    /**
     * The results.
     *
     * @param iterations updates per fit
     * @param fits       every (energy, K) fit
     */
    public record Metrics(int iterations, List<Fit> fits) {
    }

    /** The experiment, as the registry lists it. */
    public PlanarFlows2d() {
        super("flows-2d", "planar flows (Rezende & Mohamed) fitted by reverse KL to U1-U4, K = 2, 8, 32: densities, KL",
                new Settings(new int[] {2, 8, 32}, 300, 64, 150, 2000, 48),
                new Settings(new int[] {2, 8, 32}, 6000, 100, 3000, 50_000, 96));
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        List<Fit> fits = new ArrayList<>();
        List<List<Plots.Tile>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>(List.of("e^-U"));
        for (int k : s.ks()) {
            columns.add("K = " + k);
        }
        PlanarFlow.Fit how = new PlanarFlow.Fit(Updates.adam(1e-2), s.iterations(), s.batch(), s.anneal());
        for (Energy2d e : Energy2d.values()) {
            Differentiable u = e.potential();
            double logZ = e.logNormalizer();
            List<Plots.Tile> row = new ArrayList<>();
            row.add(new Plots.Tile(e.name(), s.pixels(), s.pixels(), picture(z -> -u.value(z), s.pixels())));
            for (int k : s.ks()) {
                PlanarFlow flow = new PlanarFlow(2, k);
                ExprNet net = flow.fit(u, how, ctx.seed());
                Bijector f = flow.bijector(net);
                double kl = PlanarFlow.reverseKl(f, u, logZ, s.klDraws(), ctx.seed() + 1);
                fits.add(new Fit(e.name(), k, kl));
                row.add(new Plots.Tile(String.format(Locale.ROOT, "KL %.3f", kl), s.pixels(), s.pixels(),
                        picture(y -> Bijector.standardNormalLogDensity(f.inverse(y)) + f.inverseLogDetJacobian(y),
                                s.pixels())));
            }
            rows.add(row);
        }
        String plot = Plots.imageGrid(ctx.dir(), "planar-densities.png",
                "planar flows fitted to U1-U4 (Rezende & Mohamed Fig. 3), density on [-4, 4]^2", columns, rows, 2);
        StringBuilder kls = new StringBuilder();
        for (Fit f : fits) {
            kls.append(String.format(Locale.ROOT, "%s%s K=%d %.2f", kls.length() == 0 ? "" : ", ", f.energy(),
                    f.k(), f.kl()));
        }
        return new Outcome<>(new Metrics(s.iterations(), fits), List.of(plot), "Planar flows after "
                + s.iterations() + " updates, KL(q_K || p) in nats: " + kls + ".");
    }

    /**
     * A density picture of e^{logDensity} on [−4, 4]² (z₂ upwards), scaled so that its largest pixel is white.
     */
    static float[] picture(ToDoubleFunction<double[]> logDensity, int side) {
        double[] logs = new double[side * side];
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double[] z = {-WINDOW + (c + 0.5) * 2 * WINDOW / side, WINDOW - (r + 0.5) * 2 * WINDOW / side};
                logs[r * side + c] = logDensity.applyAsDouble(z);
                max = Math.max(max, logs[r * side + c]);
            }
        }
        float[] px = new float[logs.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) Math.exp(logs[i] - max);
        }
        return px;
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.PROBABILISTIC, "Longer planar flows fit Rezende & Mohamed's 2-d energies better:"
                        + " KL(q_K ‖ p) falls as the number of steps K grows.", "Rezende & Mohamed 2015, Fig. 3",
                "Fig. 3: K = 32 planar flows match U1–U4 closely; the KL falls with K (their panel c, read off a"
                        + " plot)", "fits", "iterations");
    }

    /**
     * Reproduced when, for every energy, the KL falls from each K to the next; partly when for every energy the
     * longest flow's KL is below the shortest's; else not reproduced.
     */
    @Override
    public Verdict judge(Metrics m) {
        boolean monotone = true;
        boolean overall = true;
        for (String energy : m.fits().stream().map(Fit::energy).distinct().toList()) {
            List<Fit> byK = m.fits().stream().filter(f -> f.energy().equals(energy))
                    .sorted(Comparator.comparingInt(Fit::k)).toList();
            for (int i = 1; i < byK.size(); i++) {
                monotone &= byK.get(i).kl() < byK.get(i - 1).kl();
            }
            overall &= byK.size() > 1 && byK.get(byK.size() - 1).kl() < byK.get(0).kl();
        }
        return Verdict.of(monotone && overall, overall);
    }
}
