package dev.primer.experiments.prob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.core.Verdict;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Zi2ziTest {
    private static Zi2zi.Metrics l1s(double identity, double l1Only, double pix2pix) {
        return new Zi2zi.Metrics(3382, 373, 2000, 16, identity, l1Only, pix2pix, l1Only, pix2pix, 0.8, 0.95, 0.5,
                0.2, 0.4);
    }

    @Test
    void pix2pixMustBeatTheIdentityAndMatchTheL1OnlyUNet() {
        Zi2zi e = new Zi2zi();
        assertEquals(Verdict.REPRODUCED, e.judge(l1s(0.206, 0.120, 0.118)));
        assertEquals(Verdict.REPRODUCED, e.judge(l1s(0.206, 0.120, 0.120)));
        assertEquals(Verdict.PARTLY, e.judge(l1s(0.206, 0.120, 0.125)));
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(l1s(0.206, 0.300, 0.250)));
    }

    @Test
    void edgeEnergyFallsWhenAGlyphIsBlurred() {
        INDArray sharp = Nd4j.zeros(DataType.FLOAT, 1, 1, 8, 8);
        sharp.putScalar(new long[] {0, 0, 3, 3}, 1);
        INDArray blurred = Nd4j.zeros(DataType.FLOAT, 1, 1, 8, 8);
        for (int r = 2; r <= 4; r++) {
            for (int c = 2; c <= 4; c++) {
                blurred.putScalar(new long[] {0, 0, r, c}, 1 / 9.0);
            }
        }
        // one bright pixel has four unit steps per direction pair; the same ink spread over 3×3 has smaller ones
        assertEquals(2 * 2 / 56.0, Zi2zi.edgeEnergy(sharp), 1e-6);
        assertTrue(Zi2zi.edgeEnergy(blurred) < 0.2 * Zi2zi.edgeEnergy(sharp));
    }
}
