package dev.primer.prob.diag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.data.SplitMix64;
import org.junit.jupiter.api.Test;

/** ESS and R̂ on processes whose answers are known in closed form. */
class DiagnosticsTest {
    /** m chains of the AR(1) process xₜ = ρ·xₜ₋₁ + √(1−ρ²)·ξₜ started in stationarity. */
    static double[][] ar1(int m, int n, double rho, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[][] x = new double[m][n];
        for (int c = 0; c < m; c++) {
            x[c][0] = rng.nextGaussian();
            for (int t = 1; t < n; t++) {
                x[c][t] = rho * x[c][t - 1] + Math.sqrt(1 - rho * rho) * rng.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void autocovarianceByFftMatchesTheDirectSum() {
        double[] x = ar1(1, 37, 0.5, 1)[0];
        double[] fft = Diagnostics.autocovariance(x);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double[] direct = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            for (int s = 0; s + t < x.length; s++) {
                direct[t] += (x[s] - mean) * (x[s + t] - mean);
            }
            direct[t] /= x.length;
        }
        assertArrayEquals(direct, fft, 1e-12);
    }

    @Test
    void essOfIndependentDrawsIsTheirNumber() {
        double ess = Diagnostics.ess(ar1(4, 2000, 0, 2));
        assertEquals(8000, ess, 800);
    }

    @Test
    void essOfAr1MatchesItsIntegratedAutocorrelationTime() {
        double rho = 0.9;
        double expected = 4 * 5000 * (1 - rho) / (1 + rho);
        assertEquals(expected, Diagnostics.ess(ar1(4, 5000, rho, 3)), 0.2 * expected);
    }

    @Test
    void antitheticChainsAreSuperEfficient() {
        assertTrue(Diagnostics.ess(ar1(4, 2000, -0.5, 4)) > 8000);
    }

    @Test
    void rhatIsOneForMixedChainsAndLargeForStuckOnes() {
        double[][] mixed = ar1(4, 1000, 0.5, 5);
        assertEquals(1.0, Diagnostics.splitRhat(mixed), 0.01);
        double[][] stuck = ar1(4, 1000, 0.5, 6);
        for (int t = 0; t < 1000; t++) {
            stuck[0][t] += 2;
        }
        assertTrue(Diagnostics.splitRhat(stuck) > 1.3, "R-hat " + Diagnostics.splitRhat(stuck));
    }

    @Test
    void splitRhatCatchesATrendWithinOneChain() {
        double[][] x = ar1(1, 2000, 0.0, 7);
        for (int t = 0; t < 2000; t++) {
            x[0][t] += 3.0 * t / 2000;
        }
        assertTrue(Diagnostics.splitRhat(x) > 1.2, "R-hat " + Diagnostics.splitRhat(x));
    }
}
