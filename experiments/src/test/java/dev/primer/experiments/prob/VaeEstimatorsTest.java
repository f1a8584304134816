package dev.primer.experiments.prob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.core.Verdict;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.vae.Vae;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The estimator experiment's measurement (every group of every estimator, shared decoder path) and its verdicts. */
class VaeEstimatorsTest {
    @Test
    void measurementCoversEveryGroupAndTheDecoderPathIsShared() {
        INDArray x = VaeFashion.binarized(Datasets.Split.TRAIN, 192).features();
        INDArray batch = x.get(NDArrayIndex.interval(0, 128), NDArrayIndex.all());
        INDArray fit = x.get(NDArrayIndex.interval(128, 192), NDArrayIndex.all());
        Map<String, Double> m = VaeEstimators.measure(Vae.of(20).build(Updates.adam(1e-3), 1), batch, fit, 4, 3);
        assertEquals(VaeEstimators.ESTIMATORS.size() * VaeEstimators.GROUPS.size() * 2, m.size());
        m.forEach((key, v) -> assertTrue(Double.isFinite(v) && v >= 0, key + " = " + v));
        for (String e : VaeEstimators.ESTIMATORS) {
            // The same draws reach the same decoder in all three networks.
            assertEquals(m.get("trcov.reparam.decoder"), m.get("trcov." + e + ".decoder"),
                    1e-4 * m.get("trcov.reparam.decoder"), e);
        }
        assertTrue(m.get("trcov.score.encoder") > m.get("trcov.score_baseline.encoder"), m.toString());
        assertTrue(m.get("trcov.score_baseline.encoder") > m.get("trcov.reparam.encoder"), m.toString());
    }

    private static VaeEstimators.Metrics of(double ratio, double elbo, double elboScore) {
        return new VaeEstimators.Metrics(10, 60_000, 10_000, 100, elbo, -elbo - 7, 100, elboScore, -elboScore - 7,
                1, 1e5, 1e3, 1, 1e5, 1e3, ratio, 100 * ratio, 1, 1);
    }

    @Test
    void verdictNeedsAnOrderOfMagnitudeInVarianceAndTheBetterElbo() {
        VaeEstimators e = new VaeEstimators();
        assertEquals(Verdict.REPRODUCED, e.judge(of(50, -130, -180)));
        assertEquals(Verdict.PARTLY, e.judge(of(5, -130, -180)), "ELBO ordering alone");
        assertEquals(Verdict.PARTLY, e.judge(of(50, -190, -180)), "variance alone");
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(of(5, -190, -180)));
    }
}
