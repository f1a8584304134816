package dev.primer.nn.optim;

import java.nio.FloatBuffer;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Direct float access to equally long ND4J arrays, for update rules written as one Java loop instead of
 * many whole-array ops (each op allocates and walks the parameters once; on a 130k-parameter Q-network a
 * dozen of them cost more than the network's backward pass).
 */
public final class FloatViews {
    private static final int CHUNK = 2048;
    private static final float[] ZEROS = new float[CHUNK];
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[3][CHUNK]);

    private FloatViews() {
    }

    /**
     * Runs {@code body} on zero-based buffers over {@code arrays} (index i is element i of each, in C order) and
     * makes its writes visible in the arrays: in place for contiguous float arrays, else through copies.
     */
    static void update(Consumer<FloatBuffer[]> body, INDArray... arrays) {
        FloatBuffer[] views = new FloatBuffer[arrays.length];
        INDArray[] work = new INDArray[arrays.length];
        for (int k = 0; k < arrays.length; k++) {
            INDArray a = arrays[k];
            if (a.length() != arrays[0].length()) {
                throw new IllegalArgumentException("arrays of " + arrays[0].length() + " and " + a.length() + " elements");
            }
            work[k] = contiguous(a);
            views[k] = slice(work[k]);
        }
        body.accept(views);
        for (int k = 0; k < arrays.length; k++) {
            if (work[k] != arrays[k]) {
                arrays[k].assign(work[k]);
            }
        }
    }

    /**
     * {@code a ← a − b} elementwise in one Java pass: a training step's θ ← θ − update without a native op, whose
     * OpenMP barrier at two threads costs more than the pass itself.
     */
    public static void subtract(INDArray a, INDArray b) {
        update(v -> {
            float[] x = SCRATCH.get()[0];
            float[] y = SCRATCH.get()[1];
            for (int from = 0, n = v[0].limit(); from < n; from += CHUNK) {
                int len = Math.min(CHUNK, n - from);
                v[0].get(from, x, 0, len);
                v[1].get(from, y, 0, len);
                for (int i = 0; i < len; i++) {
                    x[i] -= y[i];
                }
                v[0].put(from, x, 0, len);
            }
        }, a, b);
    }

    /** {@code a ← a + values} elementwise ({@code values} in C order, as long as {@code a}), in one Java pass. */
    public static void add(INDArray a, float[] values) {
        if (values.length != a.length()) {
            throw new IllegalArgumentException(values.length + " values for an array of " + a.length());
        }
        update(v -> {
            float[] s = SCRATCH.get()[0];
            for (int from = 0; from < values.length; from += CHUNK) {
                int len = Math.min(CHUNK, values.length - from);
                v[0].get(from, s, 0, len);
                for (int i = 0; i < len; i++) {
                    s[i] += values[from + i];
                }
                v[0].put(from, s, 0, len);
            }
        }, a);
    }

    /** Sets every element of {@code a} to 0 in one Java pass. */
    public static void zero(INDArray a) {
        update(v -> {
            for (int from = 0, n = v[0].limit(); from < n; from += CHUNK) {
                v[0].put(from, ZEROS, 0, Math.min(CHUNK, n - from));
            }
        }, a);
    }

    /** {@code a} itself when it is a contiguous C-order float array, else a contiguous float copy of it. */
    public static INDArray contiguous(INDArray a) {
        boolean direct = a.dataType() == DataType.FLOAT && a.elementWiseStride() == 1
                && (a.isVectorOrScalar() || a.ordering() == 'c');
        return direct ? a : a.castTo(DataType.FLOAT).dup('c');
    }

    /** A loop body over same-length chunks of three arrays, written back after each call. */
    interface ChunkBody {
        /** Updates elements {@code [0, len)} of the three chunks in place. */
        void apply(float[] a, float[] b, float[] c, int len);
    }

    /**
     * Feeds {@code a}, {@code b}, {@code c} to {@code body} in L1-sized heap chunks (bulk copies in and out), so
     * the loop runs on plain arrays the JIT can vectorise rather than on buffer accessors.
     */
    static void chunks(FloatBuffer a, FloatBuffer b, FloatBuffer c, ChunkBody body) {
        float[][] s = SCRATCH.get();
        for (int from = 0, n = a.limit(); from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            a.get(from, s[0], 0, len);
            b.get(from, s[1], 0, len);
            c.get(from, s[2], 0, len);
            body.apply(s[0], s[1], s[2], len);
            a.put(from, s[0], 0, len);
            b.put(from, s[1], 0, len);
            c.put(from, s[2], 0, len);
        }
    }

    /** A zero-based buffer over {@code a}'s elements in C order; {@code a} must be a contiguous float array. */
    public static FloatBuffer slice(INDArray a) {
        int base = (int) a.offset();
        return a.data().asNioFloat().duplicate().position(base).limit(base + (int) a.length()).slice();
    }
}
