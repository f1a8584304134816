package dev.primer.experiments.prob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.core.Verdict;
import dev.primer.nn.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IWAE experiment's mechanism (per-epoch curves of a k-sample model) and its verdicts. */
class IwaeFashionTest {
    @TempDir
    Path dir;

    @Test
    void twoEpochsOfIwaeFiveRecordFallingTestNll() {
        VaeFashion.Data data = VaeFashion.Data.of(384, 50, 50);
        VaeFashion.Trained t = IwaeFashion.train(5, data.train(), data.curve(), 2, 5, 1, dir);
        List<Map<String, Double>> rows = Trainer.evaluations(dir);
        assertEquals(6, t.result().state().step());
        assertEquals(2, rows.size(), "one evaluation per epoch");
        double first = rows.get(0).get("iwae_nll");
        double second = rows.get(1).get("iwae_nll");
        // An untrained decoder is near log 2 per pixel (≈ 544 nats); each of these epochs gained tens of nats when
        // this was written. The bound must hold on the same images: ELBO ≤ L_k, so −ELBO ≥ NLL estimate, less noise.
        assertTrue(second < first - 5, "NLL " + first + " -> " + second);
        assertTrue(-rows.get(1).get("test_elbo") > second - 5, "ELBO below the IWAE bound: " + rows.get(1));
    }

    private static IwaeFashion.Metrics nll(double vae, double k5, double k50) {
        return new IwaeFashion.Metrics(10, 60_000, 10_000, 100, -130, k50, 20, -129, vae, 20, -130, k5, 20, 1, 1,
                1, 1, 1, 1);
    }

    @Test
    void verdictFollowsTheOrderOfTheNlls() {
        IwaeFashion e = new IwaeFashion();
        assertEquals(Verdict.REPRODUCED, e.judge(nll(122.0, 121.4, 121.0)));
        assertEquals(Verdict.PARTLY, e.judge(nll(122.0, 120.9, 121.0)), "IWAE-50 beats the VAE, not IWAE-5");
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(nll(121.0, 121.4, 121.2)));
    }
}
