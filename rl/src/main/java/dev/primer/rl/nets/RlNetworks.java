package dev.primer.rl.nets;

import dev.primer.nn.Networks;
import dev.primer.nn.optim.Updates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The networks of the RL agents, built by nn-core's {@link Networks} ({@link Networks#mlp} and
 * {@link Networks#minAtar}) with the RL heads: a linear Q head with {@link TdLoss}, a softmax policy with
 * {@link PolicyGradientLoss}, a linear value with squared error.
 *
 * <p>Every network takes a flat input row per example; the MinAtar net reshapes it to C×10×10 itself, so
 * our DQN and RL4J (whose observations are flat) feed the same network the same bytes.
 */
public final class RlNetworks {
    private RlNetworks() {
    }

    /** A Q-network's shape: an MLP over a vector or MinAtar's conv net over C×H×W planes. */
    public sealed interface Shape permits Mlp, MinAtarConv {
        /** Input features per example. */
        int inputs();
    }

    /** ReLU MLP over {@code inputs} features with the given hidden widths. */
    public record Mlp(int inputs, int[] hidden) implements Shape {
    }

    /**
     * MinAtar's Q-net (Young and Tian 2019): conv 3×3×16 stride 1 valid, ReLU, dense 128 ReLU, dense |A|, with
     * PyTorch's default initialisation as in the reference program ({@link Networks#minAtar}).
     */
    public record MinAtarConv(int channels, int height, int width) implements Shape {
        @Override
        public int inputs() {
            return channels * height * width;
        }
    }

    /** A Q-network {@code shape → actions} with a linear head and the TD loss {@code loss}. */
    public static MultiLayerNetwork qNetwork(Shape shape, int actions, TdLoss loss, Updates updates, long seed) {
        return network(shape, new Networks.Head(actions, Activation.IDENTITY, loss), updates, seed);
    }

    /** A softmax policy {@code shape → actions} trained by the score-function loss ({@link PolicyGradientLoss}). */
    public static MultiLayerNetwork policy(Shape shape, int actions, Updates updates, long seed) {
        return network(shape, new Networks.Head(actions, Activation.SOFTMAX, new PolicyGradientLoss()), updates, seed);
    }

    /** A state-value regressor {@code shape → 1} with squared error. */
    public static MultiLayerNetwork value(Shape shape, Updates updates, long seed) {
        return network(shape, new Networks.Head(1, Activation.IDENTITY, new LossMSE()), updates, seed);
    }

    /** Copies {@code src} into a fresh (non-view) {@code dst} in one bulk transfer; DataBuffer.setData goes element-wise. */
    public static void copyInto(float[] src, INDArray dst) {
        FloatBuffer b = dst.data().asNioFloat();
        b.position(0);
        b.put(src, 0, (int) dst.length());
    }

    /** A copy of {@code net}'s parameters, flattened. */
    public static float[] parameters(MultiLayerNetwork net) {
        return net.params().toFloatVector();
    }

    /** Sets {@code net}'s parameters from a copy that {@link #parameters} returned for the same architecture. */
    public static void setParameters(MultiLayerNetwork net, float[] p) {
        if (p.length != net.numParams()) {
            throw new IllegalArgumentException(p.length + " parameters for a network of " + net.numParams());
        }
        net.setParams(Nd4j.create(p, new long[] {1, p.length}, DataType.FLOAT));
    }

    /** Writes {@code net} with its updater state (DL4J's ModelSerializer zip) as one length-prefixed block. */
    public static void write(DataOutputStream out, MultiLayerNetwork net) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(1 << 16);
        ModelSerializer.writeModel(net, b, true);
        out.writeInt(b.size());
        b.writeTo(out);
    }

    /** Reads a network, with its updater state, that {@link #write} wrote. */
    public static MultiLayerNetwork read(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(b), true);
    }

    private static MultiLayerNetwork network(Shape shape, Networks.Head head, Updates updates, long seed) {
        if (shape instanceof MinAtarConv c) {
            return Networks.minAtar(new Networks.ImageShape(c.channels(), c.height(), c.width()), head, updates, seed);
        }
        Mlp m = (Mlp) shape;
        return Networks.mlp(m.inputs(), m.hidden(), head, updates, seed);
    }
}
