package dev.primer.experiments.prob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.vae.GumbelVae;
import dev.primer.prob.vae.GumbelVae.Estimator;
import dev.primer.nn.train.Trainer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The Gumbel-softmax experiment's mechanism: each estimator raises the discrete test ELBO; the curve is recorded. */
class GumbelVaeFashionTest {
    @TempDir
    Path dir;

    @Test
    void twoEpochsOnASubsetRaiseTheDiscreteTestElboWithEachEstimator() {
        ArrayDataset train = VaeFashion.binarized(Datasets.Split.TRAIN, 1000);
        INDArray test = VaeFashion.binarized(Datasets.Split.TEST, 256).features();
        for (Estimator e : Estimator.values()) {
            GumbelVae small = new GumbelVae(784, 64, 32, 8, 10, e, 1e-3, 0.5);
            double before = GumbelVae.elbos(small.build(Updates.adam(1e-3), 1), test, 1).discrete();
            VaeFashion.Trained t = GumbelVaeFashion.train(small, train, test, 2, 5, 1, dir.resolve(e.name()));
            double after = GumbelVae.elbos(t.net(), test, 1).discrete();
            assertEquals(20, t.result().state().step());
            assertEquals(4, Trainer.evaluations(dir.resolve(e.name())).size(), "evaluations every 5 of 20 steps");
            // An untrained decoder is near log 2 per pixel (≈ 544 nats); 20 Adam steps gained 37 nats with
            // Gumbel-softmax when this was written (straight-through more). Require half: far above the few-nat
            // standard error of a 256-image one-sample mean.
            assertTrue(after > before + 18, e + ": ELBO " + before + " -> " + after);
        }
    }
}
