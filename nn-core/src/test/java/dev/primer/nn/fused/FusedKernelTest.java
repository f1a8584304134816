package dev.primer.nn.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Networks;
import dev.primer.nn.Networks.Head;
import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import java.util.Random;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The kernel against DL4J's own {@code output} and {@code fit} on the same network and batch, with DL4J's squared
 * error as the caller's loss: mean over outputs of (out − y)², so ∂/∂out = 2(out − y)/outputs.
 */
class FusedKernelTest {
    private static final Head SQUARED = new Head(3, Activation.IDENTITY, new LossMSE());
    private static final Updates ADAM = Updates.adam(1e-2);
    private static final Updates ADAM_L2_CLIPPED = new Updates(Optimizer.adam(), LearningRate.constant(1e-2), 1e-3,
            0.5);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Networks.mlp(5, new int[] {16, 8}, SQUARED, ADAM, 1), ADAM, 12),
                Arguments.of(Networks.mlp(5, new int[] {16}, SQUARED, ADAM_L2_CLIPPED, 2), ADAM_L2_CLIPPED, 7),
                Arguments.of(Networks.minAtar(new ImageShape(2, 5, 6), SQUARED, ADAM, 3), ADAM, 9));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void threeStepsMatchFitAndTheForwardPassMatchesOutput(MultiLayerNetwork reference, Updates updates, int batch) {
        MultiLayerNetwork net = reference.clone();
        FusedLayout layout = FusedLayout.bind(net);
        FusedKernel kernel = new FusedKernel(layout, batch);
        int in = layout.inputs();
        int out = layout.outputs();
        Random rnd = new Random(in * 31L + batch);
        for (int it = 0; it < 3; it++) {
            float[] x = new float[batch * in];
            float[] y = new float[batch * out];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.nextGaussian();
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) rnd.nextGaussian();
            }
            INDArray features = Nd4j.create(x, new long[] {batch, in}, DataType.FLOAT);
            float[] q = new float[batch * out];
            kernel.forward(x, batch, q);
            assertClose(reference.output(features, false).data().asFloat(), q, 1e-5, "forward pass");
            reference.fit(features, Nd4j.create(y, new long[] {batch, out}, DataType.FLOAT));
            double loss = kernel.train(x, batch, (o, n, g) -> {
                double sum = 0;
                for (int i = 0; i < n * out; i++) {
                    float e = o[i] - y[i];
                    sum += e * e / out;
                    g[i] = 2 * e / out;
                }
                return sum;
            });
            if (updates.l2() == 0) {
                assertEquals(reference.score(), loss, 1e-5 * Math.max(1, reference.score()), "loss");
            }
            assertClose(reference.params().toFloatVector(), net.params().toFloatVector(), 2e-5, "parameters");
        }
        assertEquals(reference.getIterationCount(), net.getIterationCount(), "iterations");
    }

    @Test
    void theUpdaterRunsDirectlyFromTheSecondStepOnlyWithoutRegularisation() {
        float[] x = {1, 0, -1, 2, 0.5f};
        for (Updates u : new Updates[] {ADAM, ADAM_L2_CLIPPED}) {
            FusedLayout layout = FusedLayout.bind(Networks.mlp(5, new int[] {4}, SQUARED, u, 1));
            FusedKernel kernel = new FusedKernel(layout, 1);
            kernel.train(x, 1, (o, n, g) -> {
                g[0] = 1;
                return 0;
            });
            assertEquals(u.l2() == 0, layout.updatesDirectly(), "direct path with " + u);
        }
    }

    @Test
    void unsupportedNetworksAndBatchesAreRefusedByName() {
        assertRefused("an identity head", () -> FusedLayout.bind(Networks.mlp(4, new int[] {8}, 3, ADAM, 1)));
        assertRefused("flat/CNN preprocessors", () -> FusedLayout.bind(Networks.convnet(new ImageShape(1, 8, 8), 3,
                ADAM, 1)));
        FusedLayout layout = FusedLayout.bind(Networks.mlp(2, new int[] {4}, SQUARED, ADAM, 1));
        assertRefused("at least one row", () -> new FusedKernel(layout, 0));
        FusedKernel kernel = new FusedKernel(layout, 2);
        assertRefused("batches of 1 to 2", () -> kernel.forward(new float[6], 3, new float[9]));
    }

    private static void assertRefused(String what, Runnable call) {
        String message = assertThrows(IllegalArgumentException.class, call::run).getMessage();
        assertTrue(message.contains(what), message);
    }

    private static void assertClose(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]) / Math.max(1, Math.abs(expected[i]));
            assertTrue(err <= tol, what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]);
        }
    }
}
