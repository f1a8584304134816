package dev.primer.nn.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The vectorisable exponential, log1p and sigmoid of the elementwise kernels against double-precision references. */
class KernelsTest {
    /** Float rounds to a relative 6e-8; the kernels promise float accuracy within a few of those. */
    private static final double FLOAT_ACCURATE = 2.5e-7;

    /** A program whose outputs are softplus, sigmoid and the Bernoulli loss of input l against input t. */
    private static ExprNet elementwise(int cols) {
        Program.Builder p = Program.builder();
        Expr in = p.input("l", cols);
        Expr t = p.input("t", cols);
        // Plus a zero bias: an updater needs at least one parameter.
        Expr l = p.add(in, p.broadcast(p.param("zero", 1, cols, 0), in));
        Expr bce = p.bceWithLogits(l, t);
        return new ExprNet(p.build(p.meanRows(p.rowSum(bce)), Map.of("softplus", p.softplus(l), "sigmoid",
                p.sigmoid(l), "bce", bce)), Updates.adam(1e-3), 1);
    }

    @Test
    void expOfMinusAbsIsFloatAccurateAndZeroBelowTheNormalRange() {
        int n = 400_001;
        float[] x = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = -100 + 200f * k / (n - 1);
        }
        float[] e = new float[n];
        Kernels.expNegAbs(x, e, elementwise(n).new Buffers(1));
        double worst = 0;
        for (int k = 0; k < n; k++) {
            double want = Math.exp(-Math.abs((double) x[k]));
            if (want >= 0x1p-126) {
                worst = Math.max(worst, Math.abs(e[k] - want) / want);
            } else {
                assertTrue(e[k] < 0x1p-126, "e^" + -Math.abs(x[k]) + " gave " + e[k]);
            }
        }
        assertTrue(worst < FLOAT_ACCURATE, "worst relative error " + worst);
    }

    @Test
    void positiveIsTheReluMaskForEveryFloat() {
        for (float x : new float[] {Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, 1, 3e38f, Float.POSITIVE_INFINITY}) {
            assertEquals(1f, Kernels.positive(x), "at " + x);
        }
        for (float x : new float[] {0f, -0f, -Float.MIN_VALUE, -1, Float.NEGATIVE_INFINITY}) {
            assertEquals(0f, Kernels.positive(x), "at " + x);
        }
    }

    @Test
    void log1pOnTheUnitIntervalIsFloatAccurate() {
        double worst = 0;
        for (int k = 1; k <= 100_000; k++) {
            float e = k / 100_000f;
            worst = Math.max(worst, Math.abs(Kernels.log1pUnit(e) - Math.log1p(e)) / Math.log1p(e));
        }
        assertTrue(worst < FLOAT_ACCURATE, "worst relative error " + worst);
        assertEquals(0f, Kernels.log1pUnit(0f));
    }

    @Test
    void softplusSigmoidAndBernoulliLossMatchDoublePrecision() {
        int cols = 2001;
        float[] l = new float[cols];
        float[] t = new float[cols];
        for (int k = 0; k < cols; k++) {
            l[k] = -120 + 240f * k / (cols - 1);
            t[k] = k % 3 == 0 ? 1 : 0;
        }
        l[cols / 2] = -0f;
        Map<String, INDArray> out = elementwise(cols).outputs(Nd4j.createFromArray(l).reshape(1, cols),
                Nd4j.createFromArray(t).reshape(1, cols));
        float[] softplus = out.get("softplus").toFloatVector();
        float[] sigmoid = out.get("sigmoid").toFloatVector();
        float[] bce = out.get("bce").toFloatVector();
        for (int k = 0; k < cols; k++) {
            double x = l[k];
            double sp = Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
            double sig = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
            double loss = sp - t[k] * x;
            String at = "at l = " + x;
            // Below 2^−126 (l < −87.3) both are flushed to 0.
            assertEquals(sp, softplus[k], Math.max(FLOAT_ACCURATE * sp, 0x1p-126), "softplus " + at);
            assertEquals(sig, sigmoid[k], Math.max(FLOAT_ACCURATE * sig, 0x1p-126), "sigmoid " + at);
            // softplus(l) − l for t = 1 cancels: the error is a float rounding of the larger term.
            assertEquals(loss, bce[k], FLOAT_ACCURATE * Math.max(sp, Math.abs(x)), "loss " + at);
        }
        assertEquals(0.5f, sigmoid[cols / 2]);
    }
}
