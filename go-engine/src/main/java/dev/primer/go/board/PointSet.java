package dev.primer.go.board;

import java.util.Arrays;

/**
 * A set of points of one board size that empties in constant time: a point is in the set when its mark equals the
 * current stamp, and {@link #clear} moves to the next stamp (wiping the marks only when the stamps run out). Scratch
 * for flood fills and liberty walks; not thread-safe.
 */
public final class PointSet {
    private final int[] mark;
    private int stamp = 1;

    /** Creates an empty set for the points of {@code coords}. */
    public PointSet(Coords coords) {
        mark = new int[coords.arraySize()];
    }

    /** Removes every point. */
    public void clear() {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(mark, 0);
            stamp = 1;
        }
    }

    /** Adds {@code p}; returns true when it was not in the set. */
    public boolean add(int p) {
        if (mark[p] == stamp) {
            return false;
        }
        mark[p] = stamp;
        return true;
    }

    /** Returns true when {@code p} is in the set. */
    public boolean contains(int p) {
        return mark[p] == stamp;
    }
}
