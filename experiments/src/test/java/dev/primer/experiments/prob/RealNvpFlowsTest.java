package dev.primer.experiments.prob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.prob.flow.Logit;
import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The RealNVP experiment's data: the toys' shapes, and dequantisation into logit space with its log-det. */
class RealNvpFlowsTest {
    @Test
    void ringsHaveTheirRadiiAndAnUnknownToyIsNamed() {
        INDArray x = RealNvpFlows.toy("rings", 2000, SplitMix64.seeded(1));
        double inner = 0;
        double outer = 0;
        for (int i = 0; i < 2000; i++) {
            double r = Math.hypot(x.getDouble(i, 0), x.getDouble(i, 1));
            inner += i % 2 == 0 ? r / 1000 : 0;
            outer += i % 2 == 1 ? r / 1000 : 0;
        }
        assertEquals(1, inner, 0.02);
        assertEquals(3, outer, 0.02);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RealNvpFlows.toy("spirals", 3, SplitMix64.seeded(1)));
        assertTrue(e.getMessage().contains("spirals"), e.getMessage());
    }

    @Test
    void dequantisedPixelsStayInsideTheirBinAndCarryTheLogitsLogDet() {
        INDArray images = Nd4j.createFromArray(new float[][] {{0f, 1f, 128 / 255f, 254 / 255f}});
        Logit logit = new Logit(4, Logit.REALNVP_ALPHA);
        RealNvpFlows.Dequantised d = RealNvpFlows.dequantise(images, logit, SplitMix64.seeded(2));
        double[] x = logit.inverse(d.logits().getRow(0).castTo(DataType.DOUBLE).toDoubleVector());
        int[] pixel = {0, 255, 128, 254};
        for (int i = 0; i < 4; i++) {
            assertTrue(x[i] * 256 >= pixel[i] - 1e-4 && x[i] * 256 <= pixel[i] + 1 + 1e-4, "pixel " + i + ": " + x[i]);
        }
        assertEquals(logit.forwardLogDetJacobian(x), d.meanLogDet(), 1e-3);
    }
}
