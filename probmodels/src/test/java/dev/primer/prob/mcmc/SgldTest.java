package dev.primer.prob.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.prob.autodiff.FiniteDifference;
import dev.primer.prob.diag.Diagnostics;
import dev.primer.prob.optim.StepSizeSchedule;
import dev.primer.prob.targets.WellingTehMixture;
import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;

/** SGLD's minibatch gradient is unbiased and its draws approach a conjugate posterior. */
class SgldTest {
    /** xᵢ ~ N(θ, 1), θ ~ N(0, 1): posterior N(Σx/(N+1), 1/(N+1)). */
    record NormalMean(double[] x) implements MinibatchDensity {
        public int dim() {
            return 1;
        }

        public int size() {
            return x.length;
        }

        public double logPrior(double[] t, double[] g) {
            g[0] = -t[0];
            return -0.5 * t[0] * t[0];
        }

        public double logLikelihood(int i, double[] t, double[] g) {
            g[0] += x[i] - t[0];
            return -0.5 * (x[i] - t[0]) * (x[i] - t[0]);
        }
    }

    @Test
    void fullBatchGradientEqualsTheLogDensityGradient() {
        WellingTehMixture m = WellingTehMixture.generate(100, 0, 1, 3);
        double[] theta = {0.4, 0.6};
        int[] all = new int[100];
        for (int i = 0; i < 100; i++) {
            all[i] = i;
        }
        double[] g = new double[2];
        m.minibatchGradient(theta, all, g);
        assertArrayEquals(FiniteDifference.gradient(m.full(), theta, 1e-6), g, 1e-5);
    }

    @Test
    void minibatchGradientIsUnbiased() {
        WellingTehMixture m = WellingTehMixture.generate(100, 0, 1, 3);
        double[] theta = {0.4, 0.6};
        double[] full = m.full().gradient(theta);
        SplitMix64 rng = new SplitMix64(5);
        double[] sum = new double[2];
        int reps = 20000;
        double[] g = new double[2];
        double[] sq = new double[2];
        for (int r = 0; r < reps; r++) {
            m.minibatchGradient(theta, Sgld.minibatch(rng, 100, 10), g);
            for (int j = 0; j < 2; j++) {
                sum[j] += g[j];
                sq[j] += g[j] * g[j];
            }
        }
        for (int j = 0; j < 2; j++) {
            double mean = sum[j] / reps;
            double se = Math.sqrt((sq[j] / reps - mean * mean) / reps);
            assertEquals(full[j], mean, 4 * se);
        }
    }

    @Test
    void minibatchesAreDistinctAndUniform() {
        SplitMix64 rng = new SplitMix64(21);
        int n = 7;
        int k = 3;
        int reps = 70000;
        int[] count = new int[n];
        for (int r = 0; r < reps; r++) {
            int[] b = Sgld.minibatch(rng, n, k);
            assertEquals(k, b.length);
            assertEquals(k, java.util.Arrays.stream(b).distinct().count(), java.util.Arrays.toString(b));
            for (int i : b) {
                assertTrue(i >= 0 && i < n);
                count[i]++;
            }
        }
        // each index is in the batch with probability k/n: binomial counts, 5 standard deviations
        double p = (double) k / n;
        double sd = Math.sqrt(reps * p * (1 - p));
        for (int c : count) {
            assertEquals(reps * p, c, 5 * sd, java.util.Arrays.toString(count));
        }
        int[] all = Sgld.minibatch(rng, n, n);
        java.util.Arrays.sort(all);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, all);
    }

    @Test
    void batchSizeMustBeBetweenOneAndTheNumberOfData() {
        NormalMean data = new NormalMean(new double[] {1, 2, 3});
        StepSizeSchedule lr = StepSizeSchedule.polynomial(1e-3, 100, 0.55);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sgld(data, 4, lr));
        assertTrue(e.getMessage().contains("N = 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sgld(data, 0, lr));
        new Sgld(data, 3, lr);
    }

    @Test
    void sgldDrawsMatchTheConjugatePosterior() {
        SplitMix64 rng = new SplitMix64(9);
        double[] x = new double[200];
        double sx = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.5 + rng.nextGaussianBoxMuller();
            sx += x[i];
        }
        double postMean = sx / (x.length + 1);
        double postVar = 1.0 / (x.length + 1);
        Sgld k = new Sgld(new NormalMean(x), 20, StepSizeSchedule.polynomial(1e-3, 100, 0.55));
        Samples s = Chains.run(k, 1, 4, 2000, 20000, 13, 2);
        double[][] th = s.component(0);
        double ess = Diagnostics.ess(th);
        assertEquals(postMean, Samples.mean(th), 4 * Math.sqrt(postVar / ess));
        double sd = Samples.sd(th);
        assertEquals(Math.sqrt(postVar), sd, 0.25 * Math.sqrt(postVar), "posterior spread within 25%");
    }
}
