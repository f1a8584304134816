package dev.primer.experiments.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Net;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/** The compared DenseNet-BC is dense (one concatenation per layer), at most half the convnet, and trainable. */
class DenseNetTest {
    @Test
    void denseNetHasAtMostHalfTheConvnetsParametersAndOneConcatenationPerLayer() {
        Net dense = DenseNet.densenet(1);
        long convParams = DenseNet.convnet(1).model().numParams();
        long denseParams = dense.model().numParams();
        assertTrue(denseParams <= convParams / 2, denseParams + " vs " + convParams);
        long merges = ((ComputationGraph) dense.model()).getConfiguration().getVertices().values().stream()
                .filter(v -> v instanceof MergeVertex).count();
        assertEquals(6 + 6 + 6, merges);
    }

    @Test
    void denseNetLowersItsLossOnABatch() {
        ArrayDataset batch = Datasets.fashionMnist(Datasets.Split.TRAIN, 32);
        Net dense = DenseNet.densenet(1);
        dense.fit(batch.asDataSet());
        double first = dense.score();
        for (int i = 0; i < 5; i++) {
            dense.fit(batch.asDataSet());
        }
        assertTrue(dense.score() < first, first + " -> " + dense.score());
    }
}
