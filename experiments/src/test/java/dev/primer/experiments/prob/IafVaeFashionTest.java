package dev.primer.experiments.prob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.core.Verdict;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.train.Trainer;
import dev.primer.prob.vae.Bounds;
import dev.primer.prob.vae.IafVae;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The IAF experiment's mechanism (training the flow raises the test ELBO, one curve point per epoch) and verdict. */
class IafVaeFashionTest {
    @TempDir
    Path dir;

    @Test
    void twoEpochsOfTheFlowRaiseTheTestElboWithOneEvaluationPerEpoch() {
        IafVae small = new IafVae(784, 64, 8, 10, 2, 32, 1);
        ArrayDataset train = VaeFashion.binarized(Datasets.Split.TRAIN, 1000);
        INDArray test = VaeFashion.binarized(Datasets.Split.TEST, 256).features();
        double before = Bounds.of(small.build(Updates.adam(1e-3), 1), test, 1, 1).elbo();
        VaeFashion.Trained t = IafVaeFashion.train(() -> small.build(Updates.adam(1e-3), 1), train, test, 2, 3, 1,
                dir);
        double after = Bounds.of(t.net(), test, 1, 1).elbo();
        List<Map<String, Double>> curve = Trainer.evaluations(dir);
        assertEquals(2, curve.size(), "one evaluation per epoch of 8 updates");
        assertEquals(16.0, curve.get(1).get("step"));
        assertTrue(curve.get(1).get("iwae_nll") <= -curve.get(1).get("test_elbo") + 5,
                "IWAE-3 NLL near or below −ELBO: " + curve.get(1));
        // An untrained decoder is near log 2 per pixel (≈ 544 nats); 16 Adam steps gain tens of nats, as the plain
        // VAE's do (VaeFashionTest). Require 25: far above the few-nat standard error of a 256-image mean.
        assertTrue(after > before + 25, "ELBO " + before + " -> " + after);
    }

    private static IafVaeFashion.Metrics gain(double nllGain, double se) {
        return new IafVaeFashion.Metrics(10, 4690, 60_000, 10_000, 100, 4, -125, 120 - nllGain, -128, 120, nllGain,
                se, 100, 60, 95, 55, 0);
    }

    @Test
    void theVerdictIsTheMeasuredGainAgainstTheOneNatBar() {
        IafVaeFashion e = new IafVaeFashion();
        assertEquals(Verdict.REPRODUCED, e.judge(gain(1.2, 0.05)));
        assertEquals(Verdict.PARTLY, e.judge(gain(0.4, 0.05)));
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(gain(0.06, 0.05)));
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(gain(-0.5, 0.05)));
    }
}
