package dev.primer.prob.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.random.SplitMix64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one contract every {@link Bijector} must meet, checked in double precision at random points of its domain:
 * inverse(forward(x)) = x, forward(inverse(y)) = y, forwardLogDetJacobian against the log |det| of a central-
 * difference Jacobian, inverseLogDetJacobian = −forwardLogDetJacobian at the image point, all finite. A new bijector
 * gets the whole contract by adding a line to {@link #cases()}.
 */
class BijectorContractTest {
    private static final int POINTS = 20;
    private static final double H = 1e-5;

    /** A bijector under test and a sampler of points in its domain. */
    record Case(String name, Bijector bijector, Function<SplitMix64, double[]> point) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        SplitMix64 r = SplitMix64.seeded(11);
        Function<SplitMix64, double[]> gaussian3 = g -> gaussian(g, 3);
        return Stream.of(
                new Case("affine", new ElementwiseAffine(new double[] {0.3, -1.2, 0}, new double[] {1, 0, -2}),
                        gaussian3),
                new Case("logit", new Logit(3, Logit.REALNVP_ALPHA), g -> new double[] {
                        g.nextDouble(), g.nextDouble(), g.nextDouble()}),
                new Case("planar", new Planar(gaussian(r, 3), gaussian(r, 3), 0.4), gaussian3),
                // wᵀu = −9 ≪ −1: û must be corrected for the step to stay invertible.
                new Case("planar, contracting u", new Planar(new double[] {1, 2, 0}, new double[] {-3, -3, 1}, -0.2),
                        gaussian3),
                new Case("affine coupling", new Coupling(new boolean[] {true, false, true}, mlp(r, 3, true)),
                        gaussian3),
                new Case("additive coupling", new Coupling(new boolean[] {false, true, false}, mlp(r, 3, false)),
                        gaussian3),
                new Case("chain", new Chain(List.of(new Planar(gaussian(r, 3), gaussian(r, 3), -0.1),
                        new Coupling(new boolean[] {false, true, true}, mlp(r, 3, true)),
                        new ElementwiseAffine(new double[] {0.5, 0.1, -0.3}, new double[3]))), gaussian3),
                new Case("logit then coupling", new Logit(2, 0.01).then(
                        new Coupling(new boolean[] {true, false}, mlp(r, 2, true))),
                        g -> new double[] {g.nextDouble(), g.nextDouble()}));
    }

    /** A random one-hidden-layer tanh conditioner for d dimensions (s ≡ 0 unless {@code affine}). */
    static Coupling.Conditioner mlp(SplitMix64 r, int d, boolean affine) {
        double[][] w1 = new double[d][5];
        double[][] w2 = new double[5][2 * d];
        for (double[] row : w1) {
            System.arraycopy(gaussian(r, 5), 0, row, 0, 5);
        }
        for (double[] row : w2) {
            System.arraycopy(gaussian(r, 2 * d), 0, row, 0, 2 * d);
        }
        return x -> {
            double[] h = new double[5];
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < d; i++) {
                    h[j] += x[i] * w1[i][j];
                }
                h[j] = Math.tanh(h[j]);
            }
            double[][] st = new double[2][d];
            for (int k = 0; k < 2 * d; k++) {
                for (int j = 0; j < 5; j++) {
                    st[k / d][k % d] += h[j] * w2[j][k];
                }
            }
            if (!affine) {
                st[0] = new double[d];
            }
            return st;
        };
    }

    static double[] gaussian(SplitMix64 r, int d) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = r.nextGaussianBoxMuller();
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void meetsTheBijectorContract(Case c) {
        SplitMix64 r = SplitMix64.seeded(c.name().hashCode());
        Bijector b = c.bijector();
        for (int p = 0; p < POINTS; p++) {
            double[] x = c.point().apply(r);
            double[] y = b.forward(x);
            assertClose(x, b.inverse(y), 1e-9, c.name() + ": inverse(forward(x))");
            assertClose(y, b.forward(b.inverse(y)), 1e-9, c.name() + ": forward(inverse(y))");
            double logDet = b.forwardLogDetJacobian(x);
            assertTrue(Double.isFinite(logDet), c.name() + ": log-det " + logDet);
            assertEquals(logDet, numericLogDet(b, x), 1e-6 * Math.max(1, Math.abs(logDet)),
                    c.name() + ": forward log-det against a central-difference Jacobian");
            assertEquals(-logDet, b.inverseLogDetJacobian(y), 1e-9 * Math.max(1, Math.abs(logDet)),
                    c.name() + ": inverse log-det");
        }
    }

    private static void assertClose(double[] want, double[] got, double tol, String what) {
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], tol * Math.max(1, Math.abs(want[i])), what + " at " + i);
        }
    }

    /** log |det J| of the central-difference Jacobian. */
    static double numericLogDet(Bijector b, double[] x) {
        int d = x.length;
        double[][] j = new double[d][d];
        for (int k = 0; k < d; k++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[k] += H;
            down[k] -= H;
            double[] fu = b.forward(up);
            double[] fd = b.forward(down);
            for (int i = 0; i < d; i++) {
                j[i][k] = (fu[i] - fd[i]) / (2 * H);
            }
        }
        return Jacobians.logAbsDet(j);
    }
}
