package dev.primer.nn;

import dev.primer.nn.group.P4Convolution;
import dev.primer.nn.group.RotationPooling;
import dev.primer.nn.norm.FusedBatchNorm;
import dev.primer.nn.optim.Updates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Seeded DL4J network builders: MLP, convnet (with or without batch norm), MinAtar's Q-net, residual policy/value
 * tower and its plain twin, DenseNet-BC, LSTM, a last-step LSTM or plain RNN, the Z2CNN/P4CNN pair of group convolutions,
 * the small DCGAN, and pix2pix's U-Net generator and PatchGAN discriminator.
 *
 * <p>Every network is float32, NCHW, with workspaces and {@link CacheMode#DEVICE} (keeps im2col
 * between forward and backward) and runs through {@link Backend#init()}, so oneDNN helpers and the
 * CPU's OpenBLAS kernels apply to all of them.
 */
public final class Networks {
    private Networks() {
    }

    /** Image input of {@code channels×height×width}, as a convnet sees it. */
    public record ImageShape(int channels, int height, int width) {
    }

    /** Which heads a residual tower ends in. */
    public enum TowerHeads {
        /** Output "policy" alone (AlphaGo's SL and RL policy networks). */
        POLICY,
        /** Output "value" alone (AlphaGo's value network). */
        VALUE,
        /** Outputs "policy" then "value" (AlphaGo Zero's two-headed network). */
        POLICY_AND_VALUE
    }

    /** Which batch-norm layers a residual or plain tower is built with. */
    public enum BatchNorm {
        /** DL4J's {@code BatchNormalization} (oneDNN helper), a ReLU as a separate {@code ActivationLayer}. */
        DL4J,
        /** nn-core's {@link FusedBatchNorm}, the ReLU inside it (one layer, two Java passes each way). */
        FUSED
    }

    /** An output layer: {@code outputs} units with {@code activation}, trained by {@code loss}. */
    public record Head(int outputs, Activation activation, ILossFunction loss) {
        /** Softmax over {@code classes} with cross-entropy. */
        public static Head softmax(int classes) {
            return new Head(classes, Activation.SOFTMAX, LossFunction.MCXENT.getILossFunction());
        }

        /** {@code outputs} identity units with mean squared error: a regression head. */
        public static Head regression(int outputs) {
            return new Head(outputs, Activation.IDENTITY, LossFunction.MSE.getILossFunction());
        }
    }

    /** A residual tower in the AlphaGo Zero layout (Silver et al. 2017, "Methods: neural network architecture"). */
    public record TowerSpec(int inputPlanes, int boardSize, int filters, int blocks, int policyOutputs,
                            int valueHidden, TowerHeads heads) {
        /** The {@code resnet9} reference workload: 8 planes, 9x9, 64 filters, 6 blocks, 82 moves, value 64. */
        public static TowerSpec resnet9() {
            return new TowerSpec(8, 9, 64, 6, 82, 64, TowerHeads.POLICY_AND_VALUE);
        }

        /** A policy network over the {@code boardSize}² points and pass. */
        public static TowerSpec policy(int inputPlanes, int boardSize, int filters, int blocks) {
            return new TowerSpec(inputPlanes, boardSize, filters, blocks, boardSize * boardSize + 1, 0,
                    TowerHeads.POLICY);
        }
    }

    /**
     * Dropout (Srivastava et al. 2014, §4): during training each unit is dropped with its layer's probability and
     * the survivors scaled by 1/(1 − p), so that inference uses the weights as they are.
     *
     * @param input  probability of dropping an input unit (the paper: 0.2)
     * @param hidden probability of dropping a hidden unit (the paper: 0.5)
     */
    public record Dropout(double input, double hidden) {
        /** No dropout. */
        public static final Dropout NONE = new Dropout(0, 0);

        /** Rejects probabilities outside [0, 1). */
        public Dropout {
            if (!(input >= 0 && input < 1 && hidden >= 0 && hidden < 1)) {
                throw new IllegalArgumentException("dropout probabilities must be in [0, 1), got input " + input
                        + ", hidden " + hidden);
            }
        }
    }

    /** Common configuration: seed, float32, update rule, workspaces, device cache. */
    static NeuralNetConfiguration.Builder base(Updates updates, long seed) {
        Backend.init();
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .cacheMode(CacheMode.DEVICE)
                .convolutionMode(ConvolutionMode.Same)
                .weightInit(WeightInit.RELU);
        return updates.applyTo(b);
    }

    /** ReLU MLP {@code in → hidden… → out} with softmax cross-entropy. */
    public static MultiLayerNetwork mlp(int in, int[] hidden, int out, Updates updates, long seed) {
        return mlp(in, hidden, Head.softmax(out), updates, seed);
    }

    /** ReLU MLP {@code in → hidden… → head}, He init on the hidden layers and Xavier on the head. */
    public static MultiLayerNetwork mlp(int in, int[] hidden, Head head, Updates updates, long seed) {
        return mlp(in, hidden, head, Dropout.NONE, updates, seed);
    }

    /** ReLU MLP {@code in → hidden… → head} trained with {@code dropout} on its input and hidden units. */
    public static MultiLayerNetwork mlp(int in, int[] hidden, Head head, Dropout dropout, Updates updates,
                                        long seed) {
        NeuralNetConfiguration.ListBuilder list = base(updates, seed).list();
        int prev = in;
        double drop = dropout.input();
        for (int h : hidden) {
            list.layer(withDropout(new DenseLayer.Builder(), drop).nIn(prev).nOut(h).activation(Activation.RELU)
                    .build());
            prev = h;
            drop = dropout.hidden();
        }
        list.layer(withDropout(new OutputLayer.Builder(head.loss()), drop).nIn(prev).nOut(head.outputs())
                .activation(head.activation()).weightInit(WeightInit.XAVIER).build());
        return init(list.build());
    }

    /** {@code b} dropping its layer's inputs with probability {@code p} in training (DL4J takes the keep one). */
    private static <B extends FeedForwardLayer.Builder<B>> B withDropout(B b, double p) {
        return p > 0 ? b.dropOut(new org.deeplearning4j.nn.conf.dropout.Dropout(1 - p)) : b;
    }

    /**
     * Overwrites the weights ({@code weights[i][j]} from input i to unit j) and biases of dense or output layer
     * {@code layer} of {@code net}, e.g. to build a network by hand; shapes must match the layer's.
     */
    public static void setDense(MultiLayerNetwork net, int layer, double[][] weights, double[] bias) {
        if (layer < 0 || layer >= net.getnLayers()
                || !(net.getLayer(layer).conf().getLayer() instanceof FeedForwardLayer f)
                || f instanceof ConvolutionLayer) {
            throw new IllegalArgumentException("layer " + layer + " is not a dense layer of this "
                    + net.getnLayers() + "-layer network");
        }
        long nIn = f.getNIn();
        long nOut = f.getNOut();
        if (weights.length != nIn || bias.length != nOut
                || Arrays.stream(weights).anyMatch(row -> row.length != nOut)) {
            throw new IllegalArgumentException("layer " + layer + " takes " + nIn + "x" + nOut + " weights and "
                    + nOut + " biases; got " + weights.length + " rows and " + bias.length + " biases");
        }
        Layer l = net.getLayer(layer);
        l.getParam(DefaultParamInitializer.WEIGHT_KEY).assign(Nd4j.create(weights).castTo(DataType.FLOAT));
        l.getParam(DefaultParamInitializer.BIAS_KEY).assign(Nd4j.create(bias, new long[] {1, nOut})
                .castTo(DataType.FLOAT));
    }

    /**
     * MinAtar's network (Young and Tian 2019): conv 3×3×16 stride 1 valid ReLU → dense 128 ReLU → {@code head},
     * over flat rows of C·H·W (the network reshapes them itself), with PyTorch's default initialisation as
     * MinAtar's reference program ({@code examples/dqn.py}) trains it ({@link #torchDefaultInit}).
     */
    public static MultiLayerNetwork minAtar(ImageShape shape, Head head, Updates updates, long seed) {
        MultiLayerConfiguration conf = base(updates, seed).list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(16)
                        .convolutionMode(ConvolutionMode.Truncate).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(head.loss()).nOut(head.outputs()).activation(head.activation()).build())
                .setInputType(InputType.convolutionalFlat(shape.height(), shape.width(), shape.channels()))
                .build();
        MultiLayerNetwork net = init(conf);
        torchDefaultInit(net, seed);
        return net;
    }

    /**
     * Re-initialises {@code net} as PyTorch initialises {@code Conv2d} and {@code Linear} by default:
     * {@code kaiming_uniform_(a=√5)} on the weights and the same bound on the biases, i.e. every parameter of a
     * layer with fan-in f drawn from U(−1/√f, 1/√f) (f = in-channels·kernel height·kernel width for a convolution).
     */
    private static void torchDefaultInit(MultiLayerNetwork net, long seed) {
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

    /**
     * The reference convnet: conv3x3 32 same ReLU → maxpool 2 → conv3x3 64 same ReLU → maxpool 2 →
     * dense 128 ReLU → dense {@code classes} softmax cross-entropy.
     */
    public static MultiLayerNetwork convnet(ImageShape shape, int classes, Updates updates, long seed) {
        MultiLayerConfiguration conf = base(updates, seed).list()
                .layer(conv3x3(32))
                .layer(maxPool2())
                .layer(conv3x3(64))
                .layer(maxPool2())
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutional(shape.height(), shape.width(), shape.channels()))
                .build();
        return init(conf);
    }

    /**
     * The reference {@link #convnet} with batch normalisation before each hidden ReLU, as Ioffe and Szegedy 2015
     * (§3.2) place it: conv3x3 32 → BN → ReLU → maxpool 2 → conv3x3 64 → BN → ReLU → maxpool 2 → dense 128 → BN →
     * ReLU → dense {@code classes} softmax; the normalised layers have no bias (BN's β replaces it).
     */
    public static MultiLayerNetwork convnetBatchNorm(ImageShape shape, int classes, Updates updates, long seed) {
        MultiLayerConfiguration conf = base(updates, seed).list()
                .layer(convNoBias(3, 32))
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(maxPool2())
                .layer(convNoBias(3, 64))
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(maxPool2())
                .layer(new DenseLayer.Builder().nOut(128).hasBias(false).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutional(shape.height(), shape.width(), shape.channels()))
                .build();
        return init(conf);
    }

    /** Which symmetry a {@link #groupConvnet}'s convolutions share weights over. */
    public enum Symmetry {
        /** Ordinary convolutions: weights shared over translations (the group Z²). */
        TRANSLATION,
        /** p4 convolutions: translations and the 4 rotations by 90° (Cohen & Welling 2016). */
        P4
    }

    /**
     * An all-convolutional net in the shape of Cohen & Welling 2016's Z2CNN/P4CNN (§8.1): for each stage width w,
     * two 3×3 convolutions of w filters with ReLU, then 2×2 max pooling between stages; then (P4 only) rotation
     * pooling, global average pooling and dense {@code classes} softmax. Under {@link Symmetry#P4} the first
     * convolution lifts Z² → p4 and the others are p4 → p4 (w filters = 4·w channels).
     */
    public static MultiLayerNetwork groupConvnet(ImageShape shape, int classes, Symmetry symmetry, int[] widths,
                                                 Updates updates, long seed) {
        NeuralNetConfiguration.ListBuilder list = base(updates, seed).list();
        for (int stage = 0; stage < widths.length; stage++) {
            if (stage > 0) {
                list.layer(maxPool2());
            }
            for (int i = 0; i < 2; i++) {
                if (symmetry == Symmetry.TRANSLATION) {
                    list.layer(conv3x3(widths[stage]));
                } else {
                    list.layer(stage == 0 && i == 0 ? P4Convolution.lifting(widths[stage], 3)
                            : P4Convolution.group(widths[stage], 3));
                    list.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
                }
            }
        }
        if (symmetry == Symmetry.P4) {
            list.layer(new RotationPooling());
        }
        MultiLayerConfiguration conf = list
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutional(shape.height(), shape.width(), shape.channels()))
                .build();
        return init(conf);
    }

    /**
     * Residual tower with a policy head (softmax over {@code policyOutputs}, cross-entropy) and/or a
     * value head (tanh, MSE), as {@code spec.heads()} says: outputs "policy" then "value"; input "planes" of C×N×N.
     */
    public static ComputationGraph residualTower(TowerSpec spec, Updates updates, long seed) {
        return residualTower(spec, updates, seed, BatchNorm.FUSED);
    }

    /** The {@link #residualTower} with batch norm (and the ReLU after it) from {@code batchNorm}'s layers. */
    public static ComputationGraph residualTower(TowerSpec spec, Updates updates, long seed, BatchNorm batchNorm) {
        return tower(spec, updates, seed, true, batchNorm);
    }

    /**
     * The tower of {@link #residualTower} without its identity shortcuts (He et al. 2016, §4.1 "plain networks"):
     * every block is conv-BN-ReLU-conv-BN-ReLU, with the same layers and parameters as the residual block.
     */
    public static ComputationGraph plainTower(TowerSpec spec, Updates updates, long seed) {
        return tower(spec, updates, seed, false, BatchNorm.FUSED);
    }

    private static ComputationGraph tower(TowerSpec spec, Updates updates, long seed, boolean shortcuts,
                                          BatchNorm bn) {
        int f = spec.filters();
        ComputationGraphConfiguration.GraphBuilder g = base(updates, seed).graphBuilder()
                .addInputs("planes")
                .setInputTypes(InputType.convolutional(spec.boardSize(), spec.boardSize(), spec.inputPlanes()));
        String x = convBnRelu(g, "stem", "planes", 3, f, bn);
        for (int i = 0; i < spec.blocks(); i++) {
            String p = "res" + i;
            String a = convBnRelu(g, p + "_a", x, 3, f, bn);
            g.addLayer(p + "_b_conv", convNoBias(3, f), a);
            g.addLayer(p + "_b_bn", bn == BatchNorm.FUSED ? new FusedBatchNorm(false)
                    : new BatchNormalization.Builder().build(), p + "_b_conv");
            String sum = p + "_b_bn";
            if (shortcuts) {
                g.addVertex(p + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), p + "_b_bn", x);
                sum = p + "_add";
            }
            g.addLayer(p + "_out", new ActivationLayer.Builder().activation(Activation.RELU).build(), sum);
            x = p + "_out";
        }
        List<String> outputs = new ArrayList<>();
        if (spec.heads() != TowerHeads.VALUE) {
            String ph = convBnRelu(g, "policy_head", x, 1, 2, bn);
            g.addLayer("policy", new OutputLayer.Builder(LossFunction.MCXENT).nOut(spec.policyOutputs())
                    .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), ph);
            outputs.add("policy");
        }
        if (spec.heads() != TowerHeads.POLICY) {
            String vh = convBnRelu(g, "value_head", x, 1, 1, bn);
            g.addLayer("value_hidden", new DenseLayer.Builder().nOut(spec.valueHidden())
                    .activation(Activation.RELU).build(), vh);
            g.addLayer("value", new OutputLayer.Builder(LossFunction.MSE).nOut(1)
                    .activation(Activation.TANH).weightInit(WeightInit.XAVIER).build(), "value_hidden");
            outputs.add("value");
        }
        ComputationGraph graph = new ComputationGraph(g.setOutputs(outputs.toArray(String[]::new)).build());
        graph.init();
        return graph;
    }

    /**
     * A DenseNet-BC (Huang et al. 2017, §3 "Implementation details" and "DenseNet-BC").
     *
     * @param growth    growth rate k: channels each bottleneck layer adds
     * @param layers    bottleneck layers in each dense block, first block first
     */
    public record DenseNetSpec(int growth, int[] layers) {
        /** Rejects a spec that cannot be built. */
        public DenseNetSpec {
            if (growth < 1 || layers.length == 0 || Arrays.stream(layers).anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("DenseNet needs growth >= 1 and at least one block of >= 1 layers,"
                        + " got growth " + growth + ", layers " + Arrays.toString(layers));
            }
        }
    }

    /**
     * DenseNet-BC of {@code spec} classifying {@code classes} classes of {@code shape} (input "input", output
     * "output"): a 3×3 convolution to 2k channels and 2×2 max pooling (the paper's ImageNet stem, shrunk to small
     * images); dense blocks whose layers are BN-ReLU-1×1 conv(4k)-BN-ReLU-3×3 conv(k), each concatenated to its
     * input (MergeVertex); between blocks a transition BN-ReLU-1×1 conv to ⌊c/2⌋ channels (compression θ = 0.5)
     * and 2×2 average pooling; then BN-ReLU, global average pooling and a softmax layer. Convolutions have no bias.
     */
    public static ComputationGraph denseNetBc(DenseNetSpec spec, ImageShape shape, int classes, Updates updates,
                                              long seed) {
        int k = spec.growth();
        ComputationGraphConfiguration.GraphBuilder g = base(updates, seed).graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutional(shape.height(), shape.width(), shape.channels()));
        g.addLayer("stem_conv", convNoBias(3, 2 * k), "input");
        g.addLayer("stem_pool", maxPool2(), "stem_conv");
        String x = "stem_pool";
        int channels = 2 * k;
        for (int b = 0; b < spec.layers().length; b++) {
            if (b > 0) {
                String t = "transition" + b;
                channels /= 2;
                g.addLayer(t + "_conv", convNoBias(1, channels), bnRelu(g, t, x));
                g.addLayer(t + "_pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG)
                        .kernelSize(2, 2).stride(2, 2).build(), t + "_conv");
                x = t + "_pool";
            }
            for (int l = 0; l < spec.layers()[b]; l++) {
                String p = "block" + b + "_layer" + l;
                g.addLayer(p + "_conv1", convNoBias(1, 4 * k), bnRelu(g, p + "_1", x));
                g.addLayer(p + "_conv3", convNoBias(3, k), bnRelu(g, p + "_3", p + "_conv1"));
                g.addVertex(p + "_concat", new MergeVertex(), x, p + "_conv3");
                x = p + "_concat";
                channels += k;
            }
        }
        g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), bnRelu(g, "final", x));
        g.addLayer("output", new OutputLayer.Builder(LossFunction.MCXENT).nOut(classes)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), "pool");
        ComputationGraph graph = new ComputationGraph(g.setOutputs("output").build());
        graph.init();
        return graph;
    }

    /** Adds BN then ReLU after {@code in}, named {@code name_bn} and {@code name_relu}; returns the ReLU's name. */
    private static String bnRelu(ComputationGraphConfiguration.GraphBuilder g, String name, String in) {
        g.addLayer(name + "_bn", new BatchNormalization.Builder().build(), in);
        g.addLayer(name + "_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "_bn");
        return name + "_relu";
    }

    /** Stacked LSTM over {@code in} features per step with a softmax over {@code out} classes per step. */
    public static MultiLayerNetwork lstm(int in, int hidden, int layers, int out, Updates updates, long seed) {
        NeuralNetConfiguration.ListBuilder list = base(updates, seed).weightInit(WeightInit.XAVIER).list();
        int prev = in;
        for (int i = 0; i < layers; i++) {
            list.layer(new LSTM.Builder().nIn(prev).nOut(hidden).activation(Activation.TANH).build());
            prev = hidden;
        }
        list.layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).nIn(prev).nOut(out)
                .activation(Activation.SOFTMAX).build());
        return init(list.build());
    }

    /** The recurrent layers DL4J ships. */
    public enum Recurrent {
        /** {@code LSTM}: gates i, f, o without peepholes, forget-gate bias initialised to 1. */
        LSTM,
        /** {@code SimpleRnn}: hₜ = tanh(W xₜ + R hₜ₋₁ + b). */
        SIMPLE_RNN
    }

    /**
     * One recurrent layer of {@code hidden} tanh units over {@code in} features per step (input {@code [N, in, T]})
     * whose last step feeds {@code head} (Xavier initialisation).
     */
    public static MultiLayerNetwork lastStep(Recurrent kind, int in, int hidden, Head head, Updates updates,
                                             long seed) {
        org.deeplearning4j.nn.conf.layers.Layer cell = kind == Recurrent.LSTM
                ? new LSTM.Builder().nIn(in).nOut(hidden).activation(Activation.TANH).build()
                : new SimpleRnn.Builder().nIn(in).nOut(hidden).activation(Activation.TANH).build();
        return init(base(updates, seed).weightInit(WeightInit.XAVIER).list()
                .layer(new LastTimeStep(cell))
                .layer(new OutputLayer.Builder(head.loss()).nIn(hidden).nOut(head.outputs())
                        .activation(head.activation()).build())
                .build());
    }

    /** Standard deviation of the DCGAN weights' normal initialisation (Radford et al. 2016, §4). */
    private static final double DCGAN_INIT_STD = 0.02;

    /**
     * The generator of a small DCGAN for 28×28 images (Radford et al. 2016, §3 and Fig. 1, scaled down): z ({@code
     * latent}) → dense 7·7·2w → BN → ReLU → deconv 5×5 stride 2 to 14×14×w → BN → ReLU → deconv 5×5 stride 2 to
     * 28×28×1 → sigmoid (pixels in [0, 1]). It has no loss: it is trained by errors backpropagated from a
     * discriminator.
     */
    public static MultiLayerNetwork dcganGenerator(int latent, int width, Updates updates, long seed) {
        MultiLayerConfiguration conf = base(updates, seed).weightInit(new NormalDistribution(0, DCGAN_INIT_STD)).list()
                .layer(new DenseLayer.Builder().nIn(latent).nOut(7 * 7 * 2 * width).hasBias(false)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new Deconvolution2D.Builder(5, 5).stride(2, 2).nOut(width).hasBias(false)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new Deconvolution2D.Builder(5, 5).stride(2, 2).nOut(1).activation(Activation.SIGMOID).build())
                .inputPreProcessor(3, new FeedForwardToCnnPreProcessor(7, 7, 2L * width))
                .setInputType(InputType.feedForward(latent))
                .build();
        return init(conf);
    }

    /**
     * The discriminator of a small DCGAN for 28×28 images (Radford et al. 2016, §3: strided convolutions, leaky ReLU
     * of slope 0.2, no pooling): conv 5×5 stride 2 to 14×14×w → lReLU → conv 5×5 stride 2 to 7×7×2w → lReLU →
     * one sigmoid unit, the probability that the image is real, trained by binary cross-entropy.
     */
    public static MultiLayerNetwork dcganDiscriminator(int width, Updates updates, long seed) {
        MultiLayerConfiguration conf = base(updates, seed).weightInit(new NormalDistribution(0, DCGAN_INIT_STD)).list()
                .layer(new ConvolutionLayer.Builder(5, 5).stride(2, 2).nOut(width)
                        .activation(new ActivationLReLU(0.2)).build())
                .layer(new ConvolutionLayer.Builder(5, 5).stride(2, 2).nOut(2 * width)
                        .activation(new ActivationLReLU(0.2)).build())
                .layer(new OutputLayer.Builder(LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build();
        return init(conf);
    }

    /**
     * The U-Net generator of pix2pix (Isola et al. 2017, §3.2.1 and §6.1.1, scaled down) for one-channel
     * {@code side}×{@code side} images, input "source", output "output": an encoder of {@code depth} 4×4 convolutions
     * of stride 2 (C_w-C_2w-C_4w-C_8w, then 8w), each followed by batch norm (all but the first) and a leaky ReLU of
     * slope 0.2; a decoder of 4×4 transposed convolutions of stride 2, each followed by batch norm and a ReLU and
     * concatenated (MergeVertex) with the encoder layer of its size, the skip connections; last a transposed
     * convolution to one channel and a sigmoid (pixels in [0, 1]). It has no loss: it is trained by errors
     * backpropagated from outside (an L1 term and a discriminator). Layer "enc{i}" (i = 1…depth) halves the side.
     */
    public static ComputationGraph unetGenerator(int side, int width, int depth, Updates updates, long seed) {
        if (depth < 2 || width < 1 || side % (1 << depth) != 0) {
            throw new IllegalArgumentException("a U-Net of depth " + depth + " needs depth >= 2, width >= 1 and a"
                    + " side divisible by 2^depth, got side " + side + ", width " + width);
        }
        ComputationGraphConfiguration.GraphBuilder g = base(updates, seed)
                .weightInit(new NormalDistribution(0, DCGAN_INIT_STD)).graphBuilder()
                .addInputs("source").setInputTypes(InputType.convolutional(side, side, 1));
        String x = "source";
        for (int i = 1; i <= depth; i++) {
            IActivation activation = i == 1 ? new ActivationLReLU(0.2) : Activation.IDENTITY.getActivationFunction();
            g.addLayer("enc" + i, new ConvolutionLayer.Builder(4, 4).stride(2, 2).nOut(unetWidth(width, i))
                    .hasBias(i == 1).activation(activation).build(), x);
            x = "enc" + i;
            if (i > 1) {
                g.addLayer(x + "_bn", new BatchNormalization.Builder().activation(new ActivationLReLU(0.2)).build(), x);
                x = x + "_bn";
            }
        }
        for (int i = depth - 1; i >= 1; i--) {
            String up = "dec" + i;
            g.addLayer(up, new Deconvolution2D.Builder(4, 4).stride(2, 2).nOut(unetWidth(width, i)).hasBias(false)
                    .activation(Activation.IDENTITY).build(), x);
            g.addLayer(up + "_bn", new BatchNormalization.Builder().activation(Activation.RELU).build(), up);
            g.addVertex(up + "_skip", new MergeVertex(), up + "_bn", i == 1 ? "enc1" : "enc" + i + "_bn");
            x = up + "_skip";
        }
        g.addLayer("output", new Deconvolution2D.Builder(4, 4).stride(2, 2).nOut(1).activation(Activation.SIGMOID)
                .build(), x);
        ComputationGraph graph = new ComputationGraph(g.setOutputs("output").build());
        graph.init();
        return graph;
    }

    /** Channels of the U-Net's i-th encoder layer: w·2^(i−1), at most 8w (pix2pix's cap of 512 = 8·64). */
    private static int unetWidth(int width, int i) {
        return width << Math.min(i - 1, 3);
    }

    /**
     * The conditional PatchGAN discriminator of pix2pix (Isola et al. 2017, §3.2.2 and §6.1.2, scaled down) for
     * {@code side}×{@code side} images: input the source and the real or generated image as two channels; 4×4
     * convolutions of stride 2 to w then 2w channels with leaky ReLU 0.2, then a 4×4 convolution of stride 1 to one
     * sigmoid unit per patch (side/4 × side/4 patches, each seeing 22×22 pixels), trained by binary cross-entropy
     * summed over patches (a {@code CnnLossLayer}).
     */
    public static MultiLayerNetwork patchDiscriminator(int side, int width, Updates updates, long seed) {
        MultiLayerConfiguration conf = base(updates, seed).weightInit(new NormalDistribution(0, DCGAN_INIT_STD)).list()
                .layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).nOut(width)
                        .activation(new ActivationLReLU(0.2)).build())
                .layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).nOut(2 * width)
                        .activation(new ActivationLReLU(0.2)).build())
                .layer(new ConvolutionLayer.Builder(4, 4).nOut(1).activation(Activation.IDENTITY).build())
                .layer(new CnnLossLayer.Builder(LossFunction.XENT).activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(side, side, 2))
                .build();
        return init(conf);
    }

    private static MultiLayerNetwork init(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static ConvolutionLayer conv3x3(int filters) {
        return new ConvolutionLayer.Builder(3, 3).nOut(filters).activation(Activation.RELU).build();
    }

    private static ConvolutionLayer convNoBias(int k, int filters) {
        return new ConvolutionLayer.Builder(k, k).nOut(filters).hasBias(false).activation(Activation.IDENTITY)
                .build();
    }

    private static SubsamplingLayer maxPool2() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }

    private static String convBnRelu(ComputationGraphConfiguration.GraphBuilder g, String name, String in, int k,
                                     int filters, BatchNorm bn) {
        g.addLayer(name + "_conv", convNoBias(k, filters), in);
        if (bn == BatchNorm.FUSED) {
            g.addLayer(name + "_bn", new FusedBatchNorm(true), name + "_conv");
            return name + "_bn";
        }
        return bnRelu(g, name, name + "_conv");
    }
}
