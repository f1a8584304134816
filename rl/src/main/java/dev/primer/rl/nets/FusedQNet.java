package dev.primer.rl.nets;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
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

/**
 * The forward pass and TD training step of an {@link RlNetworks} Q-network, computed on the DL4J network's own
 * parameter and gradient buffers: one {@code cblas_sgemm} per matrix product and a Java loop for each
 * elementwise pass, instead of the ~60 ND4J ops (each allocating native arrays) of {@code MultiLayerNetwork.fit}.
 *
 * <p>The maths is {@code fit}'s: the gradient of {@link TdLoss} on Q(s,a) of the taken action, backpropagated
 * through ReLU layers (and MinAtar's 3×3 valid convolution, as im2col and one product), written into the
 * network's flattened gradient and handed to the network's own updater (minibatch averaging, L2, clipping and
 * the update rule), then θ ← θ − update and the iteration count advanced. Without L1/L2/weight decay or
 * gradient normalisation, steps after the first apply each updater block's rule straight to its gradient
 * view, the minibatch average folded into the loss gradient (DL4J's updater otherwise builds views of every
 * parameter per step for regularisation there is none of). {@code FusedQNetTest} checks it against {@code fit}.
 * Host (CPU backend) memory only.
 */
public final class FusedQNet {
    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;

    private final MultiLayerNetwork net;
    private final int maxBatch;
    private final TdLoss loss;
    private final Conv conv;
    private final List<Dense> dense = new ArrayList<>();
    private final int inputs;
    private final int outputs;
    private final FloatPointer paramsAll;
    private final FloatPointer gradientAll;
    private final LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    private final DefaultGradient gradientForUpdater;
    private final boolean plainUpdates;
    private final boolean miniBatch;
    private final Native[] act;
    private final Native[] delta;
    private List<UpdaterBlock> blocks;

    /**
     * A 3×3 stride-1 valid convolution over C×H×W planes: weights [F][C·9], biases, the im2col buffer and the
     * product's buffer [F][r·P + p] (pre-activation forward, the output gradient backward).
     */
    private record Conv(int channels, int height, int width, int filters, Param w, Param b, Native cols, Native out) {
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
    }

    /** A dense layer's weights [nIn, nOut] (column-major, so row-major [nOut][nIn]) and biases; ReLU unless the head. */
    private record Dense(int nIn, int nOut, Param w, Param b, boolean relu) {
    }

    /**
     * A parameter view: its values and its gradient as pointers and buffers into the flat vectors, and a scratch row
     * (the values while going forward, the gradient being summed going back).
     */
    private record Param(FloatPointer value, FloatPointer grad, FloatBuffer values, FloatBuffer grads, float[] scratch) {
        /** The values, copied into the scratch row. */
        float[] read() {
            values.get(0, scratch, 0, scratch.length);
            return scratch;
        }
    }

    /** A host buffer that BLAS reads and writes, with a heap mirror for the elementwise loops. */
    private static final class Native {
        final FloatPointer ptr;
        final FloatBuffer buf;
        final float[] heap;

        Native(int size) {
            ptr = new FloatPointer(size);
            buf = ptr.asBuffer();
            heap = new float[size];
        }

        void push(int n) {
            buf.put(0, heap, 0, n);
        }

        void pull(int n) {
            buf.get(0, heap, 0, n);
        }
    }

    /** Whether {@code net} is a network this class computes (see {@link #FusedQNet}); builds one to see. */
    public static boolean supports(MultiLayerNetwork net) {
        try {
            new FusedQNet(net, 1);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Binds to {@code net} for batches of up to {@code maxBatch} rows. The network must be an optional first
     * {@link ConvolutionLayer} (3×3, stride 1, valid, NCHW, fed by DL4J's flat-to-CNN preprocessor), then
     * {@link DenseLayer}s, then an {@link OutputLayer} with {@link TdLoss}: plain ReLU hidden layers, an identity
     * head, float parameters in DL4J's layouts, no dropout, weight noise or constraints, on the CPU backend.
     *
     * @throws IllegalArgumentException naming the first requirement {@code net} does not meet
     */
    public FusedQNet(MultiLayerNetwork net, int maxBatch) {
        require(Nd4j.getEnvironment().isCPU(), "ND4J's CPU backend");
        require(maxBatch > 0, "batches of at least one row");
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();
        }
        this.net = net;
        this.maxBatch = maxBatch;
        INDArray params = net.params();
        INDArray gradient = net.getFlattenedGradients();
        for (INDArray a : new INDArray[] {params, gradient}) {
            require(a.dataType() == DataType.FLOAT && a.offset() == 0 && a.elementWiseStride() == 1
                    && a.length() == net.numParams(), "flat float parameters and gradients");
        }
        FloatBuffer pAll = params.data().asNioFloat();
        FloatBuffer gAll = gradient.data().asNioFloat();
        this.paramsAll = new FloatPointer(pAll.slice(0, (int) params.length()));
        this.gradientAll = new FloatPointer(gAll.slice(0, (int) gradient.length()));
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        Layer[] layers = net.getLayers();
        this.gradientForUpdater = new DefaultGradient(gradient);
        Conv c = null;
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
            Param w = param(net, i, "W", pAll, gAll);
            Param b = param(net, i, "b", pAll, gAll);
            int index = i;
            Map<String, INDArray> views = lc.initializer().getGradientsFromFlattened(layers[i].conf(),
                    layers[i].getGradientsViewArray());
            views.forEach((k, v) -> gradientForUpdater.setGradientFor(index + "_" + k, v));
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
                int ch = (int) p.getNumChannels();
                int h = (int) p.getInputHeight();
                int wd = (int) p.getInputWidth();
                int f = (int) cl.getNOut();
                int positions = (h - 2) * (wd - 2);
                c = new Conv(ch, h, wd, f, w, b, new Native(ch * 9 * maxBatch * positions),
                        new Native(f * maxBatch * positions));
            } else {
                require(lc.getClass() == (last ? OutputLayer.class : DenseLayer.class),
                        "dense layers and an output layer after the optional convolution");
                FeedForwardLayer ff = (FeedForwardLayer) lc;
                require(wv.ordering() == 'f' && wv.stride(0) == 1, "dense weights in DL4J's column-major layout");
                dense.add(new Dense((int) ff.getNIn(), (int) ff.getNOut(), w, b, !last));
            }
        }
        require(((OutputLayer) layers[layers.length - 1].conf().getLayer()).getLossFn() instanceof TdLoss,
                "an output layer with TdLoss");
        this.loss = (TdLoss) ((OutputLayer) layers[layers.length - 1].conf().getLayer()).getLossFn();
        this.conv = c;
        this.plainUpdates = plain;
        this.miniBatch = net.conf().isMiniBatch();
        this.inputs = c != null ? c.channels() * c.height() * c.width() : dense.get(0).nIn();
        this.outputs = dense.get(dense.size() - 1).nOut();
        this.act = new Native[dense.size() + 1];
        this.delta = new Native[dense.size() + 1];
        int width = dense.get(0).nIn();
        require(c == null || width == c.filters() * c.positions(), "a dense layer as wide as the convolution's output");
        act[0] = new Native(maxBatch * width);
        delta[0] = c != null ? new Native(maxBatch * width) : null;
        for (int l = 0; l < dense.size(); l++) {
            act[l + 1] = new Native(maxBatch * dense.get(l).nOut());
            delta[l + 1] = new Native(maxBatch * dense.get(l).nOut());
        }
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("the fused Q-network step supports " + what);
        }
    }

    private static Param param(MultiLayerNetwork net, int layer, String name, FloatBuffer pAll, FloatBuffer gAll) {
        INDArray v = net.getParam(layer + "_" + name);
        require(v != null && v.elementWiseStride() == 1 && v.data().addressPointer().address()
                == net.params().data().addressPointer().address() + Float.BYTES * v.offset(),
                "parameters that are views of the flat vector");
        int off = (int) v.offset();
        int len = (int) v.length();
        FloatBuffer values = pAll.slice(off, len);
        FloatBuffer grads = gAll.slice(off, len);
        return new Param(new FloatPointer(values), new FloatPointer(grads), values, grads, new float[len]);
    }

    /** Whether steps now apply the updater blocks' rules directly (from the second step, without regularisation). */
    boolean updatesDirectly() {
        return blocks != null;
    }

    /** Q(s,·) of rows {@code [0, n)} of {@code obs} (row-major, the network's inputs each) into {@code q} (row-major). */
    public void forward(float[] obs, int n, float[] q) {
        run(obs, n);
        System.arraycopy(act[dense.size()].heap, 0, q, 0, n * outputs);
    }

    /**
     * One TD step on {@code n} transitions: loss on Q(s_i, a_i) against {@code targets[i]}, weighted by
     * {@code weights[i]}; writes y − Q(s,a) before the step into {@code tdErrors} (may be null) and returns the
     * minibatch-mean loss, as {@code fit}'s score without regularisation.
     */
    public double train(float[] obs, int[] actions, float[] targets, float[] weights, int n, float[] tdErrors) {
        run(obs, n);
        int last = dense.size();
        float[] q = act[last].heap;
        float[] d = delta[last].heap;
        Arrays.fill(d, 0, n * outputs, 0f);
        float scale = blocks != null && miniBatch ? 1f / n : 1f;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (actions[i] < 0 || actions[i] >= outputs) {
                throw new IllegalArgumentException("action " + actions[i] + " of row " + i + " is not in [0, " + outputs + ")");
            }
            int k = i * outputs + actions[i];
            float err = q[k] - targets[i];
            sum += loss.of(err) * weights[i];
            d[k] = loss.slope(err) * weights[i] * scale;
            if (tdErrors != null) {
                tdErrors[i] = -err;
            }
        }
        delta[last].push(n * outputs);
        for (int l = last - 1; l >= 0; l--) {
            backDense(l, n, l > 0 || conv != null);
        }
        if (conv != null) {
            backConv(n);
        }
        int iteration = net.getIterationCount();
        if (blocks != null) {
            for (UpdaterBlock b : blocks) {
                b.getGradientUpdater().applyUpdater(b.getGradientView(), iteration, net.getEpochCount());
            }
        } else {
            net.getUpdater().update(net, gradientForUpdater, iteration, net.getEpochCount(), n, noWorkspaces);
            blocks = plainUpdates ? initialisedBlocks() : null;
        }
        openblas_nolapack.cblas_saxpy((int) net.numParams(), -1f, gradientAll, 1, paramsAll, 1);
        net.getLayerWiseConfigurations().setIterationCount(iteration + 1);
        double score = sum / n;
        net.setScore(score);
        return score;
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

    /** Forward pass of {@code n} rows: activations of every layer in {@code act}, heap and host copies. */
    private void run(float[] obs, int n) {
        if (n < 1 || n > maxBatch || obs.length < n * inputs) {
            throw new IllegalArgumentException(n + " rows of " + inputs + " from " + obs.length
                    + " inputs, for batches of 1 to " + maxBatch);
        }
        if (conv != null) {
            forwardConv(obs, n);
        } else {
            System.arraycopy(obs, 0, act[0].heap, 0, n * inputs);
            act[0].push(n * inputs);
        }
        for (int l = 0; l < dense.size(); l++) {
            Dense layer = dense.get(l);
            Native x = act[l];
            Native y = act[l + 1];
            if (n == 1) {
                // one row (acting): a matrix-vector product, without GEMM's packing of the whole weight matrix
                openblas_nolapack.cblas_sgemv(ROW_MAJOR, NO_TRANS, layer.nOut(), layer.nIn(), 1f, layer.w().value(),
                        layer.nIn(), x.ptr, 1, 0f, y.ptr, 1);
            } else {
                openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, TRANS, n, layer.nOut(), layer.nIn(), 1f, x.ptr,
                        layer.nIn(), layer.w().value(), layer.nIn(), 0f, y.ptr, layer.nOut());
            }
            y.pull(n * layer.nOut());
            float[] bias = layer.b().read();
            float[] h = y.heap;
            int cols = layer.nOut();
            for (int r = 0; r < n; r++) {
                int o = r * cols;
                for (int j = 0; j < cols; j++) {
                    float v = h[o + j] + bias[j];
                    h[o + j] = layer.relu() && v < 0 ? 0 : v;
                }
            }
            if (l + 1 < dense.size()) {
                y.push(n * cols);
            }
        }
    }

    /** im2col (rows k = c·9 + ky·3 + kx, columns r·P + p), one product, bias and ReLU into DL4J's [r][f·P + p]. */
    private void forwardConv(float[] obs, int n) {
        Conv c = conv;
        int p = c.positions();
        int np = n * p;
        int hw = c.height() * c.width();
        float[] cols = c.cols().heap;
        for (int ch = 0; ch < c.channels(); ch++) {
            for (int ky = 0; ky < 3; ky++) {
                for (int kx = 0; kx < 3; kx++) {
                    int row = ((ch * 3 + ky) * 3 + kx) * np;
                    for (int r = 0; r < n; r++) {
                        int src = r * inputs + ch * hw + ky * c.width() + kx;
                        int dst = row + r * p;
                        for (int oy = 0; oy < c.outH(); oy++) {
                            System.arraycopy(obs, src + oy * c.width(), cols, dst + oy * c.outW(), c.outW());
                        }
                    }
                }
            }
        }
        c.cols().push(c.kernel() * np);
        Native out = c.out();
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, c.filters(), np, c.kernel(), 1f, c.w().value(),
                c.kernel(), c.cols().ptr, np, 0f, out.ptr, np);
        out.pull(c.filters() * np);
        float[] bias = c.b().read();
        float[] h = act[0].heap;
        float[] z = out.heap;
        int width = c.filters() * p;
        for (int f = 0; f < c.filters(); f++) {
            float bf = bias[f];
            for (int r = 0; r < n; r++) {
                int src = f * np + r * p;
                int dst = r * width + f * p;
                for (int i = 0; i < p; i++) {
                    float v = z[src + i] + bf;
                    h[dst + i] = v < 0 ? 0 : v;
                }
            }
        }
        act[0].push(n * width);
    }

    /** Gradients of dense layer l from delta[l + 1]; if {@code propagate}, delta[l] = ∂L/∂(pre-activation of l's input). */
    private void backDense(int l, int n, boolean propagate) {
        Dense layer = dense.get(l);
        Native x = act[l];
        Native dz = delta[l + 1];
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, TRANS, NO_TRANS, layer.nOut(), layer.nIn(), n, 1f, dz.ptr,
                layer.nOut(), x.ptr, layer.nIn(), 0f, layer.w().grad(), layer.nIn());
        float[] db = layer.b().scratch();
        Arrays.fill(db, 0f);
        float[] g = dz.heap;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < db.length; j++) {
                db[j] += g[r * db.length + j];
            }
        }
        layer.b().grads().put(0, db, 0, db.length);
        if (!propagate) {
            return;
        }
        Native dx = delta[l];
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, n, layer.nIn(), layer.nOut(), 1f, dz.ptr,
                layer.nOut(), layer.w().value(), layer.nIn(), 0f, dx.ptr, layer.nIn());
        dx.pull(n * layer.nIn());
        float[] h = x.heap;
        float[] d = dx.heap;
        for (int i = 0, m = n * layer.nIn(); i < m; i++) {
            if (h[i] <= 0) {
                d[i] = 0;
            }
        }
        if (l > 0) {
            dx.push(n * layer.nIn());
        }
    }

    /** Conv weight and bias gradients from delta[0] (DL4J layout [r][f·P + p], already through ReLU). */
    private void backConv(int n) {
        Conv c = conv;
        int p = c.positions();
        int np = n * p;
        int width = c.filters() * p;
        float[] d = delta[0].heap;
        float[] t = c.out().heap;
        float[] db = c.b().scratch();
        for (int f = 0; f < c.filters(); f++) {
            float s = 0;
            for (int r = 0; r < n; r++) {
                int src = r * width + f * p;
                int dst = f * np + r * p;
                for (int i = 0; i < p; i++) {
                    float v = d[src + i];
                    t[dst + i] = v;
                    s += v;
                }
            }
            db[f] = s;
        }
        c.out().push(c.filters() * np);
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, TRANS, c.filters(), c.kernel(), np, 1f, c.out().ptr, np,
                c.cols().ptr, np, 0f, c.w().grad(), c.kernel());
        c.b().grads().put(0, db, 0, db.length);
    }
}
