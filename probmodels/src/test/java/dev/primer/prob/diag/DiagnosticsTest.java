package dev.primer.prob.diag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;

/** ESS and R̂ on processes whose answers are known in closed form. */
class DiagnosticsTest {
    /** m chains of the AR(1) process xₜ = ρ·xₜ₋₁ + √(1−ρ²)·ξₜ started in stationarity. */
    static double[][] ar1(int m, int n, double rho, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[][] x = new double[m][n];
        for (int c = 0; c < m; c++) {
            x[c][0] = rng.nextGaussianBoxMuller();
            for (int t = 1; t < n; t++) {
                x[c][t] = rho * x[c][t - 1] + Math.sqrt(1 - rho * rho) * rng.nextGaussianBoxMuller();
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

    /**
     * The tail term: for the MA(3) process xₜ = eₜ + 0.5·eₜ₋₂ − 0.9·eₜ₋₃ the autocorrelations are ρ₁ = −0.45/2.06,
     * ρ₂ = 0.5/2.06 and ρ₃ = −0.9/2.06, so Geyer's sequence stops at the pair (ρ₂, ρ₃), whose sum is negative, while
     * ρ₂ &gt; 0. Stan then adds ρ₂ once: τ̂ → −1 + 2(1 + ρ₁) + ρ₂ = 1 + 2ρ₁ + ρ₂ ≈ 0.807, ESS ≈ MN/0.807; leaving it
     * out gives MN/0.563, 43% more. At 20000 draws the sample ρ̂ are within about 0.01 of their limits.
     */
    @Test
    void essAddsTheLastPositiveEvenLagAutocorrelationWhenTheSequenceStops() {
        int m = 4;
        int n = 5000;
        double[] psi = {1, 0, 0.5, -0.9};
        double g0 = 1 + 0.25 + 0.81;
        double rho1 = psi[2] * psi[3] / g0;
        double rho2 = psi[2] / g0;
        double expected = m * n / (1 + 2 * rho1 + rho2);
        SplitMix64 rng = new SplitMix64(8);
        double[][] x = new double[m][n];
        for (int c = 0; c < m; c++) {
            double e1 = rng.nextGaussianBoxMuller();
            double e2 = rng.nextGaussianBoxMuller();
            double e3 = rng.nextGaussianBoxMuller();
            for (int t = 0; t < n; t++) {
                double e = rng.nextGaussianBoxMuller();
                x[c][t] = e + psi[1] * e1 + psi[2] * e2 + psi[3] * e3;
                e3 = e2;
                e2 = e1;
                e1 = e;
            }
        }
        assertEquals(expected, Diagnostics.ess(x), 0.05 * expected);
    }

    @Test
    void chainsOfUnequalLengthAreRejected() {
        double[][] ragged = {ar1(1, 100, 0, 9)[0], ar1(1, 99, 0, 10)[0]};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Diagnostics.ess(ragged));
        assertTrue(e.getMessage().contains("equal lengths"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Diagnostics.splitRhat(ragged));
        assertThrows(IllegalArgumentException.class, () -> Diagnostics.ess(new double[0][]));
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
