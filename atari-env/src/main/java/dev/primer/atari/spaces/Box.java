package dev.primer.atari.spaces;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A box in R^n stored as a flat primitive array with a logical {@code shape} (row-major, last index fastest).
 * Bounds are per element and inclusive; {@code BOOL} boxes are {0,1}, {@code UINT8} boxes lie in [0, 255].
 *
 * @param <T> the array type: {@code boolean[]}, {@code byte[]} or {@code float[]} for BOOL, UINT8, FLOAT32
 */
public final class Box<T> implements Space<T> {

    private final int[] shape;
    private final double[] low;
    private final double[] high;
    private final DType dtype;
    private final int size;

    private Box(int[] shape, double[] low, double[] high, DType dtype) {
        this.shape = shape.clone();
        this.size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (low.length != size || high.length != size) {
            throw new IllegalArgumentException("bounds must have " + size + " elements for shape "
                    + Arrays.toString(shape));
        }
        for (int i = 0; i < size; i++) {
            if (!(low[i] <= high[i])) {
                throw new IllegalArgumentException("low[" + i + "]=" + low[i] + " > high[" + i + "]=" + high[i]);
            }
        }
        this.low = low.clone();
        this.high = high.clone();
        this.dtype = dtype;
    }

    /** Boolean planes, e.g. MinAtar's C x 10 x 10 observation. */
    public static Box<boolean[]> bool(int... shape) {
        int n = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        return new Box<>(shape, new double[n], filled(n, 1), DType.BOOL);
    }

    /** Unsigned bytes in [low, high] everywhere, e.g. a 210 x 160 x 3 Atari screen with bounds 0..255. */
    public static Box<byte[]> uint8(int low, int high, int... shape) {
        if (low < 0 || high > 255) {
            throw new IllegalArgumentException("uint8 bounds must lie in [0, 255], got [" + low + ", " + high + "]");
        }
        int n = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        return new Box<>(shape, filled(n, low), filled(n, high), DType.UINT8);
    }

    /** 32-bit floats with per-element bounds (use +-Float.MAX_VALUE for unbounded, as Gymnasium does). */
    public static Box<float[]> float32(double[] low, double[] high, int... shape) {
        return new Box<>(shape, low, high, DType.FLOAT32);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** The logical shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements. */
    public int size() {
        return size;
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** The lower bound of element {@code i}. */
    public double low(int i) {
        return low[i];
    }

    /** The upper bound of element {@code i}. */
    public double high(int i) {
        return high[i];
    }

    @Override
    public boolean contains(T value) {
        switch (dtype) {
            case BOOL:
                return value instanceof boolean[] b && b.length == size;
            case UINT8:
                if (!(value instanceof byte[] b) || b.length != size) {
                    return false;
                }
                for (int i = 0; i < size; i++) {
                    int v = b[i] & 0xFF;
                    if (v < low[i] || v > high[i]) {
                        return false;
                    }
                }
                return true;
            case FLOAT32:
                if (!(value instanceof float[] f) || f.length != size) {
                    return false;
                }
                for (int i = 0; i < size; i++) {
                    if (!(f[i] >= (float) low[i] && f[i] <= (float) high[i])) {
                        return false;
                    }
                }
                return true;
            default:
                throw new AssertionError(dtype);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T sample(RandomGenerator rng) {
        switch (dtype) {
            case BOOL: {
                boolean[] b = new boolean[size];
                for (int i = 0; i < size; i++) {
                    b[i] = rng.nextBoolean();
                }
                return (T) b;
            }
            case UINT8: {
                byte[] b = new byte[size];
                for (int i = 0; i < size; i++) {
                    b[i] = (byte) rng.nextInt((int) low[i], (int) high[i] + 1);
                }
                return (T) b;
            }
            case FLOAT32: {
                float[] f = new float[size];
                for (int i = 0; i < size; i++) {
                    f[i] = (float) sampleReal(rng, low[i], high[i]);
                }
                return (T) f;
            }
            default:
                throw new AssertionError(dtype);
        }
    }

    /** Gymnasium's rule: uniform when bounded, shifted exponential when half-bounded, normal when unbounded. */
    private static double sampleReal(RandomGenerator rng, double lo, double hi) {
        boolean boundedBelow = lo > -Float.MAX_VALUE;
        boolean boundedAbove = hi < Float.MAX_VALUE;
        if (boundedBelow && boundedAbove) {
            return lo == hi ? lo : rng.nextDouble(lo, hi);
        }
        if (boundedBelow) {
            return lo + rng.nextExponential();
        }
        if (boundedAbove) {
            return hi - rng.nextExponential();
        }
        return rng.nextGaussian();
    }

    @Override
    public String toString() {
        return "Box(" + dtype.numpyName() + ", " + Arrays.toString(shape) + ")";
    }
}
