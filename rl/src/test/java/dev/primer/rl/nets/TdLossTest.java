package dev.primer.rl.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.nn.optim.Updates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The TD loss: Huber/MSE values and gradients on the taken action only, and it survives serialisation. */
class TdLossTest {
    private final INDArray q = Nd4j.createFromArray(new float[][] {{0f, 3f, 1f}, {2f, 0.5f, -1f}});
    private final INDArray y = Nd4j.createFromArray(new float[][] {{9f, 0.5f, 9f}, {9f, 9f, -4f}});
    private final INDArray mask = Nd4j.createFromArray(new float[][] {{0f, 1f, 0f}, {0f, 0f, 2f}});

    @Test
    void huberClipsTheErrorAndIgnoresUntakenActions() {
        TdLoss huber = new TdLoss(TdLoss.Kind.HUBER, 1.0);
        INDArray g = huber.computeGradient(y, q.dup(), new ActivationIdentity(), mask);
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 2}, g.data().asFloat(), 1e-6f,
                "d = 2.5 and 3 clip to 1; the second carries weight 2");
        INDArray scores = huber.computeScoreArray(y, q.dup(), new ActivationIdentity(), mask);
        assertArrayEquals(new float[] {2.5f - 0.5f, 2 * (3f - 0.5f)}, scores.data().asFloat(), 1e-6f);
        INDArray small = Nd4j.createFromArray(new float[][] {{0f, 2.9f, 1f}, {2f, 0.5f, -1.5f}});
        assertArrayEquals(new float[] {0.5f * 0.01f, 2 * 0.5f * 0.25f},
                huber.computeScoreArray(small, q.dup(), new ActivationIdentity(), mask).data().asFloat(), 1e-6f,
                "quadratic inside δ");
    }

    @Test
    void mseIsTheSquaredErrorOfTheTakenAction() {
        TdLoss mse = new TdLoss(TdLoss.Kind.MSE, 1.0);
        INDArray g = mse.computeGradient(y, q.dup(), new ActivationIdentity(), mask);
        assertArrayEquals(new float[] {0, 5, 0, 0, 0, 12}, g.data().asFloat(), 1e-6f);
        assertEquals((6.25 + 2 * 9) / 2, mse.computeScore(y, q.dup(), new ActivationIdentity(), mask, true), 1e-6);
    }

    @Test
    void aPerExampleMaskAndFortranOrderedArraysGiveTheSameLoss() {
        TdLoss mse = new TdLoss(TdLoss.Kind.MSE, 1.0);
        INDArray perExample = Nd4j.createFromArray(new float[][] {{1f}, {0.5f}});
        INDArray g = mse.computeGradient(y.dup('f'), q.dup('f'), new ActivationIdentity(), perExample);
        assertArrayEquals(new float[][] {{-18, 5, -16}, {-7, -8.5f, 3}}, g.toFloatMatrix());
        assertEquals((81 + 6.25 + 64 + 0.5 * (49 + 72.25 + 9)) / 2,
                mse.computeScore(y, q.dup(), new ActivationIdentity(), perExample, true), 1e-4);
    }

    @Test
    void aQNetworkWithTheLossRoundTripsThroughModelSerializer() throws Exception {
        MultiLayerNetwork net = RlNetworks.qNetwork(new RlNetworks.MinAtarConv(4, 10, 10), 6,
                new TdLoss(TdLoss.Kind.HUBER, 1.0), Updates.adam(1e-3), 3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 400);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()),
                true);
        assertEquals(net.output(x), back.output(x));
        assertEquals(6, net.output(x).size(1));
        assertEquals(4 * 16 * 9 + 16 + 16 * 8 * 8 * 128 + 128 + 128 * 6 + 6, net.numParams(),
                "conv 3x3x16 valid on 10x10 → 8x8x16, dense 128, dense 6");
    }
}
