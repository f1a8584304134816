package dev.primer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.Networks.TowerSpec;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@link Net#fitAccumulated} takes the update {@code fit} takes on the batches' union. */
class GradientAccumulationTest {
    /** SGD with an L2 penalty: the update is linear in the gradient, so the two sides differ by float rounding only. */
    private static final Updates SGD_L2 = new Updates(new Optimizer.Sgd(), LearningRate.constant(0.1), 1e-2, 0);

    private static INDArray gaussian(SplitMix64 rng, long... shape) {
        INDArray x = Nd4j.create(DataType.FLOAT, shape);
        for (long i = 0; i < x.length(); i++) {
            x.putScalar(i, rng.nextGaussianBoxMuller());
        }
        return x;
    }

    private static INDArray oneHot(int n, int classes) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, classes);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, (i * 7) % classes, 1);
        }
        return y;
    }

    private static MultiDataSet rows(INDArray x, INDArray y, int from, int to) {
        return new MultiDataSet(x.get(NDArrayIndex.interval(from, to)).dup(),
                y.get(NDArrayIndex.interval(from, to)).dup());
    }

    /** Fits one copy on (x, y) at once and another on the chunks, then compares parameters, losses and counters. */
    private static void assertSameUpdate(Supplier<Net> fresh, INDArray x, INDArray y, List<MultiDataSet> chunks,
                                         double tolerance) {
        Net whole = fresh.get();
        Net chunked = fresh.get();
        whole.fit(new DataSet(x, y));
        double loss = chunked.fitAccumulated(chunks.iterator());
        assertEquals(whole.score(), loss, 1e-5, "mean loss");
        assertEquals(1, chunked.iterations());
        INDArray diff = whole.params().sub(chunked.params());
        double worst = diff.amaxNumber().doubleValue();
        assertTrue(worst < tolerance, "largest parameter difference " + worst);
        Net untouched = fresh.get();
        assertTrue(untouched.params().sub(chunked.params()).amaxNumber().doubleValue() > 100 * tolerance,
                "the update moved the parameters");
    }

    @Test
    void chunksOfAnMlpGiveTheOneBatchUpdate() {
        SplitMix64 rng = new SplitMix64(3);
        INDArray x = gaussian(rng, 11, 4);
        INDArray y = oneHot(11, 3);
        assertSameUpdate(() -> Net.of(Networks.mlp(4, new int[] {6}, 3, SGD_L2, 5)), x, y,
                List.of(rows(x, y, 0, 4), rows(x, y, 4, 5), rows(x, y, 5, 11)), 1e-6);
    }

    /**
     * Batch norm normalizes each chunk by its own statistics, so chunks agree with the union when they hold the same
     * examples: then the union's statistics are each chunk's, its weight gradient is the chunks' sum and the running
     * estimates move once, not once per chunk (a tower with nn-core's fused batch norm, a graph).
     */
    @Test
    void identicalChunksOfABatchNormTowerGiveTheOneBatchUpdate() {
        SplitMix64 rng = new SplitMix64(4);
        INDArray half = gaussian(rng, 3, 2, 5, 5);
        INDArray x = Nd4j.concat(0, half, half);
        INDArray y = oneHot(6, 26);
        Supplier<Net> tower = () -> Net.of(Networks.residualTower(TowerSpec.policy(2, 5, 4, 1), SGD_L2, 7));
        assertSameUpdate(tower, x, y, List.of(rows(x, y, 0, 3), rows(x, y, 3, 6)), 1e-5);
    }

    @Test
    void identicalChunksOfDl4jBatchNormGiveTheOneBatchUpdate() {
        SplitMix64 rng = new SplitMix64(5);
        INDArray half = gaussian(rng, 2, 1, 8, 8);
        INDArray x = Nd4j.concat(0, half, half, half);
        INDArray y = oneHot(6, 3);
        Supplier<Net> convnet = () -> Net.of(Networks.convnetBatchNorm(new ImageShape(1, 8, 8), 3, SGD_L2, 8));
        assertSameUpdate(convnet, x, y, List.of(rows(x, y, 0, 2), rows(x, y, 2, 4), rows(x, y, 4, 6)), 1e-5);
    }

    @Test
    void noBatchesIsAnError() {
        Net net = Net.of(Networks.mlp(4, new int[] {6}, 3, SGD_L2, 5));
        Iterator<MultiDataSet> none = List.<MultiDataSet>of().iterator();
        assertThrows(IllegalArgumentException.class, () -> net.fitAccumulated(none));
    }
}
