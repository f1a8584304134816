package dev.primer.prob.ebm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class EbmTest {
    @Test
    void persistentContrastiveDivergenceMovesTheChainsToTheData() {
        // Data N((1.5, −1), 0.3²I); chains start at N(0, 3²I). PCD must pull the chains' mean onto the data's.
        Ebm.Config c = new Ebm.Config(2, 16, 128, 5, 0.3, 1e-2, 0.01, 3);
        Ebm ebm = new Ebm(c, 1);
        SplitMix64 rng = SplitMix64.seeded(2);
        for (int it = 0; it < 150; it++) {
            double[][] batch = new double[c.chains()][];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = new double[] {1.5 + 0.3 * rng.nextGaussianBoxMuller(), -1 + 0.3 * rng.nextGaussianBoxMuller()};
            }
            ebm.fit(Nd4j.create(batch));
        }
        double[] mean = new double[2];
        for (double[] x : ebm.chainPositions()) {
            mean[0] += x[0] / c.chains();
            mean[1] += x[1] / c.chains();
        }
        assertEquals(1.5, mean[0], 0.3);
        assertEquals(-1, mean[1], 0.3);
    }

    @Test
    void theSamplersLogDensityIsTheTrainedProgramsF() {
        Ebm ebm = new Ebm(Ebm.Config.plane(), 3);
        double[][] x = {{0.5, -0.2}, {1.0, 2.0}};
        var out = ebm.net().outputs(Nd4j.create(x).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT),
                Nd4j.create(x).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
        for (int i = 0; i < x.length; i++) {
            assertEquals(out.get("f_data").getDouble(i), ebm.logDensity().value(x[i]), 1e-4);
        }
    }
}
