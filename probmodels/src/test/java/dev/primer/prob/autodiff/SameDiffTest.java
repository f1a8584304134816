package dev.primer.prob.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.prob.targets.Banana;
import org.nd4j.autodiff.samediff.SDIndex;
import org.junit.jupiter.api.Test;

/** Reverse mode through SameDiff against analytic gradients, forward mode and finite differences. */
class SameDiffTest {
    @Test
    void bananaLogDensityGradientMatchesTheAnalyticOne() {
        Banana banana = new Banana(3, 0.1);
        SameDiffFunction f = SameDiffFunction.of(3, (sd, x) -> {
            var y0 = x.get(SDIndex.point(0));
            var y1 = x.get(SDIndex.point(1));
            var y2 = x.get(SDIndex.point(2));
            var u = y1.add(y0.mul(y0).mul(0.1)).sub(10.0);
            return y0.mul(y0).div(-200.0).sub(u.mul(u).div(2.0)).sub(y2.mul(y2).div(2.0));
        });
        double[] x = {3.0, -1.5, 0.4};
        double[] g = new double[3];
        double[] expected = new double[3];
        double v = f.valueAndGradient(x, g);
        assertEquals(banana.valueAndGradient(x, expected), v, 1e-12);
        assertArrayEquals(expected, g, 1e-12);
        assertEquals(v, f.value(x), 1e-12);
    }

    @Test
    void vjpAgreesWithForwardModeJvp() {
        SameDiffMap map = SameDiffMap.of(3, 3, (sd, x) -> sd.math().tanh(x.mul(x.sum())).mul(sd.math().exp(x)));
        ForwardMode.Vector same = x -> {
            HyperDual s = x[0].plus(x[1]).plus(x[2]);
            HyperDual[] r = new HyperDual[3];
            for (int i = 0; i < 3; i++) {
                r[i] = x[i].times(s).tanh().times(x[i].exp());
            }
            return r;
        };
        double[] x = {0.3, -0.2, 0.5};
        double[] u = {1.0, 2.0, -0.5};
        double[] v = {-0.7, 0.1, 0.4};
        assertArrayEquals(ForwardModeTest.values(same, x), map.value(x), 1e-12);
        double[] jv = ForwardMode.jvp(same, x, v);
        double[] ju = map.vjp(x, u);
        double lhs = 0;
        double rhs = 0;
        for (int i = 0; i < 3; i++) {
            lhs += u[i] * jv[i];
            rhs += ju[i] * v[i];
        }
        assertEquals(lhs, rhs, 1e-12, "uᵀ(Jv) = (uᵀJ)v");
        double[][] j = map.jacobian(x);
        for (int k = 0; k < 3; k++) {
            double[] col = ForwardMode.jvp(same, x, unit(k));
            for (int i = 0; i < 3; i++) {
                assertEquals(col[i], j[i][k], 1e-12);
            }
        }
    }

    @Test
    void mapRejectsInputsAndCotangentsOfTheWrongLength() {
        SameDiffMap map = SameDiffMap.of(3, 3, (sd, x) -> x.mul(x));
        assertThrows(IllegalArgumentException.class, () -> map.value(new double[2]));
        assertThrows(IllegalArgumentException.class, () -> map.vjp(new double[4], new double[3]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> map.vjp(new double[3], new double[2]));
        assertTrue(e.getMessage().contains("cotangent"), e.getMessage());
    }

    private static double[] unit(int k) {
        double[] e = new double[3];
        e[k] = 1;
        return e;
    }
}
