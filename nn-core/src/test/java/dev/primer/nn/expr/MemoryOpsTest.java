package dev.primer.nn.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Neural Turing Machine's addressing, read and write (Graves et al. 2014, §3), and the ops around them. */
class MemoryOpsTest {
    private static final int CELLS = 4;
    private static final int WIDTH = 3;

    /** One NTM head step over a memory of 4 × 3 computed from input x, with every new op on the path to the loss. */
    static Program head() {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 6);
        Expr y = p.input("y", WIDTH);
        Expr mem = p.add(p.broadcast(p.param("m0", 1, CELLS * WIDTH, 0.5), x), p.linear("m", x, CELLS * WIDTH));
        Expr key = p.tanh(p.linear("k", x, WIDTH));
        Expr beta = p.softplus(p.linear("beta", x, 1));
        Expr content = p.contentAddress(mem, key, beta);
        Expr previous = p.groupSoftmax(p.linear("prev", x, CELLS), CELLS);
        Expr gated = p.interpolate(content, previous, p.sigmoid(p.linear("g", x, 1)));
        Expr shifted = p.circularShift(gated, p.groupSoftmax(p.linear("s", x, 3), 3));
        Expr w = p.sharpen(shifted, p.shift(p.softplus(p.linear("gamma", x, 1)), 1));
        Expr erase = p.sigmoid(p.linear("e", p.columns(x, 1, 4), WIDTH));
        Expr add = p.tanh(p.linear("a", p.concat(p.columns(x, 4, 2), key), WIDTH));
        Expr written = p.write(mem, w, erase, add);
        Expr r = p.read(written, w);
        Expr loss = p.add(p.rowSum(p.square(p.sub(r, y))), p.scale(p.rowSum(p.square(written)), 0.1));
        return p.build(p.meanRows(loss), Map.of("content", content, "gated", gated, "shifted", shifted, "w", w));
    }

    private static INDArray[] batch(int rows) {
        Nd4j.getRandom().setSeed(9);
        return new INDArray[] {Nd4j.randn(DataType.FLOAT, rows, 6), Nd4j.randn(DataType.FLOAT, rows, WIDTH)};
    }

    @Test
    void gradientsOfEveryMemoryOpMatchCentralDifferences() {
        ExprNet net = new ExprNet(head(), Updates.adam(1e-3), 4);
        double worst = ExprNetTest.worstGradientError(net, net, batch(5), 1e-3);
        assertTrue(worst < 5e-3, "worst relative gradient error " + worst);
    }

    @Test
    void everyAddressingStageGivesWeightsSummingToOne() {
        Map<String, INDArray> out = new ExprNet(head(), Updates.adam(1e-3), 4).outputs(batch(5));
        for (String stage : new String[] {"content", "gated", "shifted", "w"}) {
            INDArray sums = out.get(stage).sum(1);
            for (int r = 0; r < 5; r++) {
                assertEquals(1.0, sums.getDouble(r), 1e-5, stage + " row " + r);
            }
            assertTrue(out.get(stage).minNumber().doubleValue() >= 0, stage + " has a negative weight");
        }
    }

    /** The value of {@code out} in a program without parameters (so with a stateless rule) on these inputs. */
    private static float[] run(Program.Builder p, Expr out, INDArray... inputs) {
        Program prog = p.build(p.meanRows(p.rowSum(out)), Map.of("out", out));
        Updates stateless = new Updates(Optimizer.sgd(), LearningRate.constant(0.1), 0, 0);
        return new ExprNet(prog, stateless, 1).outputs(inputs).get("out").toFloatVector();
    }

    @Test
    void contentAddressingPicksTheRowMostLikeTheKeyAndSharpensWithBeta() {
        float[] memory = {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0};
        float[] key = {0, 2, 0.1f};
        for (float beta : new float[] {1, 20}) {
            Program.Builder p = Program.builder();
            Expr m = p.input("m", CELLS * WIDTH);
            Expr k = p.input("k", WIDTH);
            Expr b = p.input("b", 1);
            float[] w = run(p, p.contentAddress(m, k, b), row(memory), row(key), row(new float[] {beta}));
            assertEquals(1, argmax(w), "beta " + beta);
            // Cosines: row 1 is 0.999, row 3 (1, 1, 0) is 0.705: w₁/w₃ = e^{β(0.999 − 0.705)}.
            double c1 = 2 / Math.sqrt(4.01);
            double c3 = 2 / Math.sqrt(2 * 4.01);
            assertEquals(Math.exp(beta * (c1 - c3)), w[1] / w[3], 1e-3 * Math.exp(beta * (c1 - c3)));
        }
    }

    @Test
    void aShiftOfPlusOneMovesTheFocusOneRowOnWrappingAround() {
        Program.Builder p = Program.builder();
        Expr w = p.input("w", CELLS);
        Expr s = p.input("s", 3);
        float[] out = run(p, p.circularShift(w, s), row(new float[] {0, 0, 0.25f, 0.75f}),
                row(new float[] {0, 0, 1}));
        assertArrayEquals(new float[] {0.75f, 0, 0, 0.25f}, out, 1e-6f);
    }

    @Test
    void sharpeningKeepsTheOrderAndConcentratesTheMass() {
        Program.Builder p = Program.builder();
        Expr w = p.input("w", CELLS);
        Expr gamma = p.input("gamma", 1);
        float[] out = run(p, p.sharpen(w, gamma), row(new float[] {0.1f, 0.2f, 0.3f, 0.4f}), row(new float[] {2}));
        assertArrayEquals(new float[] {0.01f / 0.3f, 0.04f / 0.3f, 0.09f / 0.3f, 0.16f / 0.3f}, out, 1e-6f);
    }

    @Test
    void aFocusedWriteWithFullEraseIsReadBackExactlyAndLeavesOtherRows() {
        Program.Builder p = Program.builder();
        Expr m = p.input("m", CELLS * WIDTH);
        Expr w = p.input("w", CELLS);
        Expr e = p.input("e", WIDTH);
        Expr a = p.input("a", WIDTH);
        Expr written = p.write(m, w, e, a);
        float[] memory = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        float[] focus = {0, 0, 1, 0};
        float[] after = run(p, written, row(memory), row(focus), row(new float[] {1, 1, 1}),
                row(new float[] {-1, 0.5f, 2}));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, -1, 0.5f, 2, 10, 11, 12}, after, 1e-6f);
        Program.Builder q = Program.builder();
        float[] read = run(q, q.read(q.input("m", CELLS * WIDTH), q.input("w", CELLS)), row(after),
                row(new float[] {0, 0.5f, 0.5f, 0}));
        assertArrayEquals(new float[] {1.5f, 2.75f, 4}, read, 1e-6f);
    }

    @Test
    void clippingBoundsEachParameterStep() {
        Updates sgd = new Updates(Optimizer.sgd(), LearningRate.constant(1.0), 0, 0.01);
        ExprNet net = new ExprNet(head(), sgd, 4);
        INDArray before = net.param("k.W").dup();
        net.fit(batch(5));
        assertTrue(net.param("k.W").sub(before).norm2Number().doubleValue() <= 0.01 + 1e-6);
    }

    @Test
    void badShapesAreNamed() {
        Program.Builder p = Program.builder();
        Expr m = p.input("m", 10);
        Expr k = p.input("k", 3);
        assertThrows(IllegalArgumentException.class, () -> p.contentAddress(m, k, p.input("b", 1)));
        assertThrows(IllegalArgumentException.class, () -> p.circularShift(k, p.input("s", 2)));
        assertThrows(IllegalArgumentException.class, () -> p.columns(k, 2, 2));
    }

    private static INDArray row(float[] v) {
        return Nd4j.createFromArray(v).reshape(1, v.length);
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }
}
