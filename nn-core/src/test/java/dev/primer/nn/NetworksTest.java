package dev.primer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Networks.TowerSpec;
import dev.primer.nn.bench.Workload;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

class NetworksTest {
    @Test
    void towerHasAPolicyDistributionAndABoundedValue() {
        ComputationGraph g = Networks.residualTower(TowerSpec.resnet9(), Updates.adam(1e-3), 1);
        INDArray[] out = g.output(Nd4j.rand(DataType.FLOAT, 5, 8, 9, 9));
        assertArrayEquals(new long[] {5, 82}, out[0].shape());
        assertArrayEquals(new long[] {5, 1}, out[1].shape());
        INDArray rowSums = out[0].sum(1);
        for (int i = 0; i < 5; i++) {
            assertEquals(1.0, rowSums.getDouble(i), 1e-5);
            assertTrue(Math.abs(out[1].getDouble(i, 0)) <= 1.0);
        }
    }

    @Test
    void towerLearnsToPredictAFixedMoveAndValue() {
        Net net = Workload.RESNET9.build(3);
        MultiDataSet batch = Workload.RESNET9.randomBatch(16, new SplitMix64(3));
        net.fit(batch);
        double first = net.score();
        for (int i = 0; i < 30; i++) {
            net.fit(batch);
        }
        assertTrue(net.score() < 0.5 * first, "loss " + first + " -> " + net.score());
    }

    @Test
    void lstmLearnsACyclicSequence() {
        int classes = 4;
        int len = 12;
        INDArray x = Nd4j.zeros(DataType.FLOAT, 8, classes, len);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, classes, len);
        for (int b = 0; b < 8; b++) {
            for (int t = 0; t < len; t++) {
                int c = (b + t) % classes;
                x.putScalar(new int[] {b, c, t}, 1);
                y.putScalar(new int[] {b, (c + 1) % classes, t}, 1);
            }
        }
        MultiLayerNetwork lstm = Networks.lstm(classes, 16, 1, classes, Updates.adam(2e-2), 5);
        for (int i = 0; i < 150; i++) {
            lstm.fit(x, y);
        }
        INDArray pred = lstm.output(x).argMax(1);
        INDArray truth = y.argMax(1);
        assertEquals(truth, pred, "next symbol of a cycle mod 4");
    }

    @Test
    void setDenseWritesWeightsFromInputToUnitAndRejectsWrongShapes() {
        MultiLayerNetwork net = Networks.mlp(2, new int[] {3}, Networks.Head.regression(1), Updates.adam(1e-3), 1);
        Networks.setDense(net, 0, new double[][] {{1, 0, -1}, {0, 2, 1}}, new double[] {0, 0, 0.5});
        Networks.setDense(net, 1, new double[][] {{1}, {1}, {1}}, new double[] {-1});
        INDArray out = net.output(Nd4j.create(new float[] {3, 1}, new long[] {1, 2}));
        // hidden: relu(3) = 3, relu(2) = 2, relu(-3 + 1 + 0.5) = 0; output 3 + 2 + 0 - 1
        assertEquals(4.0, out.getDouble(0, 0), 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Networks.setDense(net, 0, new double[][] {{1, 0, -1}}, new double[] {0, 0, 0}));
        assertEquals("layer 0 takes 2x3 weights and 3 biases; got 1 rows and 3 biases", e.getMessage());
    }

    @Test
    void dropoutMakesTrainingOutputsRandomAndLeavesInferenceAlone() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 20);
        MultiLayerNetwork plain = Networks.mlp(20, new int[] {50}, Networks.Head.softmax(3), Networks.Dropout.NONE,
                Updates.adam(1e-3), 4);
        assertEquals(plain.output(x, true), plain.output(x, false), "no dropout: training mode is inference");
        MultiLayerNetwork dropped = Networks.mlp(20, new int[] {50}, Networks.Head.softmax(3),
                new Networks.Dropout(0.2, 0.5), Updates.adam(1e-3), 4);
        assertEquals(plain.output(x, false), dropped.output(x, false), "same seed, same weights, same inference");
        assertNotEquals(dropped.output(x, true), dropped.output(x, true), "fresh masks on every training pass");
        assertNotEquals(dropped.output(x, true), dropped.output(x, false));
    }

    @Test
    void dropoutScalesTheSurvivorsSoThatTrainingOutputsAverageToInference() {
        MultiLayerNetwork linear = Networks.mlp(50, new int[0], Networks.Head.regression(1),
                new Networks.Dropout(0.5, 0), Updates.adam(1e-3), 6);
        int n = 4000;
        INDArray x = Nd4j.ones(DataType.FLOAT, n, 50);
        INDArray train = linear.output(x, true);
        double inference = linear.output(x.getRow(0, true), false).getDouble(0);
        // Each pass keeps each weight with probability 1/2 and doubles it: the mean of n passes has standard
        // error sqrt(sum w²)/sqrt(n) around the inference output.
        double se = linear.getLayer(0).getParam("W").norm2Number().doubleValue() / Math.sqrt(n);
        assertEquals(inference, train.meanNumber().doubleValue(), 4 * se);
        assertTrue(train.stdNumber().doubleValue() > 0.5 * se * Math.sqrt(n), "the passes differ");
    }

    @Test
    void dropoutProbabilityOfOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Networks.Dropout(0.2, 1.0));
        assertTrue(e.getMessage().contains("hidden 1.0"), e.getMessage());
    }

    /**
     * DenseNet-BC's parameter count by Huang et al.'s layer recipe, as DL4J counts it (a batch norm over c channels
     * holds γ, β and the running mean and variance: 4c): stem 3×3 conv 1→2k; per bottleneck layer on c channels
     * BN(c) + 1×1 conv c→4k + BN(4k) + 3×3 conv 4k→k; per transition BN(c) + 1×1 conv c→⌊c/2⌋; then BN(c) and the
     * softmax layer.
     */
    private static long denseNetParams(int channelsIn, int k, int[] layers, int classes) {
        long c = 2L * k;
        long n = 9L * channelsIn * 2 * k;
        for (int b = 0; b < layers.length; b++) {
            if (b > 0) {
                n += 4 * c + c * (c / 2);
                c /= 2;
            }
            for (int l = 0; l < layers[b]; l++) {
                n += 4 * c + c * 4 * k + 4 * 4 * k + 9L * 4 * k * k;
                c += k;
            }
        }
        return n + 4 * c + c * classes + classes;
    }

    @Test
    void denseNetBcHasTheRecipesParametersAndAClassDistribution() {
        int[][] blocks = {{2}, {3, 2}, {2, 2, 3}};
        for (int[] layers : blocks) {
            ComputationGraph g = Networks.denseNetBc(new Networks.DenseNetSpec(4, layers),
                    new Networks.ImageShape(1, 28, 28), 10, Updates.adam(1e-3), 1);
            assertEquals(denseNetParams(1, 4, layers, 10), g.numParams(), java.util.Arrays.toString(layers));
            INDArray out = g.outputSingle(Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28));
            assertArrayEquals(new long[] {3, 10}, out.shape());
            for (int i = 0; i < 3; i++) {
                assertEquals(1.0, out.getRow(i).sumNumber().doubleValue(), 1e-5);
            }
        }
        assertEquals(2 + 2 + 3, Networks.denseNetBc(new Networks.DenseNetSpec(4, new int[] {2, 2, 3}),
                new Networks.ImageShape(1, 28, 28), 10, Updates.adam(1e-3), 1).getConfiguration().getVertices()
                .values().stream().filter(v -> v instanceof MergeVertex).count(), "one concatenation per layer");
        assertThrows(IllegalArgumentException.class, () -> new Networks.DenseNetSpec(12, new int[] {4, 0}));
    }

    @Test
    void theUNetKeepsTheImageSizeAndItsSkipsCarryTheInputPastACutBottleneck() {
        ComputationGraph g = Networks.unetGenerator(32, 4, 4, Updates.adam(1e-3), 1);
        INDArray a = Nd4j.rand(DataType.FLOAT, 3, 1, 32, 32);
        INDArray b = Nd4j.rand(DataType.FLOAT, 3, 1, 32, 32);
        INDArray out = g.outputSingle(a);
        assertArrayEquals(new long[] {3, 1, 32, 32}, out.shape());
        assertTrue(out.minNumber().doubleValue() >= 0 && out.maxNumber().doubleValue() <= 1, "sigmoid pixels");
        assertEquals(3, g.getConfiguration().getVertices().values().stream().filter(v -> v instanceof MergeVertex)
                .count(), "one skip per decoder level");
        // Zero the innermost convolution: the bottleneck then carries nothing, so only the skips can pass the input on.
        g.getLayer("enc4").getParam("W").assign(0);
        assertTrue(g.outputSingle(a).sub(g.outputSingle(b)).amaxNumber().doubleValue() > 1e-4,
                "the output still depends on the input");
        assertThrows(IllegalArgumentException.class, () -> Networks.unetGenerator(28, 4, 4, Updates.adam(1e-3), 1));
    }

    @Test
    void thePatchDiscriminatorScoresEveryPatchOfASourceImagePair() {
        MultiLayerNetwork d = Networks.patchDiscriminator(32, 4, Updates.adam(1e-3), 1);
        INDArray p = d.output(Nd4j.rand(DataType.FLOAT, 5, 2, 32, 32));
        assertArrayEquals(new long[] {5, 1, 8, 8}, p.shape());
        assertTrue(p.minNumber().doubleValue() > 0 && p.maxNumber().doubleValue() < 1, "probabilities");
    }
}
