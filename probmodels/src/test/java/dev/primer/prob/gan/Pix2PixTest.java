package dev.primer.prob.gan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.optim.LearningRate;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class Pix2PixTest {
    private static final int SIDE = 16;

    /** Toy pairs: sources of random 4×4-pixel black and white blocks, targets their negatives. */
    private static INDArray[] toyBatch(long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray blocks = Nd4j.rand(DataType.FLOAT, 8, 1, SIDE / 4, SIDE / 4).gt(0.5).castTo(DataType.FLOAT);
        INDArray x = Nd4j.zeros(DataType.FLOAT, 8, 1, SIDE, SIDE);
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(r), NDArrayIndex.point(c))
                        .assign(blocks.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(r / 4),
                                NDArrayIndex.point(c / 4)));
            }
        }
        return new INDArray[] {x, x.rsub(1)};
    }

    @Test
    void discriminatorUpdatesLowerItsLossOnAFixedBatch() {
        INDArray[] b = toyBatch(1);
        Pix2Pix p = new Pix2Pix(new Pix2Pix.Config(8, 2, 100, true, LearningRate.constant(2e-3)), SIDE, 1);
        double first = p.step(b[0], b[1]).discriminator();
        double last = first;
        for (int s = 0; s < 20; s++) {
            last = p.step(b[0], b[1]).discriminator();
        }
        // an untrained D sits at ln 2 ≈ 0.693 per patch
        assertTrue(Math.abs(first - Math.log(2)) < 0.05, "first D loss " + first);
        assertTrue(last < first - 0.1, "D loss " + first + " -> " + last);
    }

    @Test
    void theL1OnlyUNetFitsItsTargetsThroughTheExternalError() {
        INDArray[] b = toyBatch(2);
        Pix2Pix p = new Pix2Pix(new Pix2Pix.Config(4, 2, 100, false, LearningRate.constant(2e-3)), SIDE, 1);
        Pix2Pix.Losses first = p.step(b[0], b[1]);
        Pix2Pix.Losses last = first;
        for (int s = 0; s < 40; s++) {
            last = p.step(b[0], b[1]);
        }
        assertTrue(Double.isNaN(last.discriminator()) && Double.isNaN(last.adversarial()), "no D without the cGAN");
        assertTrue(last.l1() < 0.6 * first.l1(), "L1 " + first.l1() + " -> " + last.l1());
    }

    @Test
    void theGeneratorMovesTowardsTheTargetsThroughTheDiscriminatorsErrorAlone() {
        // Targets are all bright (0.9); G starts near sigmoid(0) = 0.5. With λ tiny, only the adversarial error can
        // brighten G's outputs; a wrong-signed error would darken them.
        INDArray x = toyBatch(3)[0];
        INDArray bright = Nd4j.valueArrayOf(x.shape(), 0.9f, DataType.FLOAT);
        Pix2Pix p = new Pix2Pix(new Pix2Pix.Config(4, 2, 1e-6, true, LearningRate.constant(2e-3)), SIDE, 1);
        double before = p.translate(x).meanNumber().doubleValue();
        for (int s = 0; s < 30; s++) {
            p.step(x, bright);
        }
        double after = p.translate(x).meanNumber().doubleValue();
        assertTrue(after > before + 0.03, "mean generated pixel went from " + before + " to " + after);
    }
}
