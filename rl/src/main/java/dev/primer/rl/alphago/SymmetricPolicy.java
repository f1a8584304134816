package dev.primer.rl.alphago;

import dev.primer.go.features.Plane;
import dev.primer.go.features.Symmetry;
import dev.primer.nn.Net;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A policy network's move distribution averaged over the 8 symmetric views of a position, each view's output mapped
 * back to the board (the rotations and reflections of Silver et al. 2016, Methods, "Symmetries"; the board's symmetry
 * is the game's, so the average is a better predictor than any one view). All views of all positions go through the
 * network as one batch.
 */
final class SymmetricPolicy {
    private static final Symmetry[] VIEWS = Symmetry.values();

    private SymmetricPolicy() {
    }

    /**
     * Returns, for the {@code b} positions in {@code planes} ({@link Plane#COUNT} x size x size each, in order), the
     * mean over the 8 symmetries of {@code net}'s distribution over the size² points and pass: b rows of size² + 1.
     */
    static float[] average(Net net, float[] planes, int b, int size) {
        int area = size * size;
        int moves = area + 1;
        int stride = Plane.COUNT * area;
        // image[s][k] = s.apply(k, size) for the points and pass, computed once per call
        int[][] image = new int[VIEWS.length][moves];
        for (Symmetry s : VIEWS) {
            for (int k = 0; k < moves; k++) {
                image[s.ordinal()][k] = s.apply(k, size);
            }
        }
        float[] views = new float[VIEWS.length * b * stride];
        for (Symmetry s : VIEWS) {
            int[] to = image[s.ordinal()];
            for (int i = 0; i < b; i++) {
                int from = i * stride;
                int base = (s.ordinal() * b + i) * stride;
                for (int c = 0; c < Plane.COUNT; c++) {
                    for (int k = 0; k < area; k++) {
                        views[base + c * area + to[k]] = planes[from + c * area + k];
                    }
                }
            }
        }
        float[] out = net.output(Nd4j.create(views, new long[] {(long) VIEWS.length * b, Plane.COUNT, size, size},
                'c'))[0].reshape((long) VIEWS.length * b * moves).toFloatVector();
        float[] p = new float[b * moves];
        for (Symmetry s : VIEWS) {
            int[] to = image[s.ordinal()];
            for (int i = 0; i < b; i++) {
                int row = (s.ordinal() * b + i) * moves;
                for (int k = 0; k < moves; k++) {
                    // the view's output at s(k) is its belief about board point k
                    p[i * moves + k] += out[row + to[k]] / VIEWS.length;
                }
            }
        }
        return p;
    }
}
