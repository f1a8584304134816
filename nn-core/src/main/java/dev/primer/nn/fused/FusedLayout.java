package dev.primer.nn.fused;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A DL4J network's layers, checked to be ones {@link FusedKernel} computes and bound to the network's own parameter,
 * gradient and updater buffers, so that a step written through the binding is the network's step.
 *
 * <p>Supported: an optional first {@link ConvolutionLayer} (3×3, stride 1, valid, NCHW, between DL4J's flat-to-CNN
 * and CNN-to-flat preprocessors), then {@link DenseLayer}s, then an {@link OutputLayer}: plain ReLU hidden layers,
 * an identity head, float parameters that are views of the flat parameter vector in DL4J's layouts, no dropout,
 * weight noise or constraints, on ND4J's CPU backend. The output layer's loss function is not evaluated here: the
 * kernel's caller supplies the loss gradient ({@link FusedKernel.OutputGradient}).
 */
public final class FusedLayout {
    private final MultiLayerNetwork net;
    private final Conv conv;
    private final List<Dense> dense;
    private final ILossFunction outputLoss;
    private final FloatPointer paramsAll;
    private final FloatPointer gradientAll;
    private final DefaultGradient gradientForUpdater;
    private final LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    private final boolean plainUpdates;
    private final boolean miniBatch;
    private List<UpdaterBlock> blocks;

    /** A 3×3 stride-1 valid convolution over C×H×W planes: weights [F][C·9] and biases. */
    record Conv(int channels, int height, int width, int filters, Param w, Param b) {
        int outH() {
            return height - 2;
        }

        int outW() {
            return width - 2;
        }

        int positions() {
            return outH() * outW();
        }

        int kernel() {
            return channels * 9;
        }

        int inputs() {
            return channels * height * width;
        }
    }

    /** A dense layer's weights [nIn, nOut] (column-major, so row-major [nOut][nIn]) and biases; ReLU unless the head. */
    record Dense(int nIn, int nOut, Param w, Param b, boolean relu) {
    }

    /**
     * A parameter view: its values and its gradient as pointers and buffers into the flat vectors, and a scratch row
     * (the values while going forward, the gradient being summed going back).
     */
    record Param(FloatPointer value, FloatPointer grad, FloatBuffer values, FloatBuffer grads, float[] scratch) {
        /** The values, copied into the scratch row. */
        float[] read() {
            values.get(0, scratch, 0, scratch.length);
            return scratch;
        }
    }

    private FusedLayout(MultiLayerNetwork net, Conv conv, List<Dense> dense, ILossFunction outputLoss,
                        boolean plainUpdates) {
        this.net = net;
        this.conv = conv;
        this.dense = List.copyOf(dense);
        this.outputLoss = outputLoss;
        INDArray gradient = net.getFlattenedGradients();
        this.paramsAll = new FloatPointer(flat(net.params()));
        this.gradientAll = new FloatPointer(flat(gradient));
        this.gradientForUpdater = new DefaultGradient(gradient);
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            int index = i;
            BaseLayer lc = (BaseLayer) layers[i].conf().getLayer();
            Map<String, INDArray> views = lc.initializer().getGradientsFromFlattened(layers[i].conf(),
                    layers[i].getGradientsViewArray());
            views.forEach((k, v) -> gradientForUpdater.setGradientFor(index + "_" + k, v));
        }
        this.plainUpdates = plainUpdates;
        this.miniBatch = net.conf().isMiniBatch();
    }

    /**
     * Checks {@code net} against the supported layers (see the class comment) and binds to its buffers.
     *
     * @throws IllegalArgumentException naming the first requirement {@code net} does not meet
     */
    public static FusedLayout bind(MultiLayerNetwork net) {
        require(Nd4j.getEnvironment().isCPU(), "ND4J's CPU backend");
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();
        }
        for (INDArray a : new INDArray[] {net.params(), net.getFlattenedGradients()}) {
            require(a.dataType() == DataType.FLOAT && a.offset() == 0 && a.elementWiseStride() == 1
                    && a.length() == net.numParams(), "flat float parameters and gradients");
        }
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        Layer[] layers = net.getLayers();
        Conv conv = null;
        List<Dense> dense = new ArrayList<>();
        boolean plain = true;
        for (int i = 0; i < layers.length; i++) {
            boolean last = i == layers.length - 1;
            require(layers[i].conf().getLayer() instanceof BaseLayer, "DL4J's feed-forward layers");
            BaseLayer lc = (BaseLayer) layers[i].conf().getLayer();
            require(lc.getIDropout() == null && lc.getWeightNoise() == null && isEmpty(lc.getConstraints()),
                    "layers without dropout, weight noise or constraints");
            require(last ? lc.getActivationFn() instanceof ActivationIdentity
                    : new ActivationReLU().equals(lc.getActivationFn()), "plain ReLU hidden layers and an identity head");
            plain &= isEmpty(lc.getRegularization()) && isEmpty(lc.getRegularizationBias())
                    && (lc.getGradientNormalization() == null || lc.getGradientNormalization() == GradientNormalization.None);
            Param w = param(net, i, "W");
            Param b = param(net, i, "b");
            INDArray wv = net.getParam(i + "_W");
            if (lc.getClass() == ConvolutionLayer.class) {
                ConvolutionLayer cl = (ConvolutionLayer) lc;
                require(i == 0 && conf.getInputPreProcess(0) instanceof FeedForwardToCnnPreProcessor
                        && conf.getInputPreProcess(1) instanceof CnnToFeedForwardPreProcessor,
                        "a convolution as the first layer, between DL4J's flat/CNN preprocessors");
                require(Arrays.equals(cl.getKernelSize(), new int[] {3, 3}) && Arrays.equals(cl.getStride(), new int[] {1, 1})
                        && Arrays.equals(cl.getPadding(), new int[] {0, 0}) && Arrays.equals(cl.getDilation(), new int[] {1, 1})
                        && cl.getConvolutionMode() == ConvolutionMode.Truncate && cl.getCnn2dDataFormat() == CNN2DFormat.NCHW
                        && wv.ordering() == 'c', "a 3×3 stride-1 valid NCHW convolution");
                FeedForwardToCnnPreProcessor p = (FeedForwardToCnnPreProcessor) conf.getInputPreProcess(0);
                conv = new Conv((int) p.getNumChannels(), (int) p.getInputHeight(), (int) p.getInputWidth(),
                        (int) cl.getNOut(), w, b);
            } else {
                require(lc.getClass() == (last ? OutputLayer.class : DenseLayer.class),
                        "dense layers and an output layer after the optional convolution");
                FeedForwardLayer ff = (FeedForwardLayer) lc;
                require(wv.ordering() == 'f' && wv.stride(0) == 1, "dense weights in DL4J's column-major layout");
                dense.add(new Dense((int) ff.getNIn(), (int) ff.getNOut(), w, b, !last));
            }
        }
        require(conv == null || dense.get(0).nIn() == conv.filters() * conv.positions(),
                "a dense layer as wide as the convolution's output");
        ILossFunction loss = ((OutputLayer) layers[layers.length - 1].conf().getLayer()).getLossFn();
        return new FusedLayout(net, conv, dense, loss, plain);
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("the fused step supports " + what);
        }
    }

    private static FloatBuffer flat(INDArray a) {
        return a.data().asNioFloat().slice(0, (int) a.length());
    }

    private static Param param(MultiLayerNetwork net, int layer, String name) {
        INDArray v = net.getParam(layer + "_" + name);
        require(v != null && v.elementWiseStride() == 1 && v.data().addressPointer().address()
                == net.params().data().addressPointer().address() + Float.BYTES * v.offset(),
                "parameters that are views of the flat vector");
        int off = (int) v.offset();
        int len = (int) v.length();
        FloatBuffer values = net.params().data().asNioFloat().slice(off, len);
        FloatBuffer grads = net.getFlattenedGradients().data().asNioFloat().slice(off, len);
        return new Param(new FloatPointer(values), new FloatPointer(grads), values, grads, new float[len]);
    }

    /** Input features per row. */
    public int inputs() {
        return conv != null ? conv.inputs() : dense.get(0).nIn();
    }

    /** Outputs per row. */
    public int outputs() {
        return dense.get(dense.size() - 1).nOut();
    }

    /** The loss function the network's output layer is configured with (its {@code fit} would use). */
    public ILossFunction outputLoss() {
        return outputLoss;
    }

    /** Whether steps now apply the updater blocks' rules directly (from the second step, without regularisation). */
    public boolean updatesDirectly() {
        return blocks != null;
    }

    Conv conv() {
        return conv;
    }

    List<Dense> dense() {
        return dense;
    }

    FloatPointer paramsAll() {
        return paramsAll;
    }

    FloatPointer gradientAll() {
        return gradientAll;
    }

    long numParams() {
        return net.numParams();
    }

    /**
     * The factor the loss gradient of an {@code n}-row step is to be scaled by: 1/n where the step will apply the
     * updater blocks' rules directly to a minibatch (DL4J's updater would divide by n itself), else 1.
     */
    float gradientScale(int n) {
        return blocks != null && miniBatch ? 1f / n : 1f;
    }

    /**
     * Turns the gradient of an {@code n}-row step, in the flat gradient buffer, into the update (in place), as the
     * network's updater does: through DL4J's updater on the first step, then, without regularisation or gradient
     * normalisation, each updater block's rule applied straight to its gradient view.
     */
    void update(int n) {
        int iteration = net.getIterationCount();
        if (blocks != null) {
            for (UpdaterBlock b : blocks) {
                b.getGradientUpdater().applyUpdater(b.getGradientView(), iteration, net.getEpochCount());
            }
        } else {
            net.getUpdater().update(net, gradientForUpdater, iteration, net.getEpochCount(), n, noWorkspaces);
            blocks = plainUpdates ? initialisedBlocks() : null;
        }
    }

    /** Advances the network's iteration count and records {@code score} as its score, as {@code fit} does. */
    void finishStep(double score) {
        net.getLayerWiseConfigurations().setIterationCount(net.getIterationCount() + 1);
        net.setScore(score);
    }

    /**
     * The network updater's blocks once its first update has set them up over the flat gradient (their rule and
     * gradient view), or null if any block is not so (pretraining blocks, views elsewhere).
     */
    private List<UpdaterBlock> initialisedBlocks() {
        if (!(net.getUpdater() instanceof BaseMultiLayerUpdater<?> u)) {
            return null;
        }
        long base = net.getFlattenedGradients().data().addressPointer().address();
        for (UpdaterBlock b : u.getUpdaterBlocks()) {
            INDArray view = b.getGradientView();
            if (b.isPretrainUpdaterBlock() || b.getGradientUpdater() == null || view == null
                    || view.data().addressPointer().address() != base + Float.BYTES * (long) b.getParamOffsetStart()) {
                return null;
            }
        }
        return u.getUpdaterBlocks();
    }
}
