package dev.primer.rl.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.optim.Updates;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/** MinAtar's net starts from PyTorch's default init, U(±1/√fan-in) on weights and biases; MLPs keep He/Xavier. */
class RlNetworksTest {
    private static MultiLayerNetwork minatar(long seed) {
        return RlNetworks.qNetwork(new RlNetworks.MinAtarConv(4, 10, 10), 6, new TdLoss(TdLoss.Kind.HUBER, 1),
                Updates.adam(1e-3), seed);
    }

    @Test
    void minAtarLayersAreUniformWithinOneOverRootFanIn() {
        MultiLayerNetwork net = minatar(7);
        long[] fanIn = {4 * 3 * 3, 16 * 8 * 8, 128};
        for (int l = 0; l < fanIn.length; l++) {
            double bound = 1 / Math.sqrt(fanIn[l]);
            for (String key : new String[] {"W", "b"}) {
                float[] p = net.getLayer(l).getParam(key).dup().data().asFloat();
                double max = 0;
                double sq = 0;
                for (float v : p) {
                    max = Math.max(max, Math.abs(v));
                    sq += (double) v * v;
                }
                String where = "layer " + l + " " + key;
                assertTrue(max <= bound, where + ": |p| " + max + " > 1/√" + fanIn[l]);
                assertTrue(max > 0, where + " is all zeros");
                if (key.equals("W")) {
                    assertTrue(max > 0.8 * bound, where + ": largest |p| " + max + " far inside the bound " + bound);
                    double rms = Math.sqrt(sq / p.length);
                    assertEquals(bound / Math.sqrt(3), rms, 0.15 * bound / Math.sqrt(3),
                            where + ": U(±b) has standard deviation b/√3");
                }
            }
        }
    }

    @Test
    void theInitFollowsTheSeed() {
        float[] a = RlNetworks.parameters(minatar(3));
        assertArrayEquals(a, RlNetworks.parameters(minatar(3)));
        assertFalse(Arrays.equals(a, RlNetworks.parameters(minatar(4))));
    }

    @Test
    void mlpBiasesStartAtZero() {
        MultiLayerNetwork net = RlNetworks.qNetwork(new RlNetworks.Mlp(4, new int[] {32}), 2,
                new TdLoss(TdLoss.Kind.HUBER, 1), Updates.adam(1e-3), 1);
        for (float b : net.getLayer(0).getParam("b").dup().data().asFloat()) {
            assertEquals(0f, b);
        }
    }
}
