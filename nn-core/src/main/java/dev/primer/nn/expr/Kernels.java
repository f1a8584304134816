package dev.primer.nn.expr;

import dev.primer.nn.expr.ExprNet.Buffers;
import dev.primer.nn.expr.Program.Node;
import dev.primer.random.SplitMix64;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The forward and backward pass of each {@link Program.Op} on an {@link ExprNet}'s buffers: one loop per operation
 * over heap arrays (kept monomorphic so that the JIT compiles each to straight vector code), and {@code Nd4j.gemm}
 * on the native twins for matrix products. Backward passes add into their operands' gradients (zeroed by the
 * caller), so a node used twice collects both contributions.
 */
final class Kernels {
    private static final float LOG2E = 1.44269504088896341f;
    /** ln 2 = LN2_HI + LN2_LO, the first exact in a few bits so that m·LN2_HI is exact (Cephes expf). */
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float ROUND = 12582912f;
    /** ln 2^−126: below it e^v is not a normal float. */
    private static final float MIN_EXP_ARG = -87.33654f;

    private Kernels() {
    }

    /** Computes node {@code i}'s value from its operands' values. */
    static void forward(Node n, int i, Buffers b, SplitMix64 rng) {
        float[] y = b.v[i];
        int[] a = n.args();
        float[] x = a.length > 0 ? b.v[a[0]] : null;
        float[] o = a.length > 1 ? b.v[a[1]] : null;
        float c = (float) n.c();
        switch (n.op()) {
            case INPUT, PARAM -> {
            }
            case NORMAL -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = (float) rng.nextGaussianBoxMuller();
                }
            }
            case GUMBEL -> {
                for (int k = 0; k < y.length; k++) {
                    // U = nextDouble() + 2^-54 lies in (0, 1), so both logarithms are finite.
                    y[k] = (float) -Math.log(-Math.log(rng.nextDouble() + 0x1p-54));
                }
            }
            case GROUP_SOFTMAX, GROUP_LOG_SOFTMAX -> {
                int k = (int) n.c();
                boolean log = n.op() == Program.Op.GROUP_LOG_SOFTMAX;
                for (int s = 0; s < y.length; s += k) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int j = s; j < s + k; j++) {
                        m = Math.max(m, x[j]);
                    }
                    double z = 0;
                    for (int j = s; j < s + k; j++) {
                        z += Math.exp(x[j] - m);
                    }
                    double logZ = m + Math.log(z);
                    for (int j = s; j < s + k; j++) {
                        y[j] = log ? (float) (x[j] - logZ) : (float) Math.exp(x[j] - logZ);
                    }
                }
            }
            case STRAIGHT_THROUGH -> {
                int k = (int) n.c();
                for (int s = 0; s < y.length; s += k) {
                    int best = s;
                    for (int j = s; j < s + k; j++) {
                        y[j] = 0f;
                        best = x[j] > x[best] ? j : best;
                    }
                    y[best] = 1f;
                }
            }
            case DECAY -> y[0] = (float) Math.exp(-c * (double) b.step);
            case STOP_GRADIENT -> System.arraycopy(x, 0, y, 0, y.length);
            case AT_LEAST -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = Math.max(x[k], c);
                }
            }
            case DIVIDE_BY -> {
                float s = o[0];
                for (int k = 0; k < y.length; k++) {
                    y[k] = x[k] / s;
                }
            }
            case DENSE -> {
                for (int k = 0; k < 2; k++) {
                    if (nodeOp(b, a[k]) != Program.Op.PARAM) {
                        b.pushValue(a[k]);
                    }
                }
                Nd4j.gemm(b.nv[a[0]], b.nv[a[1]], b.nv[i], false, false, 1.0, 0.0);
                b.pullValue(i);
                if (a.length > 2) {
                    float[] bias = b.v[a[2]];
                    int cols = n.cols();
                    for (int r = 0; r < y.length; r += cols) {
                        for (int k = 0; k < cols; k++) {
                            y[r + k] += bias[k];
                        }
                    }
                }
            }
            case SIGMOID -> sigmoid(x, y, b);
            case TANH -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = tanh(x[k]);
                }
            }
            case COLUMNS -> {
                int from = (int) n.c();
                int cols = n.cols();
                int in = x.length / (y.length / cols);
                for (int r = 0, s = 0; r < y.length; r += cols, s += in) {
                    System.arraycopy(x, s + from, y, r, cols);
                }
            }
            case CONCAT -> {
                int rows = y.length / n.cols();
                int at = 0;
                for (int id : a) {
                    float[] part = b.v[id];
                    int cols = part.length / rows;
                    for (int r = 0; r < rows; r++) {
                        System.arraycopy(part, r * cols, y, r * n.cols() + at, cols);
                    }
                    at += cols;
                }
            }
            case TILE -> {
                int cols = x.length / (y.length / n.cols());
                for (int r = 0, s = 0; r < y.length; s += cols) {
                    for (int k = 0; k < (int) n.c(); k++, r += cols) {
                        System.arraycopy(x, s, y, r, cols);
                    }
                }
            }
            case MUL_ROW -> {
                int cols = o.length;
                for (int k = 0; k < y.length; k++) {
                    y[k] = x[k] * o[k % cols];
                }
            }
            case GROUP_SUM -> {
                int k = (int) n.c();
                for (int j = 0; j < y.length; j++) {
                    float s = 0;
                    for (int t = j * k; t < (j + 1) * k; t++) {
                        s += x[t];
                    }
                    y[j] = s;
                }
            }
            case MIX_BLOCKS -> {
                int m = n.cols();
                int steps = x.length / (y.length / m);
                java.util.Arrays.fill(y, 0f);
                for (int r = 0; r < y.length / m; r++) {
                    for (int j = 0; j < steps; j++) {
                        float w = x[r * steps + j];
                        int base = (r * steps + j) * m;
                        for (int k = 0; k < m; k++) {
                            y[r * m + k] += w * o[base + k];
                        }
                    }
                }
            }
            case CONST -> System.arraycopy(n.data(), 0, y, 0, y.length);
            case TRANSPOSE -> {
                int rows = n.cols();
                int cols = n.rows();
                for (int r = 0; r < rows; r++) {
                    for (int k = 0; k < cols; k++) {
                        y[k * rows + r] = x[r * cols + k];
                    }
                }
            }
            case LOG_ABS -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = (float) Math.log(Math.abs(x[k]));
                }
            }
            case RELU -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = Math.max(x[k], 0f);
                }
            }
            case EXP -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = (float) Math.exp(x[k]);
                }
            }
            case SQUARE -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = x[k] * x[k];
                }
            }
            case SOFTPLUS -> softplusAndSigmoid(x, y, b.aux[i], b);
            case SCALE -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = c * x[k];
                }
            }
            case SHIFT -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = x[k] + c;
                }
            }
            case ADD -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = x[k] + o[k];
                }
            }
            case SUB -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = x[k] - o[k];
                }
            }
            case MUL -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = x[k] * o[k];
                }
            }
            case BCE_LOGITS -> {
                // softplus(l) − t·l; σ(l) is kept for the backward pass.
                softplusAndSigmoid(x, y, b.aux[i], b);
                for (int k = 0; k < y.length; k++) {
                    y[k] -= o[k] * x[k];
                }
            }
            case ROW_SUM -> {
                int cols = x.length / y.length;
                for (int r = 0; r < y.length; r++) {
                    float s = 0;
                    for (int k = r * cols; k < (r + 1) * cols; k++) {
                        s += x[k];
                    }
                    y[r] = s;
                }
            }
            case BROADCAST -> {
                for (int r = 0; r < y.length; r += x.length) {
                    System.arraycopy(x, 0, y, r, x.length);
                }
            }
            case CONTENT_ADDRESS, INTERPOLATE, CIRCULAR_SHIFT, SHARPEN, READ, WRITE -> MemoryKernels.forward(n, i, b);
            case MEAN_ROWS -> {
                int rows = x.length / y.length;
                for (int k = 0; k < y.length; k++) {
                    double s = 0;
                    for (int r = 0; r < rows; r++) {
                        s += x[r * y.length + k];
                    }
                    y[k] = (float) (s / rows);
                }
            }
            case GROUP_LOG_SUM_EXP -> {
                int k = (int) n.c();
                for (int g = 0; g < y.length; g++) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int j = g * k; j < (g + 1) * k; j++) {
                        m = Math.max(m, x[j]);
                    }
                    double z = 0;
                    for (int j = g * k; j < (g + 1) * k; j++) {
                        z += Math.exp(x[j] - m);
                    }
                    y[g] = (float) (m + Math.log(z));
                }
            }
        }
    }

    /** Adds node {@code i}'s gradient, pulled back through its operation, into its operands' gradients. */
    static void backward(Node n, int i, Buffers b, boolean[] needsGrad) {
        float[] gy = b.g[i];
        float[] y = b.v[i];
        int[] a = n.args();
        float[] x = a.length > 0 ? b.v[a[0]] : null;
        float[] gx = a.length > 0 ? b.g[a[0]] : null;
        float[] o = a.length > 1 ? b.v[a[1]] : null;
        float[] go = a.length > 1 && a[1] >= 0 ? b.g[a[1]] : null;
        float c = (float) n.c();
        switch (n.op()) {
            case INPUT, PARAM, NORMAL, GUMBEL, DECAY, STOP_GRADIENT -> {
            }
            case GROUP_SOFTMAX -> {
                if (gx != null) {
                    // ∂yⱼ/∂xᵢ = yⱼ(δᵢⱼ − yᵢ): gxᵢ += yᵢ (gyᵢ − Σⱼ gyⱼ yⱼ) within the group.
                    int k = (int) n.c();
                    for (int s = 0; s < gy.length; s += k) {
                        float dot = 0;
                        for (int j = s; j < s + k; j++) {
                            dot += gy[j] * y[j];
                        }
                        for (int j = s; j < s + k; j++) {
                            gx[j] += y[j] * (gy[j] - dot);
                        }
                    }
                }
            }
            case GROUP_LOG_SOFTMAX -> {
                if (gx != null) {
                    // ∂yⱼ/∂xᵢ = δᵢⱼ − softmax(x)ᵢ: gxᵢ += gyᵢ − e^{yᵢ} Σⱼ gyⱼ within the group.
                    int k = (int) n.c();
                    for (int s = 0; s < gy.length; s += k) {
                        float sum = 0;
                        for (int j = s; j < s + k; j++) {
                            sum += gy[j];
                        }
                        for (int j = s; j < s + k; j++) {
                            gx[j] += gy[j] - (float) Math.exp(y[j]) * sum;
                        }
                    }
                }
            }
            case STRAIGHT_THROUGH -> addInto(gx, gy, 1f);
            case AT_LEAST -> {
                if (gx != null) {
                    for (int k = 0; k < gy.length; k++) {
                        gx[k] += x[k] > c ? gy[k] : 0f;
                    }
                }
            }
            case DIVIDE_BY -> {
                float s = o[0];
                if (gx != null) {
                    for (int k = 0; k < gy.length; k++) {
                        gx[k] += gy[k] / s;
                    }
                }
                if (go != null) {
                    float dot = 0;
                    for (int k = 0; k < gy.length; k++) {
                        dot += gy[k] * x[k];
                    }
                    go[0] -= dot / (s * s);
                }
            }
            case DENSE -> {
                b.pushGrad(i);
                if (needsGrad[a[0]]) {
                    b.pushGrad(a[0]);
                    Nd4j.gemm(b.ng[i], b.nv[a[1]], b.ng[a[0]], false, true, 1.0, 1.0);
                    b.pullGrad(a[0]);
                }
                if (needsGrad[a[1]]) {
                    // A weight that is only ever a matrix operand accumulates natively; any other goes via its heap copy.
                    boolean heap = b.g[a[1]] != null;
                    if (heap) {
                        b.pushGrad(a[1]);
                    }
                    Nd4j.gemm(b.nv[a[0]], b.ng[i], b.ng[a[1]], true, false, 1.0, 1.0);
                    if (heap) {
                        b.pullGrad(a[1]);
                    }
                }
                float[] gb = a.length > 2 ? b.g[a[2]] : null;
                if (gb != null) {
                    int cols = n.cols();
                    for (int r = 0; r < gy.length; r += cols) {
                        for (int k = 0; k < cols; k++) {
                            gb[k] += gy[r + k];
                        }
                    }
                }
            }
            case SIGMOID -> {
                if (gx != null) {
                    for (int k = 0; k < gy.length; k++) {
                        gx[k] += gy[k] * y[k] * (1 - y[k]);
                    }
                }
            }
            case TANH -> {
                if (gx != null) {
                    for (int k = 0; k < gy.length; k++) {
                        gx[k] += gy[k] * (1 - y[k] * y[k]);
                    }
                }
            }
            case COLUMNS -> {
                if (gx != null) {
                    int from = (int) n.c();
                    int cols = n.cols();
                    int in = gx.length / (gy.length / cols);
                    for (int r = 0, s = 0; r < gy.length; r += cols, s += in) {
                        for (int k = 0; k < cols; k++) {
                            gx[s + from + k] += gy[r + k];
                        }
                    }
                }
            }
            case CONCAT -> {
                int rows = gy.length / n.cols();
                int at = 0;
                for (int id : a) {
                    float[] part = b.g[id];
                    int cols = b.v[id].length / rows;
                    if (part != null) {
                        for (int r = 0; r < rows; r++) {
                            for (int k = 0; k < cols; k++) {
                                part[r * cols + k] += gy[r * n.cols() + at + k];
                            }
                        }
                    }
                    at += cols;
                }
            }
            case TILE -> {
                if (gx != null) {
                    int cols = gx.length / (gy.length / n.cols());
                    for (int r = 0, s = 0; r < gy.length; s += cols) {
                        for (int k = 0; k < (int) n.c(); k++, r += cols) {
                            for (int j = 0; j < cols; j++) {
                                gx[s + j] += gy[r + j];
                            }
                        }
                    }
                }
            }
            case MUL_ROW -> {
                int cols = o.length;
                if (gx != null) {
                    for (int k = 0; k < gy.length; k++) {
                        gx[k] += gy[k] * o[k % cols];
                    }
                }
                if (go != null) {
                    for (int k = 0; k < gy.length; k++) {
                        go[k % cols] += gy[k] * x[k];
                    }
                }
            }
            case GROUP_SUM -> {
                if (gx != null) {
                    int k = (int) n.c();
                    for (int t = 0; t < gx.length; t++) {
                        gx[t] += gy[t / k];
                    }
                }
            }
            case MIX_BLOCKS -> {
                // y = Σⱼ aⱼ bⱼ: ∂/∂aⱼ = ⟨gy, bⱼ⟩, ∂/∂bⱼ = aⱼ gy.
                int m = n.cols();
                int steps = x.length / (gy.length / m);
                for (int r = 0; r < gy.length / m; r++) {
                    for (int j = 0; j < steps; j++) {
                        int base = (r * steps + j) * m;
                        float w = x[r * steps + j];
                        float dot = 0;
                        for (int k = 0; k < m; k++) {
                            dot += gy[r * m + k] * o[base + k];
                            if (go != null) {
                                go[base + k] += w * gy[r * m + k];
                            }
                        }
                        if (gx != null) {
                            gx[r * steps + j] += dot;
                        }
                    }
                }
            }
            case RELU -> {
                if (gx != null) {
                    for (int k = 0; k < gy.length; k++) {
                        gx[k] += gy[k] * positive(x[k]);
                    }
                }
            }
            case EXP -> {
                if (gx != null) {
                    for (int k = 0; k < gy.length; k++) {
                        gx[k] += gy[k] * y[k];
                    }
                }
            }
            case SQUARE -> {
                if (gx != null) {
                    for (int k = 0; k < gy.length; k++) {
                        gx[k] += 2 * x[k] * gy[k];
                    }
                }
            }
            case SOFTPLUS -> {
                if (gx != null) {
                    float[] s = b.aux[i];
                    for (int k = 0; k < gy.length; k++) {
                        gx[k] += gy[k] * s[k];
                    }
                }
            }
            case SCALE -> {
                if (gx != null) {
                    for (int k = 0; k < gy.length; k++) {
                        gx[k] += c * gy[k];
                    }
                }
            }
            case SHIFT -> addInto(gx, gy, 1f);
            case CONST -> {
            }
            case TRANSPOSE -> {
                if (gx != null) {
                    int rows = n.cols();
                    int cols = n.rows();
                    for (int r = 0; r < rows; r++) {
                        for (int k = 0; k < cols; k++) {
                            gx[r * cols + k] += gy[k * rows + r];
                        }
                    }
                }
            }
            case LOG_ABS -> {
                if (gx != null) {
                    for (int k = 0; k < gy.length; k++) {
                        gx[k] += gy[k] / x[k];
                    }
                }
            }
            case ADD -> {
                addInto(gx, gy, 1f);
                addInto(go, gy, 1f);
            }
            case SUB -> {
                addInto(gx, gy, 1f);
                addInto(go, gy, -1f);
            }
            case MUL -> {
                if (gx != null) {
                    for (int k = 0; k < gy.length; k++) {
                        gx[k] += gy[k] * o[k];
                    }
                }
                if (go != null) {
                    for (int k = 0; k < gy.length; k++) {
                        go[k] += gy[k] * x[k];
                    }
                }
            }
            case BCE_LOGITS -> {
                if (gx != null) {
                    float[] s = b.aux[i];
                    for (int k = 0; k < gy.length; k++) {
                        gx[k] += gy[k] * (s[k] - o[k]);
                    }
                }
                if (go != null) {
                    for (int k = 0; k < gy.length; k++) {
                        go[k] -= gy[k] * x[k];
                    }
                }
            }
            case ROW_SUM -> {
                if (gx != null) {
                    int cols = gx.length / gy.length;
                    for (int r = 0; r < gy.length; r++) {
                        for (int k = r * cols; k < (r + 1) * cols; k++) {
                            gx[k] += gy[r];
                        }
                    }
                }
            }
            case BROADCAST -> {
                if (gx != null) {
                    for (int r = 0; r < gy.length; r += gx.length) {
                        for (int k = 0; k < gx.length; k++) {
                            gx[k] += gy[r + k];
                        }
                    }
                }
            }
            case CONTENT_ADDRESS, INTERPOLATE, CIRCULAR_SHIFT, SHARPEN, READ, WRITE -> MemoryKernels.backward(n, i, b);
            case MEAN_ROWS -> {
                if (gx != null) {
                    int rows = gx.length / gy.length;
                    for (int r = 0; r < rows; r++) {
                        for (int k = 0; k < gy.length; k++) {
                            gx[r * gy.length + k] += gy[k] / rows;
                        }
                    }
                }
            }
            case GROUP_LOG_SUM_EXP -> {
                if (gx != null) {
                    // ∂y/∂xⱼ = e^{xⱼ − y}, the softmax of the group.
                    int k = (int) n.c();
                    for (int g = 0; g < gy.length; g++) {
                        for (int j = g * k; j < (g + 1) * k; j++) {
                            gx[j] += gy[g] * (float) Math.exp(x[j] - y[g]);
                        }
                    }
                }
            }
        }
    }

    /**
     * y = softplus(x) = max(x, 0) + log(1 + e^−|x|) and s = σ(x), from one e^−|x| per element. The elementwise work
     * lives in small methods like this one, not in the switch above: C2 declines to inline helpers into a method as
     * large as {@link #forward}, and a loop with a call in it stays scalar.
     */
    static void softplusAndSigmoid(float[] x, float[] y, float[] s, Buffers b) {
        expNegAbs(x, s, b);
        for (int k = 0; k < x.length; k++) {
            y[k] = Math.max(x[k], 0f) + log1pUnit(s[k]);
            s[k] = sigmoidOf(x[k], s[k]);
        }
    }

    /** y = σ(x), from e^−|x|. */
    static void sigmoid(float[] x, float[] y, Buffers b) {
        expNegAbs(x, y, b);
        for (int k = 0; k < x.length; k++) {
            y[k] = sigmoidOf(x[k], y[k]);
        }
    }

    /**
     * e[k] = e^−|x[k]| for every k, float-accurate (relative error below 2e-7; 0 where e^−|x| is at most 2^−126), in
     * three loops that the JIT compiles to vector instructions (Math.exp is a scalar call per element). Cephes' expf
     * (S. L. Moshier): e^v = 2^n·e^r with n = round(v·log₂e), r = v − n·ln 2 (ln 2 split in two so that r is exact),
     * e^r by its degree-7 polynomial, 2^n built in the float's exponent bits.
     */
    static void expNegAbs(float[] x, float[] e, Buffers b) {
        float[] n = b.expScratch;
        int[] bits = b.expBits;
        int len = x.length;
        for (int k = 0; k < len; k++) {
            float v = Math.max(-Math.abs(x[k]), MIN_EXP_ARG);
            // Adding and subtracting 1.5·2^23 rounds v·log₂e to the nearest integer.
            float m = v * LOG2E + ROUND - ROUND;
            float r = v - m * LN2_HI - m * LN2_LO;
            float p = 1.9875691500e-4f;
            p = p * r + 1.3981999507e-3f;
            p = p * r + 8.3334519073e-3f;
            p = p * r + 4.1665795894e-2f;
            p = p * r + 1.6666665459e-1f;
            p = p * r + 5.0000001201e-1f;
            // × 0 at and below e^−87.34, where 2^n would leave the normal range (without a branch, as below).
            e[k] = (p * r * r + r + 1f) * positive(v - MIN_EXP_ARG);
            n[k] = m;
        }
        for (int k = 0; k < len; k++) {
            bits[k] = ((int) n[k] + 127) << 23;
        }
        for (int k = 0; k < len; k++) {
            e[k] *= Float.intBitsToFloat(bits[k]);
        }
    }

    /**
     * log(1 + e) for e in [0, 1], float-accurate, without a logarithm call: 2·atanh(s) with s = e/(2 + e) ≤ 1/3,
     * its series Σ s^(2j+1)/(2j+1) to j = 7 (the next term is below 1e-8 of the sum).
     */
    static float log1pUnit(float e) {
        float s = e / (2 + e);
        float s2 = s * s;
        float p = 1f / 15;
        p = p * s2 + 1f / 13;
        p = p * s2 + 1f / 11;
        p = p * s2 + 1f / 9;
        p = p * s2 + 1f / 7;
        p = p * s2 + 1f / 5;
        p = p * s2 + 1f / 3;
        p = p * s2 + 1f;
        return 2 * s * p;
    }

    /**
     * σ(x) from e = e^−|x|: 1/(1 + e) for x &gt; 0, e/(1 + e) otherwise, chosen arithmetically ({@link #positive}) so
     * that the loop stays vectorisable.
     */
    static float sigmoidOf(float x, float e) {
        return (e + positive(x) * (1 - e)) / (1 + e);
    }

    /**
     * 1 for x &gt; 0, else 0, without a branch: x·MAX·MAX is ±∞ or 0 for any nonzero x (subnormals included), clamped
     * to [0, 1]. A data-dependent branch here (the ReLU's mask is a coin toss) mispredicts half the time and keeps
     * the loop scalar; this form vectorises.
     */
    static float positive(float x) {
        return Math.min(Math.max(x * Float.MAX_VALUE * Float.MAX_VALUE, 0f), 1f);
    }

    /** tanh x as sign(x)·(1 − e^−2|x|)/(1 + e^−2|x|): one intrinsic exp instead of the slower Math.tanh. */
    static float tanh(float x) {
        double e = Math.exp(-2 * Math.abs((double) x));
        return (float) Math.copySign((1 - e) / (1 + e), x);
    }

    private static Program.Op nodeOp(Buffers b, int i) {
        return b.op(i);
    }

    private static void addInto(float[] into, float[] g, float sign) {
        if (into != null) {
            for (int k = 0; k < g.length; k++) {
                into[k] += sign * g[k];
            }
        }
    }
}
