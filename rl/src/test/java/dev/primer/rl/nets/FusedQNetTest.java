package dev.primer.rl.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused step against DL4J's own forward pass and {@code fit} on the same network, batch and loss (with unit
 * weights: {@code fit} multiplies the output by a fractional label mask, see {@link TdLoss}), and its importance
 * weighting on its own.
 */
class FusedQNetTest {
    private static final Updates RMSPROP = new Updates(Optimizer.centeredRmsprop(0.95, 0.01),
            LearningRate.constant(2.5e-4), 0, 0);
    private static final Updates ADAM_L2_CLIPPED = new Updates(Optimizer.adam(), LearningRate.constant(1e-3), 1e-3,
            0.5);
    private static final Updates ADAM = Updates.adam(1e-3);
    private static final Updates SGD = new Updates(Optimizer.sgd(), LearningRate.constant(1), 0, 0);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new RlNetworks.MinAtarConv(4, 10, 10), 3, TdLoss.Kind.HUBER, RMSPROP, 32),
                Arguments.of(new RlNetworks.MinAtarConv(7, 10, 10), 6, TdLoss.Kind.MSE, ADAM_L2_CLIPPED, 17),
                Arguments.of(new RlNetworks.MinAtarConv(3, 6, 9), 4, TdLoss.Kind.HUBER, ADAM, 32),
                Arguments.of(new RlNetworks.Mlp(4, new int[] {64, 64}), 2, TdLoss.Kind.HUBER, ADAM_L2_CLIPPED, 32),
                Arguments.of(new RlNetworks.Mlp(6, new int[] {32}), 3, TdLoss.Kind.MSE, RMSPROP, 5));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void threeStepsMatchFitAndTheForwardPassMatchesOutput(RlNetworks.Shape shape, int actions, TdLoss.Kind kind,
                                                          Updates updates, int batch) {
        Random rnd = new Random(shape.inputs() * 31L + batch);
        MultiLayerNetwork reference = RlNetworks.qNetwork(shape, actions, new TdLoss(kind, 1.0), updates, 7);
        MultiLayerNetwork fused = reference.clone();
        FusedQNet step = new FusedQNet(fused, 32);
        int in = shape.inputs();
        for (int it = 0; it < 3; it++) {
            float[] obs = new float[batch * in];
            for (int i = 0; i < obs.length; i++) {
                obs[i] = shape instanceof RlNetworks.MinAtarConv ? (rnd.nextDouble() < 0.15 ? 1 : 0)
                        : (float) rnd.nextGaussian();
            }
            int[] a = new int[batch];
            float[] y = new float[batch];
            float[] w = new float[batch];
            float[] labels = new float[batch * actions];
            float[] mask = new float[batch * actions];
            for (int i = 0; i < batch; i++) {
                a[i] = rnd.nextInt(actions);
                y[i] = (float) (3 * rnd.nextGaussian());
                w[i] = 1;
                labels[i * actions + a[i]] = y[i];
                mask[i * actions + a[i]] = w[i];
            }
            INDArray x = Nd4j.create(obs, new long[] {batch, in}, DataType.FLOAT);
            float[] before = reference.output(x, false).data().asFloat();
            float[] q = new float[batch * actions];
            step.forward(obs, batch, q);
            assertClose(before, q, 1e-5, "forward pass");
            reference.fit(x, Nd4j.create(labels, new long[] {batch, actions}, DataType.FLOAT), null,
                    Nd4j.create(mask, new long[] {batch, actions}, DataType.FLOAT));
            float[] td = new float[batch];
            double loss = step.train(obs, a, y, w, batch, td);
            for (int i = 0; i < batch; i++) {
                assertEquals(y[i] - before[i * actions + a[i]], td[i], 1e-4, "TD error " + i);
            }
            if (updates.l2() == 0) {
                assertEquals(reference.score(), loss, 1e-5 * Math.max(1, loss), "loss");
            }
            assertClose(reference.params().toFloatVector(), fused.params().toFloatVector(), 2e-5, "parameters");
        }
        assertEquals(reference.getIterationCount(), fused.getIterationCount());
        assertEquals(updates.l2() == 0 && updates.clipNorm() == 0, step.updatesDirectly(), "direct updater path");
        float[] one = new float[in];
        one[0] = 1;
        float[] q = new float[actions];
        step.forward(one, 1, q);
        assertClose(reference.output(Nd4j.create(one, new long[] {1, in}, DataType.FLOAT), false).data().asFloat(), q,
                1e-5, "one-row forward pass");
    }

    @Test
    void anImportanceWeightScalesTheGradientAndTheLoss() {
        MultiLayerNetwork base = RlNetworks.qNetwork(new RlNetworks.MinAtarConv(2, 5, 5), 3,
                new TdLoss(TdLoss.Kind.HUBER, 1), SGD, 3);
        float[] obs = new float[50];
        for (int i = 0; i < obs.length; i += 3) {
            obs[i] = 1;
        }
        float[] p0 = base.params().toFloatVector();
        float[][] step = new float[2][];
        double[] loss = new double[2];
        float[] weight = {1f, 0.3f};
        for (int k = 0; k < 2; k++) {
            MultiLayerNetwork net = base.clone();
            float[] q = new float[3];
            FusedQNet f = new FusedQNet(net, 1);
            f.forward(obs, 1, q);
            loss[k] = f.train(obs, new int[] {1}, new float[] {q[1] + 0.5f}, new float[] {weight[k]}, 1, null);
            float[] p = net.params().toFloatVector();
            step[k] = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                step[k][i] = p0[i] - p[i];
            }
        }
        assertEquals(0.3 * 0.125, loss[1], 1e-6);
        assertEquals(0.125, loss[0], 1e-6);
        double moved = 0;
        for (int i = 0; i < p0.length; i++) {
            assertEquals(0.3 * step[0][i], step[1][i], 1e-6 + 1e-4 * Math.abs(step[0][i]), "parameter " + i);
            moved = Math.max(moved, Math.abs(step[0][i]));
        }
        assertTrue(moved > 1e-3, "the unit-weight step moved the parameters: " + moved);
    }

    @Test
    void onTheDirectPathTwoWeightedRowsAverageLikeOneRowOfTheirMeanWeight() {
        MultiLayerNetwork base = RlNetworks.qNetwork(new RlNetworks.Mlp(3, new int[] {16}), 2,
                new TdLoss(TdLoss.Kind.HUBER, 1), SGD, 5);
        float[] row = {0.5f, -1f, 2f};
        float[][] after = new float[2][];
        for (int k = 0; k < 2; k++) {
            MultiLayerNetwork net = base.clone();
            FusedQNet f = new FusedQNet(net, 2);
            f.train(row, new int[] {0}, new float[] {1f}, new float[] {1f}, 1, null);
            assertTrue(f.updatesDirectly());
            float[] q = new float[2];
            f.forward(row, 1, q);
            float y = q[1] - 0.25f;
            if (k == 0) {
                f.train(row, new int[] {1}, new float[] {y}, new float[] {0.3f}, 1, null);
            } else {
                f.train(new float[] {0.5f, -1f, 2f, 0.5f, -1f, 2f}, new int[] {1, 1}, new float[] {y, y},
                        new float[] {0.25f, 0.35f}, 2, null);
            }
            after[k] = net.params().toFloatVector();
        }
        assertClose(after[0], after[1], 1e-6, "parameters after the weighted step");
    }

    @Test
    void aTargetNetworkSyncedBySetParamsIsSeenByItsFusedForwardPass() {
        RlNetworks.Shape shape = new RlNetworks.MinAtarConv(4, 10, 10);
        TdLoss loss = new TdLoss(TdLoss.Kind.HUBER, 1);
        MultiLayerNetwork target = RlNetworks.qNetwork(shape, 3, loss, RMSPROP, 1);
        MultiLayerNetwork online = RlNetworks.qNetwork(shape, 3, loss, RMSPROP, 2);
        FusedQNet f = new FusedQNet(target, 1);
        float[] obs = new float[shape.inputs()];
        obs[5] = 1;
        obs[177] = 1;
        float[] before = new float[3];
        f.forward(obs, 1, before);
        target.setParams(online.params());
        float[] after = new float[3];
        f.forward(obs, 1, after);
        assertClose(online.output(Nd4j.create(obs, new long[] {1, obs.length}, DataType.FLOAT), false).toFloatVector(),
                after, 1e-5, "synced target");
        assertFalse(java.util.Arrays.equals(before, after), "the two networks differ");
    }

    @Test
    void badRowsAndActionsAreRefusedByName() {
        FusedQNet f = new FusedQNet(RlNetworks.qNetwork(new RlNetworks.Mlp(2, new int[] {4}), 2,
                new TdLoss(TdLoss.Kind.MSE, 1), SGD, 1), 2);
        float[] obs = new float[6];
        float[] q = new float[6];
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.forward(obs, 3, q)).getMessage()
                .contains("batches of 1 to 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.forward(obs, 0, q)).getMessage()
                .contains("batches of 1 to 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.train(obs, new int[] {0, 2},
                new float[2], new float[] {1, 1}, 2, null)).getMessage().contains("action 2 of row 1"));
    }

    @Test
    void aPolicyNetworkIsNotAQNetwork() {
        assertFalse(FusedQNet.supports(RlNetworks.policy(new RlNetworks.Mlp(4, new int[] {8}), 2, RMSPROP, 1)));
        assertTrue(FusedQNet.supports(RlNetworks.qNetwork(new RlNetworks.Mlp(4, new int[] {8}), 2,
                new TdLoss(TdLoss.Kind.HUBER, 1), RMSPROP, 1)));
    }

    private static void assertClose(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]) / Math.max(1, Math.abs(expected[i]));
            if (err > worst) {
                worst = err;
                at = i;
            }
        }
        assertTrue(worst <= tol, what + ": element " + at + " differs by " + worst + " (" + (at < 0 ? "" :
                expected[at] + " vs " + actual[at]) + ")");
    }
}
