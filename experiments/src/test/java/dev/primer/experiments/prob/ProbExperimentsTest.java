package dev.primer.experiments.prob;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.core.Budget;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Experiment;
import dev.primer.experiments.core.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each probabilistic experiment runs at the quick budget, writes its plots and reproduces its claim. */
class ProbExperimentsTest {
    @TempDir
    Path dir;

    private Outcome run(Experiment e) throws Exception {
        long start = System.nanoTime();
        Outcome o = e.run(new Context(Budget.QUICK, 1, dir));
        System.out.printf("%s: %.1f s: %s%n%s%n", e.name(), (System.nanoTime() - start) / 1e9, o.headline(),
                o.metrics());
        assertFalse(o.plots().isEmpty());
        for (String p : o.plots()) {
            assertTrue(Files.size(dir.resolve(p)) > 1000, p);
        }
        return o;
    }

    private static double metric(Outcome o, String key) {
        return ((Number) o.metrics().get(key)).doubleValue();
    }

    @Test
    void sgldMixture() throws Exception {
        Outcome o = run(new SgldMixture());
        assertTrue(metric(o, "tv_sgld") < 0.3, "SGLD is close to the grid posterior");
        assertTrue(metric(o, "sgld_fraction_theta2_below_0") > 0.05, "SGLD visits the second mode");
    }

    @Test
    void langevinVsSgd() throws Exception {
        Outcome o = run(new LangevinVsSgd());
        assertTrue(metric(o, "tv_sgld") < metric(o, "tv_sgd_point_mass"), "samples beat a point mass");
    }

    @Test
    void sgdVsGdRates() throws Exception {
        Outcome o = run(new SgdVsGdRates());
        assertTrue(Math.abs(metric(o, "gd_separable_slope") + 1) < 0.15, "GD slope near -1");
        assertTrue(Math.abs(metric(o, "sgd_overlapping_slope") + 0.5) < 0.15, "SGD slope near -1/2");
    }

    @Test
    void optimizers() throws Exception {
        Outcome o = run(new Optimizers());
        assertTrue(metric(o, "scale_adam_max_iterate_difference") < 1e-12);
        assertTrue(metric(o, "rosenbrock_newton_final") < 1e-12);
    }
}
