package dev.primer.nn.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The expression network's gradients, noise and saved state. */
class ExprNetTest {
    /**
     * A small model using every operation: a reparametrised Gaussian layer (noise inside the graph) between two
     * dense layers, a Bernoulli likelihood on input x and a squared penalty against input y.
     */
    static Program tiny() {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 6);
        Expr y = p.input("y", 3);
        Expr pre = p.linear("a", x, 5);
        Expr h = p.relu(pre);
        Expr mu = p.linear("mu", h, 3);
        Expr s = p.exp(p.scale(p.linear("ls", h, 3), 0.5));
        Expr z = p.add(mu, p.mul(s, p.normal(x, 3)));
        Expr logits = p.linear("out", p.softplus(z), 6);
        Expr nll = p.rowSum(p.bceWithLogits(logits, x));
        Expr pen = p.rowSum(p.square(p.sub(p.shift(z, 0.25), y)));
        return p.build(p.meanRows(p.add(nll, pen)), Map.of("z", z, "pre", pre));
    }

    static INDArray[] batch(int rows, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return new INDArray[] {Nd4j.rand(DataType.FLOAT, rows, 6).gt(0.5).castTo(DataType.FLOAT),
                Nd4j.randn(DataType.FLOAT, rows, 3)};
    }

    @Test
    void gradientsMatchCentralDifferencesOfTheLoss() {
        ExprNet net = new ExprNet(tiny(), Updates.adam(1e-3), 3);
        INDArray[] in = batch(7, 5);
        net.gradient(in);
        float[] analytic = net.gradients().toFloatVector();
        INDArray theta = net.params();
        double h = 1e-3;
        // Central differences are wrong across a ReLU kink: no pre-activation may lie within h·|x| ≤ h of zero.
        double nearest = Transforms.abs(net.outputs(in).get("pre")).minNumber().doubleValue();
        assertTrue(nearest > 2 * h, "a pre-activation at " + nearest + " is too close to the ReLU kink");
        double worst = 0;
        for (int k = 0; k < theta.length(); k++) {
            double t = theta.getDouble(k);
            theta.putScalar(k, t + h);
            double up = net.gradient(in);
            theta.putScalar(k, t - h);
            double down = net.gradient(in);
            theta.putScalar(k, t);
            double numeric = (up - down) / (2 * h);
            // A float32 loss of size ~10 is rounded by ~1e-6, so the central difference is good to ~1e-3 (~1e-6/h).
            worst = Math.max(worst, Math.abs(numeric - analytic[k]) / Math.max(1, Math.abs(numeric)));
        }
        assertTrue(worst < 5e-3, "worst relative gradient error " + worst);
    }

    @Test
    void noiseIsFixedBySeedAndStepAndFreshAfterAnUpdate() {
        INDArray[] in = batch(4, 9);
        ExprNet a = new ExprNet(tiny(), Updates.adam(1e-3), 3);
        ExprNet b = new ExprNet(tiny(), Updates.adam(1e-3), 3);
        assertEquals(a.gradient(in), b.gradient(in));
        assertEquals(a.gradient(in), a.gradient(in), "same step, same noise");
        INDArray z0 = a.outputs(1, in).get("z");
        assertEquals(z0, a.outputs(1, in).get("z"));
        assertNotEquals(z0, a.outputs(2, in).get("z"));
        ExprNet other = new ExprNet(tiny(), Updates.adam(1e-3), 4);
        assertNotEquals(a.params(), other.params(), "the seed fixes the initialisation");
    }

    @Test
    void savedStateRestoresTheSameTrajectory() throws Exception {
        ExprNet a = new ExprNet(tiny(), Updates.adam(1e-2), 3);
        for (int i = 0; i < 5; i++) {
            a.fit(batch(8, i));
        }
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        a.write(saved);
        ExprNet b = a.fresh();
        b.read(new ByteArrayInputStream(saved.toByteArray()));
        assertEquals(5, b.iterations());
        for (int i = 5; i < 8; i++) {
            assertEquals(a.fit(batch(8, i)), b.fit(batch(8, i)));
        }
        assertEquals(a.params(), b.params());
        assertEquals(a.updaterState(), b.updaterState());
    }

    @Test
    void badShapesAreNamed() {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.add(x, p.input("y", 3)));
        assertTrue(e.getMessage().contains("ADD") && e.getMessage().contains("batchx4"), e.getMessage());
        ExprNet net = new ExprNet(tiny(), Updates.adam(1e-3), 1);
        IllegalArgumentException in = assertThrows(IllegalArgumentException.class,
                () -> net.fit(Nd4j.zeros(DataType.FLOAT, 2, 5), Nd4j.zeros(DataType.FLOAT, 2, 3)));
        assertTrue(in.getMessage().contains("'x'") && in.getMessage().contains("6 columns"), in.getMessage());
    }
}
