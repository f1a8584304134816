package dev.primer.prob.gan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DcganTest {
    @Test
    void theGeneratorMovesTowardsTheDataThroughTheDiscriminatorsError() {
        // Real images are all bright (0.9); G starts near sigmoid(0) = 0.5. Only a G update in the right direction,
        // driven by D's input error, can brighten G's images.
        Dcgan gan = new Dcgan(new Dcgan.Config(8, 2, 2e-3), 1);
        INDArray real = Nd4j.valueArrayOf(new long[] {16, 1, 28, 28}, 0.9f, DataType.FLOAT);
        INDArray z = gan.latent(64, SplitMix64.seeded(2));
        double before = gan.generate(z).meanNumber().doubleValue();
        for (int s = 0; s < 40; s++) {
            gan.step(real);
        }
        double after = gan.generate(z).meanNumber().doubleValue();
        // A wrong-signed image error would darken them instead.
        assertTrue(after > before + 0.03, "mean generated pixel went from " + before + " to " + after);
    }
}
