package dev.primer.nn.expr;

import dev.primer.nn.expr.ExprNet.Buffers;
import dev.primer.nn.expr.Program.Node;

/**
 * Forward and backward passes of the Neural Turing Machine's memory operations (Graves et al. 2014, §3) on an
 * {@link ExprNet}'s buffers. Each batch row holds a memory of N rows of width W row-major, a weighting of N columns,
 * and per-head scalars (β, g, γ) of one column. Backward passes add into their operands' gradients.
 */
final class MemoryKernels {
    /** Keeps the cosine's denominator (eq. 6) away from zero for an all-zero key or memory row. */
    private static final double COSINE_EPS = 1e-8;
    /** Keeps log w finite in sharpening when a weight underflows to zero. */
    private static final double SHARPEN_EPS = 1e-12;

    private MemoryKernels() {
    }

    /** Computes node {@code i}'s value. */
    static void forward(Node n, int i, Buffers b) {
        int[] a = n.args();
        float[] y = b.v[i];
        int rows = b.rows(i);
        switch (n.op()) {
            case CONTENT_ADDRESS -> {
                float[] mem = b.v[a[0]];
                float[] key = b.v[a[1]];
                float[] beta = b.v[a[2]];
                int cells = n.cols();
                int width = key.length / rows;
                double[] z = new double[cells];
                for (int r = 0; r < rows; r++) {
                    double keyNorm = norm(key, r * width, width);
                    for (int c = 0; c < cells; c++) {
                        z[c] = beta[r] * cosine(mem, (r * cells + c) * width, key, r * width, width, keyNorm);
                    }
                    softmax(z, y, r * cells);
                }
            }
            case INTERPOLATE -> {
                float[] wc = b.v[a[0]];
                float[] wp = b.v[a[1]];
                float[] g = b.v[a[2]];
                int cells = n.cols();
                for (int k = 0; k < y.length; k++) {
                    float gate = g[k / cells];
                    y[k] = gate * wc[k] + (1 - gate) * wp[k];
                }
            }
            case CIRCULAR_SHIFT -> {
                float[] w = b.v[a[0]];
                float[] s = b.v[a[1]];
                int cells = n.cols();
                int shifts = s.length / rows;
                int half = shifts / 2;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cells; c++) {
                        double sum = 0;
                        for (int k = 0; k < shifts; k++) {
                            sum += s[r * shifts + k] * w[r * cells + Math.floorMod(c - k + half, cells)];
                        }
                        y[r * cells + c] = (float) sum;
                    }
                }
            }
            case SHARPEN -> {
                float[] w = b.v[a[0]];
                float[] gamma = b.v[a[1]];
                int cells = n.cols();
                double[] z = new double[cells];
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cells; c++) {
                        z[c] = gamma[r] * Math.log(w[r * cells + c] + SHARPEN_EPS);
                    }
                    softmax(z, y, r * cells);
                }
            }
            case READ -> {
                float[] mem = b.v[a[0]];
                float[] w = b.v[a[1]];
                int width = n.cols();
                int cells = w.length / rows;
                java.util.Arrays.fill(y, 0f);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cells; c++) {
                        float wc = w[r * cells + c];
                        int at = (r * cells + c) * width;
                        for (int j = 0; j < width; j++) {
                            y[r * width + j] += wc * mem[at + j];
                        }
                    }
                }
            }
            case WRITE -> {
                float[] mem = b.v[a[0]];
                float[] w = b.v[a[1]];
                float[] e = b.v[a[2]];
                float[] add = b.v[a[3]];
                int cells = w.length / rows;
                int width = e.length / rows;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cells; c++) {
                        float wc = w[r * cells + c];
                        int at = (r * cells + c) * width;
                        for (int j = 0; j < width; j++) {
                            y[at + j] = mem[at + j] * (1 - wc * e[r * width + j]) + wc * add[r * width + j];
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException(n.op() + " is not a memory operation");
        }
    }

    /** Adds node {@code i}'s gradient, pulled back through its operation, into its operands' gradients. */
    static void backward(Node n, int i, Buffers b) {
        int[] a = n.args();
        float[] y = b.v[i];
        float[] gy = b.g[i];
        int rows = b.rows(i);
        switch (n.op()) {
            case CONTENT_ADDRESS -> {
                float[] mem = b.v[a[0]];
                float[] key = b.v[a[1]];
                float[] beta = b.v[a[2]];
                float[] gMem = b.g[a[0]];
                float[] gKey = b.g[a[1]];
                float[] gBeta = b.g[a[2]];
                int cells = n.cols();
                int width = key.length / rows;
                for (int r = 0; r < rows; r++) {
                    int k0 = r * width;
                    double keyNorm = norm(key, k0, width);
                    double dot = 0;
                    for (int c = 0; c < cells; c++) {
                        dot += gy[r * cells + c] * y[r * cells + c];
                    }
                    for (int c = 0; c < cells; c++) {
                        // softmax: ∂L/∂z_c = w_c (∂L/∂w_c − Σ_j ∂L/∂w_j w_j); z_c = β K_c.
                        double gz = y[r * cells + c] * (gy[r * cells + c] - dot);
                        int m0 = (r * cells + c) * width;
                        double memNorm = norm(mem, m0, width);
                        double u = 0;
                        for (int j = 0; j < width; j++) {
                            u += mem[m0 + j] * key[k0 + j];
                        }
                        double denom = memNorm * keyNorm + COSINE_EPS;
                        double cos = u / denom;
                        if (gBeta != null) {
                            gBeta[r] += (float) (gz * cos);
                        }
                        double gk = gz * beta[r];
                        // K = u / D, D = |M||k| + ε: ∂K/∂k = M/D − u|M| k/(|k| D²), and symmetrically for M.
                        float toOther = (float) (gk / denom);
                        float keyOwn = keyNorm > 0 ? (float) (gk * u * memNorm / (keyNorm * denom * denom)) : 0f;
                        float memOwn = memNorm > 0 ? (float) (gk * u * keyNorm / (memNorm * denom * denom)) : 0f;
                        if (gKey != null) {
                            for (int j = 0; j < width; j++) {
                                gKey[k0 + j] += toOther * mem[m0 + j] - keyOwn * key[k0 + j];
                            }
                        }
                        if (gMem != null) {
                            for (int j = 0; j < width; j++) {
                                gMem[m0 + j] += toOther * key[k0 + j] - memOwn * mem[m0 + j];
                            }
                        }
                    }
                }
            }
            case INTERPOLATE -> {
                float[] wc = b.v[a[0]];
                float[] wp = b.v[a[1]];
                float[] g = b.v[a[2]];
                float[] gWc = b.g[a[0]];
                float[] gWp = b.g[a[1]];
                float[] gG = b.g[a[2]];
                int cells = n.cols();
                for (int k = 0; k < gy.length; k++) {
                    int r = k / cells;
                    if (gWc != null) {
                        gWc[k] += g[r] * gy[k];
                    }
                    if (gWp != null) {
                        gWp[k] += (1 - g[r]) * gy[k];
                    }
                    if (gG != null) {
                        gG[r] += gy[k] * (wc[k] - wp[k]);
                    }
                }
            }
            case CIRCULAR_SHIFT -> {
                float[] w = b.v[a[0]];
                float[] s = b.v[a[1]];
                float[] gW = b.g[a[0]];
                float[] gS = b.g[a[1]];
                int cells = n.cols();
                int shifts = s.length / rows;
                int half = shifts / 2;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cells; c++) {
                        float g = gy[r * cells + c];
                        for (int k = 0; k < shifts; k++) {
                            int from = r * cells + Math.floorMod(c - k + half, cells);
                            if (gW != null) {
                                gW[from] += s[r * shifts + k] * g;
                            }
                            if (gS != null) {
                                gS[r * shifts + k] += w[from] * g;
                            }
                        }
                    }
                }
            }
            case SHARPEN -> {
                float[] w = b.v[a[0]];
                float[] gamma = b.v[a[1]];
                float[] gW = b.g[a[0]];
                float[] gGamma = b.g[a[1]];
                int cells = n.cols();
                for (int r = 0; r < rows; r++) {
                    double dot = 0;
                    for (int c = 0; c < cells; c++) {
                        dot += gy[r * cells + c] * y[r * cells + c];
                    }
                    for (int c = 0; c < cells; c++) {
                        // y = softmax(z), z_c = γ log(w_c + ε).
                        int k = r * cells + c;
                        double gz = y[k] * (gy[k] - dot);
                        if (gW != null) {
                            gW[k] += (float) (gz * gamma[r] / (w[k] + SHARPEN_EPS));
                        }
                        if (gGamma != null) {
                            gGamma[r] += (float) (gz * Math.log(w[k] + SHARPEN_EPS));
                        }
                    }
                }
            }
            case READ -> {
                float[] mem = b.v[a[0]];
                float[] w = b.v[a[1]];
                float[] gMem = b.g[a[0]];
                float[] gW = b.g[a[1]];
                int width = n.cols();
                int cells = w.length / rows;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cells; c++) {
                        int at = (r * cells + c) * width;
                        double dw = 0;
                        for (int j = 0; j < width; j++) {
                            dw += gy[r * width + j] * mem[at + j];
                            if (gMem != null) {
                                gMem[at + j] += w[r * cells + c] * gy[r * width + j];
                            }
                        }
                        if (gW != null) {
                            gW[r * cells + c] += (float) dw;
                        }
                    }
                }
            }
            case WRITE -> {
                float[] mem = b.v[a[0]];
                float[] w = b.v[a[1]];
                float[] e = b.v[a[2]];
                float[] add = b.v[a[3]];
                float[] gMem = b.g[a[0]];
                float[] gW = b.g[a[1]];
                float[] gE = b.g[a[2]];
                float[] gA = b.g[a[3]];
                int cells = w.length / rows;
                int width = e.length / rows;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cells; c++) {
                        float wc = w[r * cells + c];
                        int at = (r * cells + c) * width;
                        double dw = 0;
                        for (int j = 0; j < width; j++) {
                            float g = gy[at + j];
                            int v = r * width + j;
                            if (gMem != null) {
                                gMem[at + j] += g * (1 - wc * e[v]);
                            }
                            dw += g * (add[v] - mem[at + j] * e[v]);
                            if (gE != null) {
                                gE[v] -= g * mem[at + j] * wc;
                            }
                            if (gA != null) {
                                gA[v] += g * wc;
                            }
                        }
                        if (gW != null) {
                            gW[r * cells + c] += (float) dw;
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException(n.op() + " is not a memory operation");
        }
    }

    private static double norm(float[] x, int from, int len) {
        double s = 0;
        for (int j = from; j < from + len; j++) {
            s += (double) x[j] * x[j];
        }
        return Math.sqrt(s);
    }

    private static double cosine(float[] m, int m0, float[] k, int k0, int width, double keyNorm) {
        double u = 0;
        for (int j = 0; j < width; j++) {
            u += m[m0 + j] * k[k0 + j];
        }
        return u / (norm(m, m0, width) * keyNorm + COSINE_EPS);
    }

    /** y[at..at+z.length) = softmax(z), stably. */
    private static void softmax(double[] z, float[] y, int at) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        for (int c = 0; c < z.length; c++) {
            y[at + c] = (float) (Math.exp(z[c] - max) / sum);
        }
    }
}
