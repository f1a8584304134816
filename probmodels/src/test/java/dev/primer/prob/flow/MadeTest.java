package dev.primer.prob.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** MADE's autoregressive property and normalisation. */
class MadeTest {
    @Test
    void outputDDependsOnExactlyTheInputsBeforeIt() {
        Made made = new Made(8, 40, 3);
        ExprNet net = made.build(Updates.adam(1e-3), 4);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 8).gt(0.5).castTo(DataType.FLOAT);
        INDArray base = net.outputs(x).get(Made.LOGITS);
        for (int j = 0; j < 8; j++) {
            INDArray flipped = x.dup();
            flipped.putScalar(0, j, 1 - x.getDouble(0, j));
            INDArray moved = net.outputs(flipped).get(Made.LOGITS);
            for (int d = 0; d <= j; d++) {
                assertEquals(base.getDouble(0, d), moved.getDouble(0, d), 0.0, "logit " + d + " saw input " + j);
            }
            if (j < 7) {
                assertTrue(base.getRow(0).sub(moved.getRow(0)).norm1Number().doubleValue() > 0,
                        "no output after " + j + " reacts to input " + j);
            }
        }
    }

    /** Σ over all 2⁶ binary vectors of p(x) is 1: the masks make the conditionals a normalised model. */
    @Test
    void probabilitiesOfAllBinaryVectorsSumToOne() {
        Made made = new Made(6, 20, 5);
        ExprNet net = made.build(Updates.adam(1e-3), 6);
        INDArray all = Nd4j.zeros(DataType.FLOAT, 64, 6);
        for (int v = 0; v < 64; v++) {
            for (int d = 0; d < 6; d++) {
                all.putScalar(v, d, (v >> d) & 1);
            }
        }
        double total = 0;
        INDArray nll = net.outputs(all).get(Made.NLL);
        for (int v = 0; v < 64; v++) {
            total += Math.exp(-nll.getDouble(v));
        }
        assertEquals(1, total, 1e-5);
        INDArray s = made.sample(net, 5, SplitMix64.seeded(1));
        assertEquals(0, s.mul(s.rsub(1)).sumNumber().doubleValue(), "samples are binary");
    }

    @Test
    void degreesAndMasksFollowEquationsTwelveAndThirteen() {
        int[] in = Made.inputDegrees(3);
        int[] h = {1, 2, 2};
        float[][] hidden = Made.mask(in, h, false);
        float[][] out = Made.mask(h, in, true);
        assertEquals(1f, hidden[0][0]);
        assertEquals(0f, hidden[1][0]);
        assertEquals(1f, hidden[1][1]);
        assertEquals(0f, out[0][0]);
        assertEquals(1f, out[0][1]);
        assertEquals(0f, out[1][1]);
        assertEquals(1f, out[1][2]);
        for (int m : Made.degrees(784, 500, 1, SplitMix64.seeded(2))) {
            assertTrue(m >= 1 && m <= 783, "degree " + m);
        }
    }
}
