package dev.primer.experiments.prob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.core.Budget;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Experiment;
import dev.primer.experiments.core.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each probabilistic experiment runs at the quick budget, writes its plots and reproduces its claim. */
class ProbExperimentsTest {
    @TempDir
    Path dir;

    /** Seeds for claims that a single seed could pass or fail by luck; the median over them is asserted. */
    static final long[] SEEDS = {1, 2, 3};

    private <M extends Record> Outcome<M> run(Experiment<M> e) throws Exception {
        return run(e, 1);
    }

    private <M extends Record> Outcome<M> run(Experiment<M> e, long seed) throws Exception {
        long start = System.nanoTime();
        Outcome<M> o = e.run(new Context(Budget.QUICK, seed, dir));
        System.out.printf("%s: %.1f s: %s%n%s%n", e.name(), (System.nanoTime() - start) / 1e9, o.headline(),
                o.metrics());
        assertFalse(o.plots().isEmpty());
        for (String p : o.plots()) {
            assertTrue(Files.size(dir.resolve(p)) > 1000, p);
        }
        return o;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * The histogram TV of n independent draws shrinks like 1/√n, so tv &lt; 10·tv_iid(n) says the samples are at
     * least as accurate as about n/100 independent draws: it fails when a sampler misses a mode (TV ≈ 0.5) or is
     * badly biased, and it is not implied by beating a point mass (TV ≈ 1).
     */
    static final double IID_FACTOR = 10;

    @Test
    void sgldMixture() throws Exception {
        Outcome<SgldMixture.Metrics> o = run(new SgldMixture());
        SgldMixture.Metrics m = o.metrics();
        assertTrue(m.tvSgld() < 0.3, "SGLD is close to the grid posterior");
        assertTrue(m.tvSgld() < IID_FACTOR * m.tvIidSameCount(), "SGLD is as accurate as 1% as many independent draws");
        assertTrue(m.sgldModeProportionsMatch(),
                "SGLD splits its samples between the modes within a factor 2 of the posterior's split");
        assertTrue(o.headline().contains("both posterior modes in about the right proportion"), o.headline());
    }

    @Test
    void langevinVsSgd() throws Exception {
        LangevinVsSgd.Metrics m = run(new LangevinVsSgd()).metrics();
        double tvSgld = m.tvSgld();
        double tvIid = m.tvIidSameCount();
        assertTrue(tvSgld < IID_FACTOR * tvIid, "SGLD TV " + tvSgld + " vs " + IID_FACTOR + " x iid TV " + tvIid);
        assertTrue(m.tvSgdPointMass() > 0.5, "a point mass is far from a bimodal posterior");
    }

    @Test
    void sgdVsGdRates() throws Exception {
        double[] gd = new double[SEEDS.length];
        double[] sgd = new double[SEEDS.length];
        for (int i = 0; i < SEEDS.length; i++) {
            SgdVsGdRates.Metrics m = run(new SgdVsGdRates(), SEEDS[i]).metrics();
            gd[i] = m.gdSeparableSlope();
            sgd[i] = m.sgdOverlappingSlope();
        }
        assertTrue(Math.abs(median(gd) + 1) < 0.15, "median GD slope near -1: " + Arrays.toString(gd));
        assertTrue(Math.abs(median(sgd) + 0.5) < 0.15, "median SGD slope near -1/2: " + Arrays.toString(sgd));
    }

    @Test
    void optimizers() throws Exception {
        Optimizers.Metrics m = run(new Optimizers()).metrics();
        assertTrue(m.scaleAdamMaxIterateDifference() < 1e-12);
        assertTrue(m.run("rosenbrock", "newton").last() < 1e-12);
    }
}
