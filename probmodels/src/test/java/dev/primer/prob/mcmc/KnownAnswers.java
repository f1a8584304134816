package dev.primer.prob.mcmc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.prob.diag.Diagnostics;
import dev.primer.prob.targets.Target;

/** Moment checks with tolerances from the effective sample size: |estimate − truth| &lt; z·sd/√ESS. */
final class KnownAnswers {
    /** Four standard errors: a false alarm rate near 6·10⁻⁵ per check. */
    static final double Z = 4;

    private KnownAnswers() {
    }

    /** Checks E[xⱼ] and E[(xⱼ − μⱼ)²] for the first {@code coords} coordinates (all when −1). */
    static void assertMoments(String label, Samples s, Target t, int coords) {
        double[] mu = t.mean();
        double[] var = t.variance();
        int n = coords < 0 ? t.dim() : coords;
        for (int j = 0; j < n; j++) {
            int jj = j;
            double[][] x = s.component(j);
            double ess = Diagnostics.ess(x);
            double mean = Samples.mean(x);
            double tolMean = Z * Math.sqrt(var[j]) / Math.sqrt(ess);
            assertTrue(Math.abs(mean - mu[j]) < tolMean, String.format(
                    "%s: E[x%d] = %.4f, expected %.4f ± %.4f (ESS %.0f)", label, j, mean, mu[j], tolMean, ess));
            double[][] sq = s.map(v -> (v[jj] - mu[jj]) * (v[jj] - mu[jj]));
            double essSq = Diagnostics.ess(sq);
            double m2 = Samples.mean(sq);
            double sdSq = Samples.sd(sq);
            double tolVar = Z * sdSq / Math.sqrt(essSq);
            assertTrue(Math.abs(m2 - var[j]) < tolVar, String.format(
                    "%s: Var[x%d] = %.4f, expected %.4f ± %.4f (ESS %.0f)", label, j, m2, var[j], tolVar, essSq));
        }
    }
}
