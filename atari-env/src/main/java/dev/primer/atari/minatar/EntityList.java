package dev.primer.atari.minatar;

import java.util.Arrays;

/**
 * An ordered list of grid entities stored as parallel arrays, standing in for the Python lists of
 * {@code [x, y, lr, timer, shot_timer]} in seaquest.py, with {@code lr} kept as the step the entity moves by (+1 right,
 * -1 left) so that moving it takes no branch. Order is kept on removal because the reference iterates
 * in list order; storage grows by doubling, so steady-state play allocates nothing.
 */
final class EntityList {

    private static final int INITIAL_CAPACITY = 16;

    int size;
    int[] x = new int[INITIAL_CAPACITY];
    int[] y = new int[INITIAL_CAPACITY];
    int[] step = new int[INITIAL_CAPACITY];
    int[] timer = new int[INITIAL_CAPACITY];
    int[] shotTimer = new int[INITIAL_CAPACITY];

    /** Appends an entity. */
    void add(int ex, int ey, int eStep, int eTimer, int eShotTimer) {
        if (size == x.length) {
            int n = 2 * size;
            x = Arrays.copyOf(x, n);
            y = Arrays.copyOf(y, n);
            step = Arrays.copyOf(step, n);
            timer = Arrays.copyOf(timer, n);
            shotTimer = Arrays.copyOf(shotTimer, n);
        }
        x[size] = ex;
        y[size] = ey;
        step[size] = eStep;
        timer[size] = eTimer;
        shotTimer[size] = eShotTimer;
        size++;
    }

    /** Removes entity {@code i}, shifting later ones down (Python's {@code list.remove}). */
    void removeAt(int i) {
        int tail = size - i - 1;
        System.arraycopy(x, i + 1, x, i, tail);
        System.arraycopy(y, i + 1, y, i, tail);
        System.arraycopy(step, i + 1, step, i, tail);
        System.arraycopy(timer, i + 1, timer, i, tail);
        System.arraycopy(shotTimer, i + 1, shotTimer, i, tail);
        size--;
    }

    /** The first entity at (ex, ey) in list order, or -1. */
    int indexAt(int ex, int ey) {
        for (int i = 0; i < size; i++) {
            if (x[i] == ex && y[i] == ey) {
                return i;
            }
        }
        return -1;
    }

    /** True when some entity is in row {@code ey} moving against {@code eStep}. */
    boolean opposesInRow(int ey, int eStep) {
        for (int i = 0; i < size; i++) {
            if (y[i] == ey && step[i] != eStep) {
                return true;
            }
        }
        return false;
    }

    void clear() {
        size = 0;
    }

    void copyFrom(EntityList o) {
        if (x.length < o.size) {
            x = new int[o.x.length];
            y = new int[o.x.length];
            step = new int[o.x.length];
            timer = new int[o.x.length];
            shotTimer = new int[o.x.length];
        }
        size = o.size;
        System.arraycopy(o.x, 0, x, 0, size);
        System.arraycopy(o.y, 0, y, 0, size);
        System.arraycopy(o.step, 0, step, 0, size);
        System.arraycopy(o.timer, 0, timer, 0, size);
        System.arraycopy(o.shotTimer, 0, shotTimer, 0, size);
    }
}
