package dev.primer.go;

import dev.primer.go.board.Coords;

/** Fixed handicap placement, GTP v2 section 4.1.1. */
public final class Handicap {
    private Handicap() {
    }

    /** Returns the largest fixed handicap for a size: 0 below 7, 4 for 7 and even sizes, else 9. */
    public static int maxFixed(int size) {
        if (size < 7) {
            return 0;
        }
        return size == 7 || size % 2 == 0 ? 4 : 9;
    }

    /**
     * Returns the points of a fixed handicap of {@code stones} in [2, maxFixed(size)]: the 3-3 points on boards
     * under 12 (as GNU Go places them), else the 4-4 points, then the side midpoints and the centre;
     * throws IllegalArgumentException for other counts.
     */
    public static int[] fixed(Coords coords, int stones) {
        int size = coords.size();
        if (stones < 2 || stones > maxFixed(size)) {
            throw new IllegalArgumentException("invalid handicap " + stones + " for size " + size);
        }
        int lo = size < 12 ? 2 : 3;
        int hi = size - 1 - lo;
        int mid = size / 2;
        // GTP 4.1.1: corners first (lower left + upper right, then upper left, lower right), then sides, centre
        int[] corners = {coords.point(lo, hi), coords.point(hi, lo), coords.point(lo, lo), coords.point(hi, hi)};
        int centre = coords.point(mid, mid);
        int[] sidesLeftRight = {coords.point(lo, mid), coords.point(hi, mid)};
        int[] sidesTopBottom = {coords.point(mid, lo), coords.point(mid, hi)};
        int[] out = new int[stones];
        int k = 0;
        for (int i = 0; i < Math.min(stones, 4); i++) {
            out[k++] = corners[i];
        }
        if (stones >= 6) {
            out[k++] = sidesLeftRight[0];
            out[k++] = sidesLeftRight[1];
        }
        if (stones >= 8) {
            out[k++] = sidesTopBottom[0];
            out[k++] = sidesTopBottom[1];
        }
        if (stones % 2 == 1 && stones >= 5) {
            out[k++] = centre;
        }
        return out;
    }
}
