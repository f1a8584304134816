package dev.primer.nn.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Networks;
import dev.primer.nn.Networks.TowerSpec;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The op sequence gives DL4J's inference outputs for the graphs it covers, and DL4J runs the others. */
class InferenceGraphTest {
    private static final TowerSpec SPEC = new TowerSpec(4, 5, 8, 2, 26, 6, Networks.TowerHeads.POLICY_AND_VALUE);

    @Test
    void foldedTowerRunsAsASequenceWithDl4jsOutputsAtEveryBatchSize() {
        ComputationGraph tower = BatchNormFoldingTest.trainedTower(Networks.BatchNorm.FUSED);
        InferenceGraph folded = (InferenceGraph) BatchNormFolding.fold(tower);
        ComputationGraph dl4j = dl4jTwin(folded);
        for (int batch : new int[] {1, 3, 8, 1}) {
            INDArray probe = Nd4j.rand(DataType.FLOAT, batch, 4, 5, 5).muli(2);
            assertTrue(folded.runsAsSequence(probe), "batch " + batch + " runs as a sequence");
            INDArray[] out = folded.output(false, probe);
            INDArray[] expected = dl4j.output(false, probe);
            assertSame(expected, out, 1e-5, "batch " + batch);
            INDArray kept = out[0].dup();
            folded.output(false, probe.mul(-1));
            assertEquals(kept, out[0], "a later call leaves the arrays an earlier one returned as they were");
        }
    }

    @Test
    void batchesBetweenCompiledSizesRunPaddedWithTheirOwnOutputs() {
        InferenceGraph folded = (InferenceGraph) BatchNormFolding.fold(
                BatchNormFoldingTest.trainedTower(Networks.BatchNorm.FUSED));
        ComputationGraph dl4j = dl4jTwin(folded);
        for (int batch : new int[] {20, 4, 19, 7, 1, 27}) {
            INDArray probe = Nd4j.rand(DataType.FLOAT, batch, 4, 5, 5).muli(2);
            INDArray[] out = folded.output(false, probe);
            assertEquals(batch, out[0].size(0), "batch " + batch + " comes back with its own rows only");
            assertSame(dl4j.output(false, probe), out, 1e-5, "batch " + batch);
        }
        long[] sizes = java.util.stream.LongStream.rangeClosed(1, 512).map(InferenceGraph::paddedBatch).distinct()
                .toArray();
        assertEquals(16, sizes.length, "1..512 examples share 16 compiled batch sizes");
        for (long b = 1; b <= 512; b++) {
            long p = InferenceGraph.paddedBatch(b);
            assertTrue(p >= b && p <= 1.5 * b + 1, b + " -> " + p);
        }
    }

    @Test
    void sequenceReadsTheGraphsParametersAsTheyAreNow() {
        InferenceGraph folded = (InferenceGraph) BatchNormFolding.fold(Networks.residualTower(SPEC,
                new Updates(Optimizer.adam(), LearningRate.constant(1e-3), 0, 0), 3));
        INDArray probe = Nd4j.rand(DataType.FLOAT, 2, 4, 5, 5);
        INDArray before = folded.output(false, probe)[1];
        folded.params().muli(1.5);
        INDArray[] after = folded.output(false, probe);
        assertSame(dl4jTwin(folded).output(false, probe), after, 1e-5, "after the update");
        assertTrue(after[1].sub(before).amaxNumber().doubleValue() > 1e-3, "the update changed the value output");
    }

    @Test
    void stridedPaddedConvolutionsAndFeatureMapOutputsComeBackAsDl4jsNchw() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(6).graphBuilder()
                .addInputs("in").setInputTypes(InputType.convolutional(7, 6, 3))
                .addLayer("conv", new ConvolutionLayer.Builder(3, 2).stride(2, 1).padding(1, 0).nOut(5)
                        .convolutionMode(ConvolutionMode.Truncate).activation(Activation.TANH).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(4)
                        .activation(Activation.SOFTMAX).build(), "conv")
                .setOutputs("conv", "out").build();
        InferenceGraph graph = new InferenceGraph(conf);
        graph.init();
        INDArray probe = Nd4j.rand(DataType.FLOAT, 3, 3, 7, 6).subi(0.5);
        assertTrue(graph.runsAsSequence(probe));
        // DL4J's output() fails on a graph with a convolution among its outputs; its feedForward() gives both.
        java.util.Map<String, INDArray> acts = dl4jTwin(graph).feedForward(probe, false);
        assertSame(new INDArray[] {acts.get("conv"), acts.get("out")}, graph.output(false, probe), 1e-5,
                "conv and head outputs");
    }

    @Test
    void graphsTheSequenceDoesNotCoverRunThroughDl4j() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).graphBuilder()
                .addInputs("in").setInputTypes(InputType.convolutional(6, 6, 2))
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(4)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build(), "in")
                .addLayer("pool", new SubsamplingLayer.Builder(2, 2).stride(2, 2).build(), "conv")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "pool")
                .setOutputs("out").build();
        InferenceGraph graph = new InferenceGraph(conf);
        graph.init();
        INDArray probe = Nd4j.rand(DataType.FLOAT, 2, 2, 6, 6);
        assertFalse(graph.runsAsSequence(probe), "pooling is not in the sequence's repertoire");
        assertSame(dl4jTwin(graph).output(false, probe), graph.output(false, probe), 0, "DL4J's own pass");
    }

    /** A plain DL4J graph of {@code graph}'s configuration and a copy of its parameters. */
    private static ComputationGraph dl4jTwin(ComputationGraph graph) {
        ComputationGraph twin = new ComputationGraph(graph.getConfiguration().clone());
        twin.init(graph.params().dup(), false);
        return twin;
    }

    private static void assertSame(INDArray[] expected, INDArray[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": outputs");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(java.util.Arrays.toString(expected[k].shape()), java.util.Arrays.toString(actual[k].shape()),
                    what + ": shape of output " + k);
            double err = actual[k].sub(expected[k]).amaxNumber().doubleValue();
            assertTrue(err <= tolerance, what + ": output " + k + " differs by " + err);
        }
    }
}
