package dev.primer.experiments.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.Updates;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/** Plain and residual towers have the depth asked and the same parameters; only the shortcuts differ. */
class ResidualTest {
    private static long convs3x3(ComputationGraph g) {
        return g.getConfiguration().getVertices().values().stream()
                .filter(v -> v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof ConvolutionLayer c
                        && c.getKernelSize()[0] == 3)
                .count();
    }

    private static long adds(ComputationGraph g) {
        return g.getConfiguration().getVertices().values().stream().filter(v -> v instanceof ElementWiseVertex).count();
    }

    @Test
    void depthCountsStemBlocksAndClassifierAndOnlyShortcutsDiffer() {
        for (int depth : Residual.DEPTHS) {
            ComputationGraph plain = Residual.tower(depth, false, 14, 4, Updates.adam(1e-3), 1);
            ComputationGraph res = Residual.tower(depth, true, 14, 4, Updates.adam(1e-3), 1);
            assertEquals(depth - 1, convs3x3(plain), "3x3 convolutions of plain-" + depth);
            assertEquals(depth - 1, convs3x3(res), "3x3 convolutions of residual-" + depth);
            assertEquals(0, adds(plain));
            assertEquals((depth - 2) / 2, adds(res), "one shortcut per block");
            assertEquals(plain.numParams(), res.numParams(), "a shortcut has no parameters");
            assertEquals(plain.params(), res.params(), "same seed, same initial weights");
        }
        assertThrows(IllegalArgumentException.class, () -> Residual.tower(7, true, 14, 4, Updates.adam(1e-3), 1));
    }

    @Test
    void gradientRatioIsMeasuredOnTheSameWeights() {
        ArrayDataset batch = Images.halve(Datasets.fashionMnist(Datasets.Split.TRAIN, 16));
        double plain = Residual.gradRatio(Residual.tower(8, false, 14, 4, Updates.adam(1e-3), 1), batch);
        double res = Residual.gradRatio(Residual.tower(8, true, 14, 4, Updates.adam(1e-3), 1), batch);
        assertTrue(plain > 0 && Double.isFinite(plain) && res > 0 && Double.isFinite(res), plain + " " + res);
        assertNotEquals(plain, res, "the shortcuts change the backward pass");
    }
}
