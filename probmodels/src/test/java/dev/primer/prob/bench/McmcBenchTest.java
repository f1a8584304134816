package dev.primer.prob.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's goal: NUTS reaches ≥ 0.1 ESS per gradient on the 100-d standard Gaussian with adapted ε. */
class McmcBenchTest {
    @Test
    void nutsMeetsTheEssPerGradientGoal() {
        List<McmcBench.Result> results = McmcBench.run(1, 1000);
        assertEquals(4, results.size());
        for (McmcBench.Result r : results) {
            System.out.println(r);
            assertTrue(r.maxRhat() < 1.05, r.toString());
            assertTrue(r.essPerSecond() > 0 && r.gradients() > 0, r.toString());
        }
        McmcBench.Result nuts = results.stream()
                .filter(r -> r.sampler() == McmcBench.Sampler.NUTS && r.target().startsWith("gaussian"))
                .findFirst().orElseThrow();
        assertTrue(nuts.essPerGradient() >= 0.1, "NUTS ESS/grad " + nuts.essPerGradient());
    }
}
