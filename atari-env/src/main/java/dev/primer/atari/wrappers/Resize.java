package dev.primer.atari.wrappers;

import dev.primer.atari.core.Environment;
import java.util.Arrays;

/**
 * Resizes H x W (grayscale) or H x W x C images to a new height and width. Both interpolations are separable
 * and precomputed as per-axis tap tables, so a step is two weighted sums per pixel and allocates nothing.
 */
public final class Resize<A> extends ObservationWrapper<A> {

    /** Interpolation kernels, as OpenCV defines them. */
    public enum Interpolation {
        /** {@code INTER_AREA} for shrinking: each output pixel averages the source area it covers. */
        AREA,
        /** {@code INTER_LINEAR}: half-pixel-centred bilinear, source {@code (d + 0.5) * scale - 0.5}, clamped. */
        BILINEAR
    }

    /** The Nature-DQN screen side. */
    public static final int DQN_SIZE = 84;

    private final int inHeight, inWidth, channels, outHeight, outWidth;
    private final Taps rows, cols;
    private final double[] rowBuffer;

    /** Resizes to {@code height} x {@code width}. */
    public Resize(Environment<byte[], A> env, int height, int width, Interpolation interpolation) {
        super(env, "Resize", outShape(env, height, width));
        int[] in = innerSpace.shape();
        this.inHeight = in[0];
        this.inWidth = in[1];
        this.channels = in.length == 3 ? in[2] : 1;
        this.outHeight = height;
        this.outWidth = width;
        this.rows = Taps.of(inHeight, height, interpolation);
        this.cols = Taps.of(inWidth, width, interpolation);
        this.rowBuffer = new double[inWidth * channels];
    }

    private static int[] outShape(Environment<byte[], ?> env, int height, int width) {
        int[] in = Wrappers.uint8(env.observationSpace(), "Resize").shape();
        if (in.length != 2 && in.length != 3) {
            throw new IllegalArgumentException("Resize needs H x W or H x W x C observations, got "
                    + Arrays.toString(in));
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("target size must be positive, got " + height + "x" + width);
        }
        return in.length == 2 ? new int[] {height, width} : new int[] {height, width, in[2]};
    }

    @Override
    protected void transform(byte[] in, byte[] out) {
        int rowLength = inWidth * channels;
        for (int oy = 0; oy < outHeight; oy++) {
            Arrays.fill(rowBuffer, 0);
            for (int t = rows.start[oy]; t < rows.start[oy + 1]; t++) {
                double w = rows.weight[t];
                int base = rows.index[t] * rowLength;
                for (int i = 0; i < rowLength; i++) {
                    rowBuffer[i] += w * (in[base + i] & 0xFF);
                }
            }
            int outBase = oy * outWidth * channels;
            for (int ox = 0; ox < outWidth; ox++) {
                for (int c = 0; c < channels; c++) {
                    double v = 0;
                    for (int t = cols.start[ox]; t < cols.start[ox + 1]; t++) {
                        v += cols.weight[t] * rowBuffer[cols.index[t] * channels + c];
                    }
                    out[outBase + ox * channels + c] = (byte) Math.min(255, Math.max(0, (int) Math.round(v)));
                }
            }
        }
    }

    /** Per-axis kernel taps in compressed-row form: output {@code o} uses taps {@code start[o] .. start[o+1]}. */
    record Taps(int[] start, int[] index, double[] weight) {

        static Taps of(int in, int out, Interpolation interpolation) {
            return interpolation == Interpolation.AREA ? area(in, out) : bilinear(in, out);
        }

        /** Output pixel o covers source interval [o*s, (o+1)*s) with s = in/out; weights are overlap / s. */
        static Taps area(int in, int out) {
            double scale = (double) in / out;
            int[] start = new int[out + 1];
            int[] index = new int[out * ((int) Math.ceil(scale) + 2)];
            double[] weight = new double[index.length];
            int n = 0;
            for (int o = 0; o < out; o++) {
                start[o] = n;
                double from = o * scale;
                double to = Math.min(in, (o + 1) * scale);
                for (int i = (int) Math.floor(from); i < Math.min(in, (int) Math.ceil(to)); i++) {
                    double overlap = Math.min(to, i + 1) - Math.max(from, i);
                    if (overlap > 1e-12) {
                        index[n] = i;
                        weight[n++] = overlap / (to - from);
                    }
                }
            }
            start[out] = n;
            return new Taps(start, Arrays.copyOf(index, n), Arrays.copyOf(weight, n));
        }

        static Taps bilinear(int in, int out) {
            double scale = (double) in / out;
            int[] start = new int[out + 1];
            int[] index = new int[2 * out];
            double[] weight = new double[2 * out];
            for (int o = 0; o < out; o++) {
                double src = Math.max(0, (o + 0.5) * scale - 0.5);
                int i0 = Math.min(in - 1, (int) Math.floor(src));
                int i1 = Math.min(in - 1, i0 + 1);
                double f = Math.min(1, src - i0);
                start[o] = 2 * o;
                index[2 * o] = i0;
                weight[2 * o] = 1 - f;
                index[2 * o + 1] = i1;
                weight[2 * o + 1] = f;
            }
            start[out] = 2 * out;
            return new Taps(start, index, weight);
        }
    }
}
