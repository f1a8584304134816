package dev.primer.experiments.prob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.RunRecord;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.vae.Bounds;
import dev.primer.prob.vae.Vae;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The VAE experiment's mechanism: training through the trainer raises the test ELBO, and its metrics carry the median
 * epoch beside the whole run's mean; its pictures are drawn.
 */
class VaeFashionTest {
    @TempDir
    Path dir;

    @Test
    void twoEpochsOnASubsetRaiseTheTestElbo() {
        Vae small = new Vae(784, 64, 8);
        ArrayDataset train = VaeFashion.binarized(Datasets.Split.TRAIN, 1024);
        INDArray test = VaeFashion.binarized(Datasets.Split.TEST, 256).features();
        double before = Bounds.of(small.build(Updates.adam(1e-3), 1), test, 1, 1).elbo();
        VaeFashion.Trained t = VaeFashion.train(small, train, 2, 1, dir.resolve("run"));
        Bounds bounds = Bounds.of(t.net(), test, 1, 1);
        double after = bounds.elbo();
        assertEquals(16, t.result().state().step());
        // An untrained Bernoulli decoder is near log 2 per pixel (≈ 543 nats); 16 Adam steps at 1e-3 gained 50 nats
        // when this was written. Require half of that: far above the few-nat standard error of a 256-image mean.
        assertTrue(after > before + 25, "ELBO " + before + " -> " + after);

        assertEquals(2, t.result().epochSeconds().size(), "one time per epoch");
        Map<String, Object> metrics = RunRecord.fields(VaeFashion.metrics(t, train.size(), 256, bounds, 1, 2, 0));
        double median = (Double) metrics.get("median_seconds_per_epoch");
        assertEquals(t.result().medianEpochSeconds(), median, 0);
        assertTrue(median > 0, "median epoch " + median);
        // the run's wall time holds both loops and more (start-up, checkpoints), so its mean per epoch is no smaller
        assertTrue((Double) metrics.get("seconds_per_epoch") >= median, metrics.toString());
    }

    @Test
    void theManifoldGridIsGaussianQuantilesAndTheImageGridHasItsCells() throws Exception {
        INDArray z = VaeFashion.manifoldGrid();
        assertEquals(400, z.size(0));
        assertEquals(0, z.getColumn(0).sumNumber().doubleValue(), 1e-4, "quantiles symmetric about 0");
        assertEquals(-z.getDouble(0, 0), z.getDouble(19, 0), 1e-6);
        float[][] imgs = new float[5][28 * 28];
        imgs[1][0] = 1;
        String f = Plots.mosaic(dir, "g", imgs, 28, 28, 3, 2);
        BufferedImage png = ImageIO.read(dir.resolve(f).toFile());
        assertEquals(3 * (28 * 2 + 1) + 1, png.getWidth());
        assertEquals(2 * (28 * 2 + 1) + 1, png.getHeight());
        assertEquals(255, png.getRaster().getSample(1 + 57, 1, 0), "image 1's first pixel is white");
        assertEquals(0, png.getRaster().getSample(1, 1, 0));
    }
}
