package dev.primer.nn.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The expression network's gradients, noise and saved state. */
public class ExprNetTest {
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
        double h = 1e-3;
        // Central differences are wrong across a ReLU kink: no pre-activation may lie within h·|x| ≤ h of zero.
        double nearest = Transforms.abs(net.outputs(in).get("pre")).minNumber().doubleValue();
        assertTrue(nearest > 2 * h, "a pre-activation at " + nearest + " is too close to the ReLU kink");
        double worst = worstGradientError(net, net, in, h);
        assertTrue(worst < 5e-3, "worst relative gradient error " + worst);
    }

    /**
     * The worst relative error, over the parameters, between {@code net}'s analytic gradient and central differences
     * of {@code reference}'s loss (the same network, or one with the same parameters whose loss the analytic gradient
     * should follow), with step h. A float32 loss of size ~10 is rounded by ~1e-6, so the central difference is good
     * to ~1e-3 (~1e-6/h).
     */
    public static double worstGradientError(ExprNet net, ExprNet reference, INDArray[] in, double h) {
        net.gradient(in);
        float[] analytic = net.gradients().toFloatVector();
        reference.params().assign(net.params());
        INDArray theta = reference.params();
        double worst = 0;
        for (int k = 0; k < theta.length(); k++) {
            double t = theta.getDouble(k);
            theta.putScalar(k, t + h);
            double up = reference.gradient(in);
            theta.putScalar(k, t - h);
            double down = reference.gradient(in);
            theta.putScalar(k, t);
            double numeric = (up - down) / (2 * h);
            worst = Math.max(worst, Math.abs(numeric - analytic[k]) / Math.max(1, Math.abs(numeric)));
        }
        return worst;
    }

    /**
     * The categorical ops of a Gumbel-softmax model: Gumbel noise, a temperature from a decay floored by atLeast, a
     * learnt divisor, group softmax and log-softmax, and atLeast on a batch value.
     */
    static Program categorical() {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 6);
        Expr logits = p.linear("a", x, 6);
        Expr tau = p.atLeast(p.decay(0.1), 0.5);
        Expr soft = p.groupSoftmax(p.divideBy(p.add(logits, p.gumbel(x, 6)), tau), 3);
        Expr logq = p.groupLogSoftmax(logits, 3);
        Expr scaled = p.divideBy(soft, p.shift(p.param("s", 1, 1, 0.5), 2));
        Expr out = p.linear("out", p.atLeast(scaled, 0.3), 4);
        Expr kl = p.rowSum(p.mul(p.groupSoftmax(logits, 3), p.shift(logq, Math.log(3))));
        return p.build(p.meanRows(p.add(p.rowSum(p.square(out)), kl)), Map.of("scaled", scaled));
    }

    @Test
    void categoricalOpGradientsMatchCentralDifferences() {
        ExprNet net = new ExprNet(categorical(), Updates.adam(1e-3), 3);
        INDArray[] in = {batch(7, 5)[0]};
        double h = 1e-3;
        double nearest = Transforms.abs(net.outputs(in).get("scaled").sub(0.3)).minNumber().doubleValue();
        assertTrue(nearest > 2 * h, "a value at " + nearest + " from atLeast's kink");
        double worst = worstGradientError(net, net, in, h);
        assertTrue(worst < 5e-3, "worst relative gradient error " + worst);
    }

    /**
     * The sequence ops: matmul, sigmoid, tanh, columns, concat, tile, mulRow, groupSum and mixBlocks, wired as an
     * attention step (weights over three blocks mixing them).
     */
    static Program sequence() {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 6);
        Expr h = p.tanh(p.matmul(x, p.param("W", 6, 4, 0.5)));
        Expr s = p.sigmoid(p.linear("s", x, 3));
        Expr part = p.columns(p.concat(h, s, x), 2, 4);
        Expr scores = p.groupSum(p.mulRow(p.tile(part, 3), p.param("v", 1, 12, 0.5)), 4);
        Expr blocks = p.concat(h, p.tanh(p.linear("b2", x, 4)), part);
        Expr mixed = p.mixBlocks(p.groupSoftmax(scores, 3), blocks);
        return p.build(p.meanRows(p.rowSum(p.square(p.shift(mixed, -0.3)))), Map.of("mixed", mixed));
    }

    @Test
    void sequenceOpGradientsMatchCentralDifferences() {
        ExprNet net = new ExprNet(sequence(), Updates.adam(1e-3), 4);
        double worst = worstGradientError(net, net, new INDArray[] {batch(5, 6)[0]}, 1e-3);
        assertTrue(worst < 5e-3, "worst relative gradient error " + worst);
    }

    @Test
    void sequenceOpsComputeWhatTheySay() {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 4);
        Expr a = p.columns(x, 0, 2);
        Program prog = p.build(p.meanRows(p.rowSum(p.mulRow(x, p.param("w", 1, 4, 1)))), Map.of("cols", p.columns(x, 1, 2), "cat",
                p.concat(a, x), "tile", p.tile(a, 2), "sum", p.groupSum(x, 2), "mix", p.mixBlocks(a,
                        p.columns(x, 0, 4)), "tanh", p.tanh(x)));
        ExprNet net = new ExprNet(prog, Updates.adam(1e-3), 1);
        Map<String, INDArray> out = net.outputs(Nd4j.createFromArray(new float[][] {{1, 2, 3, 4}}));
        assertEquals(Nd4j.createFromArray(new float[][] {{2, 3}}), out.get("cols"));
        assertEquals(Nd4j.createFromArray(new float[][] {{1, 2, 1, 2, 3, 4}}), out.get("cat"));
        assertEquals(Nd4j.createFromArray(new float[][] {{1, 2, 1, 2}}), out.get("tile"));
        assertEquals(Nd4j.createFromArray(new float[][] {{3, 7}}), out.get("sum"));
        assertEquals(Nd4j.createFromArray(new float[][] {{1 * 1 + 2 * 3, 1 * 2 + 2 * 4}}), out.get("mix"));
        for (int k = 0; k < 4; k++) {
            assertEquals(Math.tanh(k + 1), out.get("tanh").getDouble(0, k), 1e-6);
        }
    }

    /** loss = mean Σ (group softmax of a linear map) ⊙ c, through straightThrough or not, for a fixed input c. */
    static Program weighted(boolean straightThrough) {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 6);
        Expr c = p.input("c", 6);
        Expr soft = p.groupSoftmax(p.linear("a", x, 6), 3);
        Expr used = straightThrough ? p.straightThrough(soft, 3) : soft;
        return p.build(p.meanRows(p.rowSum(p.mul(used, c))), Map.of("used", used));
    }

    @Test
    void straightThroughIsHardForwardAndTheSoftGradientBackward() {
        INDArray[] in = batch(7, 5);
        INDArray[] xc = {in[0], Nd4j.randn(DataType.FLOAT, 7, 6)};
        ExprNet hard = new ExprNet(weighted(true), Updates.adam(1e-3), 3);
        ExprNet soft = new ExprNet(weighted(false), Updates.adam(1e-3), 3);
        INDArray oneHot = hard.outputs(xc).get("used");
        INDArray probs = soft.outputs(xc).get("used");
        for (int r = 0; r < 7; r++) {
            for (int g = 0; g < 6; g += 3) {
                INDArray group = probs.get(NDArrayIndex.point(r), NDArrayIndex.interval(g, g + 3));
                int argmax = group.argMax().getInt(0);
                for (int j = 0; j < 3; j++) {
                    assertEquals(j == argmax ? 1f : 0f, oneHot.getFloat(r, g + j), "row " + r + " column " + (g + j));
                }
            }
        }
        double worst = worstGradientError(hard, soft, xc, 1e-3);
        assertTrue(worst < 5e-3, "straight-through gradient against the soft loss's differences: " + worst);
    }

    @Test
    void stopGradientPassesTheValueButNoGradient() {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 6);
        Expr h = p.linear("a", x, 3);
        Expr stopped = p.stopGradient(h);
        ExprNet net = new ExprNet(p.build(p.meanRows(p.rowSum(p.add(p.square(stopped), h))), Map.of("s", stopped,
                "h", h)), Updates.adam(1e-3), 3);
        Program.Builder r = Program.builder();
        Expr rh = r.linear("a", r.input("x", 6), 3);
        ExprNet reference = new ExprNet(r.build(r.meanRows(r.rowSum(rh)), Map.of()), Updates.adam(1e-3), 3);
        INDArray[] in = {batch(7, 5)[0]};
        Map<String, INDArray> out = net.outputs(in);
        assertEquals(out.get("h"), out.get("s"));
        // The square of the stopped value adds to the loss but not to the gradient, which is that of Σ h alone.
        double worst = worstGradientError(net, reference, in, 1e-3);
        assertTrue(worst < 5e-3, "gradient through stopGradient: " + worst);
    }

    /**
     * Gumbel-softmax samples (Jang et al. 2017, eq. 2) of fixed logits: the argmax's frequencies are the softmax's
     * probabilities at every temperature (the Gumbel-max trick), and the largest component tends to 1 as τ → 0.
     */
    @Test
    void gumbelSoftmaxSamplesApproachOneHotCategoricalSamplesAsTauFalls() {
        float[] logits = {1.5f, 0.2f, -0.7f, 0.6f};
        int n = 20_000;
        INDArray in = Nd4j.createFromArray(logits).reshape(1, 4).repeat(0, n);
        double z = 0;
        for (float l : logits) {
            z += Math.exp(l);
        }
        double previous = 0;
        for (double tau : new double[] {1, 0.5, 0.1, 0.02}) {
            Program.Builder p = Program.builder();
            Expr x = p.input("logits", 4);
            // The temperature as a zero-initialised parameter shifted by τ: a network needs one parameter.
            Expr t = p.shift(p.param("t", 1, 1, 0), tau);
            Expr y = p.groupSoftmax(p.divideBy(p.add(x, p.gumbel(x, 4)), t), 4);
            ExprNet net = new ExprNet(p.build(p.meanRows(p.rowSum(y)), Map.of("y", y)), Updates.adam(1e-3), 1);
            INDArray ys = net.outputs(7, in).get("y");
            INDArray argmax = ys.argMax(1);
            for (int k = 0; k < 4; k++) {
                double p0 = Math.exp(logits[k]) / z;
                double freq = argmax.eq(k).castTo(DataType.DOUBLE).meanNumber().doubleValue();
                // Binomial standard error √(p(1−p)/n) ≤ 0.0036; 5 of them is a false alarm rate below 1e-6.
                assertEquals(p0, freq, 5 * Math.sqrt(p0 * (1 - p0) / n), "τ " + tau + ", class " + k);
            }
            double meanMax = ys.max(1).meanNumber().doubleValue();
            assertTrue(meanMax > previous, "mean largest component " + meanMax + " at τ " + tau + " after " + previous);
            previous = meanMax;
        }
        assertTrue(previous > 0.97, "at τ = 0.02 the mean largest component is " + previous);
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
        float[] atSave = a.params().toFloatVector();
        ExprNet b = a.fresh();
        b.read(new ByteArrayInputStream(saved.toByteArray()));
        assertEquals(5, b.iterations());
        for (int i = 5; i < 8; i++) {
            assertEquals(a.fit(batch(8, i)), b.fit(batch(8, i)));
        }
        assertEquals(a.params(), b.params());
        assertEquals(a.updaterState(), b.updaterState());
        DataInputStream old = new DataInputStream(new ByteArrayInputStream(saved.toByteArray()));
        assertEquals(5, old.readInt());
        float[] params = new float[old.readInt()];
        for (int i = 0; i < params.length; i++) {
            params[i] = old.readFloat();
        }
        assertArrayEquals(atSave, params, 0f, "the format: counts, then big-endian floats as writeFloat writes them");
    }

    /**
     * The flow ops: a planar step z + û·tanh(z·w + b) whose û is computed from parameters (transpose, matmul with a
     * parameter on the left and a computed weight on the right), its log |1 + ψᵀû| (tanh, logAbs), a MADE-style
     * masked layer (constant mask) and a broadcast row product with a constant and a parameter row.
     */
    static Program flowOps() {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 3);
        Expr w = p.param("w", 3, 1, 0.8);
        Expr u = p.param("u", 1, 3, 0.8);
        Expr wRow = p.transpose(w);
        Expr uHat = p.add(u, p.matmul(p.matmul(u, w), wRow));
        Expr h = p.tanh(p.dense(x, w, p.param("b", 1, 1, 0.5)));
        Expr z = p.add(x, p.matmul(h, uHat));
        Expr gain = p.shift(p.matmul(p.shift(p.scale(p.square(h), -1), 1), p.matmul(uHat, w)), 3);
        Expr logDet = p.logAbs(gain);
        float[][] mask = {{1, 0, 1, 0}, {1, 1, 0, 0}, {0, 1, 1, 1}};
        Expr m = p.tanh(p.maskedLinear("made", z, mask));
        Expr rowed = p.mulRow(p.mulRow(m, p.constant(new float[][] {{1, 0.5f, -1, 2}})), p.param("r", 1, 4, 0.7));
        return p.build(p.meanRows(p.add(p.rowSum(p.square(rowed)), logDet)), Map.of("gain", gain));
    }

    @Test
    void flowOpGradientsMatchCentralDifferences() {
        ExprNet net = new ExprNet(flowOps(), Updates.adam(1e-3), 4);
        Nd4j.getRandom().setSeed(6);
        INDArray[] in = {Nd4j.randn(DataType.FLOAT, 7, 3)};
        double nearest = Transforms.abs(net.outputs(in).get("gain")).minNumber().doubleValue();
        assertTrue(nearest > 0.1, "log |x| evaluated at " + nearest + ", too close to its pole");
        double worst = worstGradientError(net, net, in, 1e-3);
        assertTrue(worst < 5e-3, "worst relative gradient error " + worst);
    }

    @Test
    void maskedEntriesNeverMoveUnderTraining() {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 2);
        Expr y = p.maskedLinear("m", x, new float[][] {{1, 0}, {1, 1}});
        ExprNet net = new ExprNet(p.build(p.meanRows(p.rowSum(p.square(p.shift(y, -3)))), Map.of("y", y)),
                Updates.adam(1e-2), 2);
        INDArray in = Nd4j.createFromArray(new float[][] {{1, 2}, {-1, 0.5f}});
        float cut = net.param("m.W").getFloat(0, 1);
        for (int i = 0; i < 50; i++) {
            net.fit(in);
        }
        // The cut weight W[0][1] has no effect and so no gradient: x0 never reaches output 1.
        assertEquals(cut, net.param("m.W").getFloat(0, 1));
        assertNotEquals(0f, net.param("m.W").getFloat(0, 0) - net.fresh().param("m.W").getFloat(0, 0));
        INDArray moved = in.dup();
        moved.putScalar(0, 0, 5f);
        assertEquals(net.outputs(in).get("y").getFloat(0, 1), net.outputs(moved).get("y").getFloat(0, 1));
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

    @Test
    void groupLogSumExpMatchesItsDefinitionAndCentralDifferences() {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 3);
        Expr scores = p.scale(p.linear("l", x, 8), 5);
        Expr lse = p.groupLogSumExp(scores, 4);
        Program prog = p.build(p.meanRows(p.rowSum(p.square(lse))), Map.of("scores", scores, "lse", lse));
        ExprNet net = new ExprNet(prog, Updates.adam(1e-3), 3);
        Nd4j.getRandom().setSeed(5);
        INDArray in = Nd4j.randn(DataType.FLOAT, 4, 3);
        Map<String, INDArray> out = net.outputs(in);
        float[] s = out.get("scores").ravel().toFloatVector();
        float[] y = out.get("lse").ravel().toFloatVector();
        for (int g = 0; g < y.length; g++) {
            double sum = 0;
            for (int j = 4 * g; j < 4 * g + 4; j++) {
                sum += Math.exp((double) s[j]);
            }
            assertEquals(Math.log(sum), y[g], 1e-4 * Math.max(1, Math.abs(y[g])), "group " + g);
        }
        double worst = worstGradientError(net, net, new INDArray[] {in}, 1e-3);
        assertTrue(worst < 5e-3, "worst relative gradient error " + worst);
    }
}
