package dev.primer.prob.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.vae.GumbelVae.Estimator;
import dev.primer.random.SplitMix64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The categorical VAE's KL, temperature schedule and evaluation outputs. */
class GumbelVaeTest {
    private static final GumbelVae SMALL = new GumbelVae(12, 10, 8, 3, 4, Estimator.GUMBEL_SOFTMAX, 1e-2, 0.5);

    private static INDArray binary(int rows, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, rows, 12).gt(0.5).castTo(DataType.FLOAT);
    }

    @Test
    void closedFormKlMatchesAMonteCarloEstimate() {
        ExprNet net = SMALL.build(Updates.adam(1e-3), 3);
        // Sharpen the posterior so the KL is far from 0: scale the logits' weights.
        net.param("enc.logits.W").muli(8);
        Map<String, INDArray> out = net.outputs(binary(1, 4));
        double[] q = out.get(GumbelVae.Q).toDoubleVector();
        double kl = out.get(GumbelVae.KL).getDouble(0);
        // KL = E_{z~q} Σᵥ log(q(zᵥ)·K), estimated from z drawn by inverse CDF with an independent generator.
        SplitMix64 rng = SplitMix64.seeded(11);
        int n = 40_000;
        double sum = 0;
        double sumSq = 0;
        for (int s = 0; s < n; s++) {
            double l = 0;
            for (int v = 0; v < SMALL.vars(); v++) {
                double u = rng.nextDouble();
                int c = 0;
                double cdf = q[v * 4];
                while (u >= cdf && c < 3) {
                    cdf += q[v * 4 + ++c];
                }
                l += Math.log(q[v * 4 + c] * 4);
            }
            sum += l;
            sumSq += l * l;
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSq / n - mean * mean) / n);
        assertTrue(kl > 0.3, "the sharpened posterior's KL is " + kl);
        assertEquals(mean, kl, 5 * se + 1e-4, "Monte Carlo " + mean + " ± " + se);
    }

    @Test
    void temperatureFollowsTheAnnealingScheduleToItsFloor() {
        assertEquals(1, SMALL.tau(0), 1e-12);
        assertEquals(Math.exp(-0.5), SMALL.tau(50), 1e-12);
        assertEquals(0.5, SMALL.tau(10_000), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> new GumbelVae(12, 10, 8, 3, 1, Estimator.GUMBEL_SOFTMAX, 1e-2, 0.5));
    }

    @Test
    void straightThroughTrainsOnTheDiscreteObjectiveAndEvaluationIsFinite() {
        INDArray x = binary(64, 5);
        GumbelVae st = new GumbelVae(12, 10, 8, 3, 4, Estimator.STRAIGHT_THROUGH, 1e-2, 0.5);
        Map<String, INDArray> out = st.build(Updates.adam(1e-3), 3).outputs(x);
        assertEquals(out.get(GumbelVae.NEG_ELBO), out.get(GumbelVae.NEG_ELBO_DISCRETE));
        GumbelVae.Elbos e = GumbelVae.elbos(SMALL.build(Updates.adam(1e-3), 3), x, 1);
        assertTrue(e.kl() >= 0, "KL " + e.kl());
        assertTrue(Double.isFinite(e.discrete()) && Double.isFinite(e.relaxed()), e.toString());
    }
}
