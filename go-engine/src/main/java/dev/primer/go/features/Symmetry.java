package dev.primer.go.features;

/**
 * The 8 symmetries of the square (the dihedral group D4) acting on move indices x + y * size and on C x N x N
 * planes. Each is "transpose if asked, then mirror x, then mirror y".
 */
public enum Symmetry {
    IDENTITY(false, false, false),
    FLIP_X(false, true, false),
    FLIP_Y(false, false, true),
    ROTATE_180(false, true, true),
    TRANSPOSE(true, false, false),
    ROTATE_90(true, true, false),
    ROTATE_270(true, false, true),
    ANTI_TRANSPOSE(true, true, true);

    private final boolean transpose;
    private final boolean flipX;
    private final boolean flipY;

    Symmetry(boolean transpose, boolean flipX, boolean flipY) {
        this.transpose = transpose;
        this.flipX = flipX;
        this.flipY = flipY;
    }

    /** Returns the image of move index {@code index} on a size x size board; the pass index size * size is fixed. */
    public int apply(int index, int size) {
        if (index == size * size) {
            return index;
        }
        int x = index % size;
        int y = index / size;
        if (transpose) {
            int t = x;
            x = y;
            y = t;
        }
        if (flipX) {
            x = size - 1 - x;
        }
        if (flipY) {
            y = size - 1 - y;
        }
        return x + y * size;
    }

    /** Returns the symmetry that undoes this one. */
    public Symmetry inverse() {
        for (Symmetry s : values()) {
            if (compose(s) == IDENTITY) {
                return s;
            }
        }
        throw new IllegalStateException("D4 is a group");
    }

    /** Returns the symmetry "this, then {@code next}". */
    public Symmetry compose(Symmetry next) {
        int size = 3;
        int[] probe = {1, 2};
        for (Symmetry s : values()) {
            boolean same = true;
            for (int i : probe) {
                same &= s.apply(i, size) == next.apply(apply(i, size), size);
            }
            if (same) {
                return s;
            }
        }
        throw new IllegalStateException("D4 is closed under composition");
    }

    /** Returns planes whose point index i holds the input's value at the preimage of i, for every channel. */
    public float[] transform(float[] planes, int channels, int size) {
        int area = size * size;
        if (planes.length != channels * area) {
            throw new IllegalArgumentException("expected " + channels + " x " + size + " x " + size + " floats");
        }
        float[] out = new float[planes.length];
        for (int c = 0; c < channels; c++) {
            int base = c * area;
            for (int i = 0; i < area; i++) {
                out[base + apply(i, size)] = planes[base + i];
            }
        }
        return out;
    }
}
