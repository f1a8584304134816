package dev.primer.experiments.seq;

import dev.primer.experiments.core.Plots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Stroke-3 sketches (Δx, Δy, p; p = 1 where the pen lifts) as pen-down segments: drawn as pictures, compared. */
final class Drawings {
    /** Spacing, in the sketch's units, of the points a segment is sampled at for the chamfer distance. */
    private static final double SPACING = 0.05;
    private static final int MARGIN = 3;

    private Drawings() {
    }

    /** The pen-down segments x₀, y₀, x₁, y₁ of a sketch, in absolute coordinates from the origin. */
    static List<double[]> segments(float[][] stroke3) {
        List<double[]> out = new ArrayList<>();
        double x = 0;
        double y = 0;
        boolean down = false;
        for (float[] s : stroke3) {
            double nx = x + s[0];
            double ny = y + s[1];
            if (down) {
                out.add(new double[] {x, y, nx, ny});
            }
            x = nx;
            y = ny;
            down = s[2] == 0;
        }
        return out;
    }

    /** A picture of {@code size}² pixels, black pen-down segments on white, the sketch fitted to it (aspect kept). */
    static Plots.Tile tile(String caption, float[][] stroke3, int size) {
        float[] px = new float[size * size];
        Arrays.fill(px, 1f);
        List<double[]> segs = segments(stroke3);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] s : segs) {
            minX = Math.min(minX, Math.min(s[0], s[2]));
            maxX = Math.max(maxX, Math.max(s[0], s[2]));
            minY = Math.min(minY, Math.min(s[1], s[3]));
            maxY = Math.max(maxY, Math.max(s[1], s[3]));
        }
        if (!segs.isEmpty()) {
            double span = Math.max(1e-6, Math.max(maxX - minX, maxY - minY));
            double k = (size - 1 - 2 * MARGIN) / span;
            double ox = MARGIN + ((size - 1 - 2 * MARGIN) - k * (maxX - minX)) / 2 - k * minX;
            double oy = MARGIN + ((size - 1 - 2 * MARGIN) - k * (maxY - minY)) / 2 - k * minY;
            for (double[] s : segs) {
                double len = Math.hypot(s[2] - s[0], s[3] - s[1]) * k;
                int n = Math.max(1, (int) Math.ceil(2 * len));
                for (int j = 0; j <= n; j++) {
                    double t = (double) j / n;
                    int col = (int) Math.round(ox + k * (s[0] + t * (s[2] - s[0])));
                    int row = (int) Math.round(oy + k * (s[1] + t * (s[3] - s[1])));
                    px[row * size + col] = 0f;
                }
            }
        }
        return new Plots.Tile(caption, size, size, px);
    }

    /** Points along a sketch's pen-down segments, every {@link #SPACING} units, ends included. */
    static double[][] trace(float[][] stroke3) {
        List<double[]> pts = new ArrayList<>();
        for (double[] s : segments(stroke3)) {
            int n = Math.max(1, (int) Math.ceil(Math.hypot(s[2] - s[0], s[3] - s[1]) / SPACING));
            for (int j = 0; j <= n; j++) {
                double t = (double) j / n;
                pts.add(new double[] {s[0] + t * (s[2] - s[0]), s[1] + t * (s[3] - s[1])});
            }
        }
        return pts.toArray(double[][]::new);
    }

    /**
     * The symmetric chamfer distance between two sketches' traces: the mean distance from a point of one to the
     * nearest point of the other, averaged both ways; infinite when either draws nothing.
     */
    static double chamfer(float[][] a, float[][] b) {
        double[][] ta = trace(a);
        double[][] tb = trace(b);
        if (ta.length == 0 || tb.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return (oneWay(ta, tb) + oneWay(tb, ta)) / 2;
    }

    private static double oneWay(double[][] from, double[][] to) {
        double sum = 0;
        for (double[] p : from) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] q : to) {
                best = Math.min(best, (p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]));
            }
            sum += Math.sqrt(best);
        }
        return sum / from.length;
    }
}
