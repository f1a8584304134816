package dev.primer.experiments.prob;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.SettingsExperiment;
import dev.primer.experiments.core.Verdict;
import dev.primer.prob.LogDensity;
import dev.primer.prob.ebm.Ebm;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An energy-based model P(x) ∝ exp f(x), f a small MLP, trained by persistent contrastive divergence with the
 * project's MALA kernel on two 2-D data sets (eight Gaussians on a circle, two moons): per data set a picture of
 * the data's histogram, the learned density exp f normalised on the grid, and the persistent chains' histogram.
 * The figure of merit is the held-out log-likelihood of the data under exp f normalised on the grid.
 */
public final class Ebm2d extends SettingsExperiment<Ebm2d.Metrics, Ebm2d.Settings> {
    private static final int GRID = 60;
    private static final double HALF_WIDTH = 3;
    private static final int HELD_OUT = 2000;

    /** The 2-D data sets. */
    public enum Data {
        /** Eight N(·, 0.15²I) on the circle of radius 2. */
        EIGHT_GAUSSIANS,
        /** The two interleaved half circles of scikit-learn's {@code make_moons}, noise 0.1, centred and scaled. */
        TWO_MOONS;

        /** A point drawn from {@code rng}. */
        double[] draw(SplitMix64 rng) {
            if (this == EIGHT_GAUSSIANS) {
                double a = 2 * Math.PI * (int) (8 * rng.nextDouble()) / 8;
                return new double[] {2 * Math.cos(a) + 0.15 * rng.nextGaussianBoxMuller(),
                    2 * Math.sin(a) + 0.15 * rng.nextGaussianBoxMuller()};
            }
            double t = Math.PI * rng.nextDouble();
            boolean upper = rng.nextDouble() < 0.5;
            double x = upper ? Math.cos(t) : 1 - Math.cos(t);
            double y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
            return new double[] {1.5 * (x - 0.5) + 0.15 * rng.nextGaussianBoxMuller(),
                1.5 * (y - 0.25) + 0.15 * rng.nextGaussianBoxMuller()};
        }
    }

    /**
     * The budget.
     *
     * @param iterations PCD updates per data set
     */
    public record Settings(int iterations) {
        /** Rejects a budget that cannot train. */
        public Settings {
            if (iterations < 1) {
                throw new IllegalArgumentException("ebm-2d needs iterations >= 1, got " + iterations);
            }
        }

        /** Quick: 150 updates. */
        public static Settings quick() {
            return new Settings(150);
        }

        /** Full: 3,000 updates. */
        public static Settings full() {
            return new Settings(3000);
        }
    }

    /**
     * One data set's result.
     *
     * @param data                  which
     * @param heldOutLogLikelihood  mean log of the grid-normalised exp f at held-out points (per unit area)
     * @param uniformLogLikelihood  the same for the uniform density on the grid's square (the floor)
     * @param finalGap              mean f(data) − mean f(chains) over the last 50 updates
     * @param seconds               training wall time
     */
    public record Fit(Data data, double heldOutLogLikelihood, double uniformLogLikelihood, double finalGap,
                      double seconds) {
    }

    /**
     * The results.
     *
     * @param iterations PCD updates per data set
     * @param fits       one per data set
     */
    public record Metrics(int iterations, List<Fit> fits) {
    }

    /** The experiment, as the registry lists it. */
    public Ebm2d() {
        super("ebm-2d", "energy-based model exp f(x), neural f, trained by persistent contrastive divergence with MALA"
                + " on 2-D data: learned densities against the data", Settings.quick(), Settings.full());
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        List<Fit> fits = new ArrayList<>();
        List<String> plots = new ArrayList<>();
        for (Data data : Data.values()) {
            SplitMix64 rng = SplitMix64.seeded(ctx.seed() + data.ordinal());
            Ebm.Config config = Ebm.Config.plane();
            Ebm ebm = new Ebm(config, ctx.seed());
            double[] gaps = new double[s.iterations()];
            long t0 = System.nanoTime();
            for (int it = 0; it < s.iterations(); it++) {
                double[][] batch = new double[config.chains()][];
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = data.draw(rng);
                }
                gaps[it] = ebm.fit(Nd4j.create(batch));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[][] heldOut = new double[HELD_OUT][];
            for (int i = 0; i < HELD_OUT; i++) {
                heldOut[i] = data.draw(rng);
            }
            double[] logDensity = logDensityGrid(ebm.logDensity());
            double ll = logLikelihood(logDensity, heldOut);
            float[] density = new float[logDensity.length];
            for (int i = 0; i < density.length; i++) {
                density[i] = (float) Math.exp(logDensity[i]);
            }
            double uniform = -Math.log(4 * HALF_WIDTH * HALF_WIDTH);
            double gap = 0;
            int last = Math.min(50, gaps.length);
            for (int i = gaps.length - last; i < gaps.length; i++) {
                gap += gaps[i] / last;
            }
            fits.add(new Fit(data, ll, uniform, gap, seconds));
            String name = data.name().toLowerCase(Locale.ROOT).replace('_', '-');
            plots.add(Plots.imageGrid(ctx.dir(), name + ".png", name + ": data, learned exp f, persistent chains",
                    List.of("data", "exp f", "chains"), List.of(List.of(
                            new Plots.Tile("", GRID, GRID, histogram(heldOut)),
                            new Plots.Tile("", GRID, GRID, scaled(density)),
                            new Plots.Tile("", GRID, GRID, histogram(ebm.chainPositions())))), 3));
        }
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT,
                "After %d PCD updates, held-out log-likelihood under exp f normalised on the grid:", s.iterations()));
        for (Fit f : fits) {
            head.append(String.format(Locale.ROOT, " %s %.2f nats (uniform %.2f);", f.data(),
                    f.heldOutLogLikelihood(), f.uniformLogLikelihood()));
        }
        return new Outcome<>(new Metrics(s.iterations(), fits), plots, head.toString());
    }

    /** log of exp f normalised to a density on the GRID × GRID cells of [−3, 3]² (sum of exp × cell area = 1). */
    private static double[] logDensityGrid(LogDensity f) {
        double cell = 2 * HALF_WIDTH / GRID;
        double[] lf = new double[GRID * GRID];
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                lf[r * GRID + c] = f.value(new double[] {-HALF_WIDTH + (c + 0.5) * cell, HALF_WIDTH - (r + 0.5) * cell});
                max = Math.max(max, lf[r * GRID + c]);
            }
        }
        double z = 0;
        for (double v : lf) {
            z += Math.exp(v - max) * cell * cell;
        }
        double logZ = max + Math.log(z);
        for (int i = 0; i < lf.length; i++) {
            lf[i] -= logZ;
        }
        return lf;
    }

    /** Mean log density of the cells holding {@code points} (a point outside the square scores −∞). */
    private static double logLikelihood(double[] logDensity, double[][] points) {
        double s = 0;
        for (double[] x : points) {
            int i = cellOf(x);
            s += i < 0 ? Double.NEGATIVE_INFINITY : logDensity[i];
        }
        return s / points.length;
    }

    private static int cellOf(double[] x) {
        int c = (int) Math.floor((x[0] + HALF_WIDTH) / (2 * HALF_WIDTH) * GRID);
        int r = (int) Math.floor((HALF_WIDTH - x[1]) / (2 * HALF_WIDTH) * GRID);
        return c < 0 || c >= GRID || r < 0 || r >= GRID ? -1 : r * GRID + c;
    }

    /** Counts of points per cell, scaled to a maximum of 1. */
    private static float[] histogram(double[][] points) {
        float[] h = new float[GRID * GRID];
        for (double[] x : points) {
            int i = cellOf(x);
            if (i >= 0) {
                h[i]++;
            }
        }
        return scaled(h);
    }

    private static float[] scaled(float[] v) {
        float max = 0;
        for (float x : v) {
            max = Math.max(max, x);
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = max > 0 ? v[i] / max : 0;
        }
        return out;
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.PROBABILISTIC, "An energy-based model exp f(x) trained by persistent contrastive"
                        + " divergence with Langevin (MALA) chains explains held-out 2-d data better than the uniform"
                        + " density.", "Tieleman 2008 (PCD); Du & Mordatch 2019, §3", "no figure to compare: the"
                        + " papers show pictures; judged against the uniform density on the square", "fits",
                "iterations");
    }

    /**
     * Reproduced when the held-out log-likelihood beats the uniform density's on every data set, partly when on at
     * least one; else not reproduced.
     */
    @Override
    public Verdict judge(Metrics m) {
        long better = m.fits().stream().filter(f -> f.heldOutLogLikelihood() > f.uniformLogLikelihood()).count();
        return Verdict.of(!m.fits().isEmpty() && better == m.fits().size(), better > 0);
    }
}
