package dev.primer.prob.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.prob.targets.Banana;
import dev.primer.prob.targets.Funnel;
import dev.primer.prob.targets.Gaussian;
import dev.primer.prob.targets.GaussianMixture;
import dev.primer.prob.targets.Target;
import org.junit.jupiter.api.Test;

/** Every sampler recovers the known moments of its targets, within ESS-derived tolerances, at fixed seeds. */
class KnownAnswerTest {
    private static final long SEED = 20240607L;
    private final Gaussian correlated = Gaussian.correlated2d(1.0, 2.0, 0.9);

    @Test
    void randomWalkMetropolisOnCorrelatedGaussian() {
        Samples s = Chains.run(new RandomWalkMetropolis(correlated, 0.8), 2, 4, 1000, 5000, SEED, 2);
        KnownAnswers.assertMoments("RWM", s, correlated, -1);
        assertTrue(s.acceptanceRate() > 0.15 && s.acceptanceRate() < 0.6, "acceptance " + s.acceptanceRate());
        assertTrue(s.maxRhat() < 1.05, "R-hat " + s.maxRhat());
    }

    @Test
    void independentMetropolisWithWideProposal() {
        Samples s = Chains.run(new IndependentMetropolis(correlated, new double[2], new double[] {1.5, 3.0}),
                2, 4, 200, 3000, SEED, 2);
        KnownAnswers.assertMoments("IMH", s, correlated, -1);
    }

    @Test
    void malaOnCorrelatedGaussian() {
        Samples s = Chains.run(Langevin.mala(correlated, 0.35), 2, 4, 500, 4000, SEED, 2);
        KnownAnswers.assertMoments("MALA", s, correlated, -1);
        assertTrue(s.samplingGradients() == 4L * 4000, "one gradient per MALA step");
    }

    @Test
    void hmcAndNutsOnCorrelatedGaussian() {
        Samples hmc = Chains.run(Hmc.of(correlated), 2, 4, 500, 1000, SEED, 2);
        KnownAnswers.assertMoments("HMC", hmc, correlated, -1);
        Samples nuts = Chains.run(Nuts.of(correlated), 2, 4, 500, 1000, SEED, 2);
        KnownAnswers.assertMoments("NUTS", nuts, correlated, -1);
        assertEquals(0, nuts.divergences());
        // the averaged step size ε̄ is conservative, so post-warmup acceptance sits at or a little above δ = 0.8
        assertTrue(nuts.meanAcceptProb() > 0.75 && nuts.meanAcceptProb() < 0.97, "accept " + nuts.meanAcceptProb());
    }

    @Test
    void nutsOn100dGaussianWithUnequalScales() {
        double[] sd = new double[100];
        for (int i = 0; i < 100; i++) {
            sd[i] = 0.1 + 0.05 * i;
        }
        Gaussian g = Gaussian.diagonal(new double[100], sd);
        Samples s = Chains.run(Nuts.of(g), 100, 4, 600, 600, SEED, 2);
        KnownAnswers.assertMoments("NUTS-100d", s, g, -1);
        assertTrue(s.maxRhat() < 1.05, "R-hat " + s.maxRhat());
    }

    @Test
    void nutsOnBanana() {
        Target b = Banana.moderate();
        Samples s = Chains.run(Nuts.of(b), 2, 4, 1000, 2000, SEED, 2);
        KnownAnswers.assertMoments("NUTS-banana", s, b, -1);
    }

    @Test
    void nutsOnGaussianMixture() {
        GaussianMixture m = new GaussianMixture(new double[] {0.3, 0.7}, new double[][] {{-1.5}, {1.5}},
                new double[] {1.0, 0.8});
        Samples s = Chains.run(Nuts.of(m), 1, 4, 500, 3000, SEED, 2);
        KnownAnswers.assertMoments("NUTS-mixture", s, m, -1);
    }

    @Test
    void funnelNeckMakesHmcAndNutsDiverge() {
        Funnel f = new Funnel(10);
        Samples nuts = Chains.run(Nuts.of(f), 10, 4, 500, 500, SEED, 2);
        Samples hmc = Chains.run(Hmc.of(f), 10, 4, 500, 500, SEED, 2);
        assertTrue(nuts.divergences() > 0, "NUTS divergences " + nuts.divergences());
        assertTrue(hmc.divergences() > 0, "HMC divergences " + hmc.divergences());
    }

    @Test
    void unadjustedLangevinIsBiasedExactlyAsTheoryPredicts() {
        Gaussian g = Gaussian.standard(1);
        double eps = 0.8;
        Samples s = Chains.run(Langevin.unadjusted(g, eps), 1, 4, 200, 20000, SEED, 2);
        // x' = (1 − h/2)x + √h·ξ with h = ε² has stationary variance 1/(1 − h/4)
        double expected = 1 / (1 - eps * eps / 4);
        double[][] sq = s.map(v -> v[0] * v[0]);
        double tol = KnownAnswers.Z * Samples.sd(sq) / Math.sqrt(dev.primer.prob.diag.Diagnostics.ess(sq));
        assertEquals(expected, Samples.mean(sq), tol);
        assertTrue(expected - 1 > 3 * tol, "the bias is resolvable at this sample size");
    }
}
