package dev.primer.nn.fused;

import dev.primer.nn.fused.FusedLayout.Conv;
import dev.primer.nn.fused.FusedLayout.Dense;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The forward pass and one training step of a {@link FusedLayout}'s network on its own buffers: one
 * {@code cblas_sgemm} per matrix product ({@code sgemv} for one row), the convolution as im2col and one product,
 * and a Java loop for each elementwise pass, instead of the ~60 ND4J ops (each allocating native arrays) of
 * {@code MultiLayerNetwork.fit}.
 *
 * <p>The maths is {@code fit}'s for the caller's loss: its gradient on the outputs, backpropagated through the ReLU
 * layers into the network's flattened gradient, turned into the update by the network's updater (minibatch
 * averaging, L2, clipping and the update rule, see {@link FusedLayout}), then θ ← θ − update and the iteration
 * count advanced. Scratch buffers for batches of up to {@code maxBatch} rows; host (CPU backend) memory only.
 */
public final class FusedKernel {
    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;

    private final FusedLayout layout;
    private final Conv conv;
    private final List<Dense> dense;
    private final int maxBatch;
    private final int inputs;
    private final int outputs;
    private final Native cols;
    private final Native convOut;
    private final Native[] act;
    private final Native[] delta;

    /** A loss on the network's outputs, given as its gradient. */
    @FunctionalInterface
    public interface OutputGradient {
        /**
         * Writes ∂loss/∂output of rows {@code [0, n)} of {@code out} (row-major, the network's outputs each) into
         * {@code grad} (same layout, zero on entry) and returns the loss summed over the rows.
         */
        double write(float[] out, int n, float[] grad);
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

    /** A kernel over {@code layout}'s network for batches of 1 to {@code maxBatch} rows. */
    public FusedKernel(FusedLayout layout, int maxBatch) {
        if (maxBatch <= 0) {
            throw new IllegalArgumentException("the fused step supports batches of at least one row");
        }
        this.layout = layout;
        this.conv = layout.conv();
        this.dense = layout.dense();
        this.maxBatch = maxBatch;
        this.inputs = layout.inputs();
        this.outputs = layout.outputs();
        int width = dense.get(0).nIn();
        this.cols = conv != null ? new Native(conv.kernel() * maxBatch * conv.positions()) : null;
        this.convOut = conv != null ? new Native(conv.filters() * maxBatch * conv.positions()) : null;
        this.act = new Native[dense.size() + 1];
        this.delta = new Native[dense.size() + 1];
        act[0] = new Native(maxBatch * width);
        delta[0] = conv != null ? new Native(maxBatch * width) : null;
        for (int l = 0; l < dense.size(); l++) {
            act[l + 1] = new Native(maxBatch * dense.get(l).nOut());
            delta[l + 1] = new Native(maxBatch * dense.get(l).nOut());
        }
    }

    /** The network's outputs for rows {@code [0, n)} of {@code obs} (row-major, its inputs each) into {@code out}. */
    public void forward(float[] obs, int n, float[] out) {
        run(obs, n);
        System.arraycopy(act[dense.size()].heap, 0, out, 0, n * outputs);
    }

    /**
     * One training step on rows {@code [0, n)} of {@code obs} with the loss whose gradient {@code loss} writes;
     * returns the loss's minibatch mean (before the step), which also becomes the network's score.
     */
    public double train(float[] obs, int n, OutputGradient loss) {
        run(obs, n);
        int last = dense.size();
        float[] d = delta[last].heap;
        int size = n * outputs;
        Arrays.fill(d, 0, size, 0f);
        double sum = loss.write(act[last].heap, n, d);
        float scale = layout.gradientScale(n);
        if (scale != 1f) {
            for (int i = 0; i < size; i++) {
                d[i] *= scale;
            }
        }
        delta[last].push(size);
        for (int l = last - 1; l >= 0; l--) {
            backDense(l, n, l > 0 || conv != null);
        }
        if (conv != null) {
            backConv(n);
        }
        layout.update(n);
        openblas_nolapack.cblas_saxpy((int) layout.numParams(), -1f, layout.gradientAll(), 1, layout.paramsAll(), 1);
        double score = sum / n;
        layout.finishStep(score);
        return score;
    }

    /** Forward pass of {@code n} rows: activations of every layer in {@link #act}, heap and host copies. */
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
            int width = layer.nOut();
            for (int r = 0; r < n; r++) {
                int o = r * width;
                for (int j = 0; j < width; j++) {
                    float v = h[o + j] + bias[j];
                    h[o + j] = layer.relu() && v < 0 ? 0 : v;
                }
            }
            if (l + 1 < dense.size()) {
                y.push(n * width);
            }
        }
    }

    /** im2col (rows k = c·9 + ky·3 + kx, columns r·P + p), one product, bias and ReLU into DL4J's [r][f·P + p]. */
    private void forwardConv(float[] obs, int n) {
        Conv c = conv;
        int p = c.positions();
        int np = n * p;
        int hw = c.height() * c.width();
        float[] im = cols.heap;
        for (int ch = 0; ch < c.channels(); ch++) {
            for (int ky = 0; ky < 3; ky++) {
                for (int kx = 0; kx < 3; kx++) {
                    int row = ((ch * 3 + ky) * 3 + kx) * np;
                    for (int r = 0; r < n; r++) {
                        int src = r * inputs + ch * hw + ky * c.width() + kx;
                        int dst = row + r * p;
                        for (int oy = 0; oy < c.outH(); oy++) {
                            System.arraycopy(obs, src + oy * c.width(), im, dst + oy * c.outW(), c.outW());
                        }
                    }
                }
            }
        }
        cols.push(c.kernel() * np);
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, c.filters(), np, c.kernel(), 1f, c.w().value(),
                c.kernel(), cols.ptr, np, 0f, convOut.ptr, np);
        convOut.pull(c.filters() * np);
        float[] bias = c.b().read();
        float[] h = act[0].heap;
        float[] z = convOut.heap;
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
        float[] t = convOut.heap;
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
        convOut.push(c.filters() * np);
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, TRANS, c.filters(), c.kernel(), np, 1f, convOut.ptr, np,
                cols.ptr, np, 0f, c.w().grad(), c.kernel());
        c.b().grads().put(0, db, 0, db.length);
    }
}
