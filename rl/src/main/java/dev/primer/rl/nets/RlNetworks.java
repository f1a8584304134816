package dev.primer.rl.nets;

import dev.primer.nn.Backend;
import dev.primer.nn.optim.Updates;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The networks of the RL agents, with nn-core's {@code Networks.base} settings (seeded, float32,
 * workspaces ENABLED, {@link CacheMode#DEVICE}, ReLU init; MinAtar's net gets PyTorch's default init instead) and
 * nn-core's {@link Updates}.
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
     * PyTorch's default initialisation as in the reference program ({@link #torchDefaultInit}).
     */
    public record MinAtarConv(int channels, int height, int width) implements Shape {
        @Override
        public int inputs() {
            return channels * height * width;
        }
    }

    /** A Q-network {@code shape → actions} with a linear head and the TD loss {@code loss}. */
    public static MultiLayerNetwork qNetwork(Shape shape, int actions, TdLoss loss, Updates updates, long seed) {
        return network(shape, actions, Activation.IDENTITY, loss, updates, seed);
    }

    /** A softmax policy {@code shape → actions} trained by the score-function loss ({@link PolicyGradientLoss}). */
    public static MultiLayerNetwork policy(Shape shape, int actions, Updates updates, long seed) {
        return network(shape, actions, Activation.SOFTMAX, new PolicyGradientLoss(), updates, seed);
    }

    /** A state-value regressor {@code shape → 1} with squared error. */
    public static MultiLayerNetwork value(Shape shape, Updates updates, long seed) {
        return network(shape, 1, Activation.IDENTITY, new LossMSE(), updates, seed);
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

    private static MultiLayerNetwork network(Shape shape, int outputs, Activation head, ILossFunction loss,
                                             Updates updates, long seed) {
        NeuralNetConfiguration.ListBuilder list = base(updates, seed).list();
        if (shape instanceof Mlp m) {
            int prev = m.inputs();
            for (int h : m.hidden()) {
                list.layer(new DenseLayer.Builder().nIn(prev).nOut(h).activation(Activation.RELU).build());
                prev = h;
            }
            list.layer(new OutputLayer.Builder(loss).nIn(prev).nOut(outputs).activation(head)
                    .weightInit(WeightInit.XAVIER).build());
        } else if (shape instanceof MinAtarConv c) {
            list.layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(16)
                    .convolutionMode(ConvolutionMode.Truncate).activation(Activation.RELU).build());
            list.layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build());
            list.layer(new OutputLayer.Builder(loss).nOut(outputs).activation(head).build());
            list.setInputType(InputType.convolutionalFlat(c.height(), c.width(), c.channels()));
        }
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        if (shape instanceof MinAtarConv) {
            torchDefaultInit(net, seed);
        }
        return net;
    }

    /**
     * Re-initialises {@code net} as PyTorch initialises {@code Conv2d} and {@code Linear} by default, which is what
     * MinAtar's reference program ({@code examples/dqn.py}) trains: {@code kaiming_uniform_(a=√5)} on the weights
     * and the same bound on the biases, i.e. every parameter of a layer with fan-in f drawn from U(−1/√f, 1/√f)
     * (f = in-channels·kernel height·kernel width for a convolution).
     */
    static void torchDefaultInit(MultiLayerNetwork net, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (Layer layer : net.getLayers()) {
            FeedForwardLayer conf = (FeedForwardLayer) layer.conf().getLayer();
            long fanIn = conf.getNIn();
            if (conf instanceof ConvolutionLayer c) {
                fanIn *= (long) c.getKernelSize()[0] * c.getKernelSize()[1];
            }
            double bound = 1 / Math.sqrt(fanIn);
            for (String key : new String[] {DefaultParamInitializer.WEIGHT_KEY, DefaultParamInitializer.BIAS_KEY}) {
                INDArray p = layer.getParam(key);
                float[] v = new float[(int) p.length()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) rnd.nextDouble(-bound, bound);
                }
                p.assign(Nd4j.create(v, p.shape(), 'c'));
            }
        }
    }

    private static NeuralNetConfiguration.Builder base(Updates updates, long seed) {
        Backend.init();
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
            .seed(seed)
            .dataType(DataType.FLOAT)
            .trainingWorkspaceMode(WorkspaceMode.ENABLED)
            .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
            .cacheMode(CacheMode.DEVICE)
            .weightInit(WeightInit.RELU);
        return updates.applyTo(b);
    }
}
