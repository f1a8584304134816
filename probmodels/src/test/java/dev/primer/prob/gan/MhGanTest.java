package dev.primer.prob.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;

class MhGanTest {
    private static final double[] P = {0.1, 0.2, 0.3, 0.4};
    private static final double[] Q = {0.4, 0.3, 0.2, 0.1};

    @Test
    void acceptanceIsTurnersRatioOfDiscriminatorOdds() {
        double d = 0.3;
        double dPrime = 0.6;
        double turner = Math.min(1, (1 / d - 1) / (1 / dPrime - 1));
        assertEquals(turner, MhGan.acceptance(logit(d), logit(dPrime)), 1e-12);
        assertEquals(Math.min(1, (1 / dPrime - 1) / (1 / d - 1)), MhGan.acceptance(logit(dPrime), logit(d)), 1e-12);
    }

    @Test
    void chainsWithTheExactDensityRatioSampleTheTarget() {
        SplitMix64 rng = SplitMix64.seeded(7);
        int chains = 40_000;
        int length = 30;
        double[] freq = new double[P.length];
        for (int c = 0; c < chains; c++) {
            int[] proposals = new int[length];
            double[] logits = new double[length];
            for (int k = 0; k < length; k++) {
                proposals[k] = draw(Q, rng);
                logits[k] = Math.log(P[proposals[k]] / Q[proposals[k]]);
            }
            freq[proposals[MhGan.chain(logits, rng)]] += 1.0 / chains;
        }
        // Binomial standard error ≤ 0.0025 at 40,000 chains; the chains' memory of q after 30 steps is far smaller.
        for (int i = 0; i < P.length; i++) {
            assertEquals(P[i], freq[i], 0.01, "state " + i);
        }
    }

    @Test
    void rejectionWithTheLargestRatioSamplesTheTarget() {
        SplitMix64 rng = SplitMix64.seeded(8);
        int n = 200_000;
        double[] logits = new double[n];
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = draw(Q, rng);
            logits[i] = Math.log(P[x[i]] / Q[x[i]]);
        }
        boolean[] keep = MhGan.rejection(logits, Math.log(P[3] / Q[3]), rng);
        double[] freq = new double[P.length];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                freq[x[i]]++;
                kept++;
            }
        }
        // The acceptance rate of rejection sampling is 1/M = Q[3]/P[3] = 0.25.
        assertEquals(0.25, kept / (double) n, 0.01);
        for (int i = 0; i < P.length; i++) {
            assertEquals(P[i], freq[i] / kept, 0.01, "state " + i);
        }
    }

    @Test
    void plattScalingRecoversAKnownLogisticModel() {
        SplitMix64 rng = SplitMix64.seeded(9);
        int n = 20_000;
        double[] real = new double[n];
        double[] fake = new double[n];
        int r = 0;
        int f = 0;
        for (int i = 0; i < n; i++) {
            double s = 2 * rng.nextGaussianBoxMuller();
            if (rng.nextDouble() < 1 / (1 + Math.exp(-(2 * s - 1)))) {
                real[r++] = s;
            } else {
                fake[f++] = s;
            }
        }
        MhGan.Calibration c = MhGan.Calibration.fit(java.util.Arrays.copyOf(real, r), java.util.Arrays.copyOf(fake, f));
        assertEquals(2, c.slope(), 0.15);
        assertEquals(-1, c.intercept(), 0.1);
    }

    private static double logit(double d) {
        return Math.log(d / (1 - d));
    }

    private static int draw(double[] probs, SplitMix64 rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < probs.length - 1; i++) {
            u -= probs[i];
            if (u < 0) {
                return i;
            }
        }
        return probs.length - 1;
    }
}
