package dev.primer.rl.alphago;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.features.InputPlanes;
import dev.primer.go.features.Plane;
import dev.primer.go.features.Symmetry;
import dev.primer.nn.Net;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class SymmetricPolicyTest {
    private static final int SIZE = 5;
    private static final int MOVES = SIZE * SIZE + 1;

    /** Planes of a 5x5 position after a few moves, so that no symmetry maps it to itself. */
    private static float[] position() {
        GameState g = new GameState(SIZE, Rules.CHINESE, 0.5);
        for (int k : new int[] {1, 7, 13, 3}) {
            g.play(g.toMove(), g.coords().pointOfIndex(k));
        }
        return InputPlanes.encode(g);
    }

    /**
     * The average is equivariant, as no one view of an untrained net is: the average over a rotated or reflected
     * position, read at the image of a point, is the average over the position read at the point; it sums to 1.
     */
    @Test
    void theAverageOfATransformedPositionIsTheTransformedAverage() {
        Net net = SlPolicy.network(new SlPolicy.Config(8, 1, 8, 1e-3, 0, 1, 1, 1, 0, 7), SIZE);
        float[] x = position();
        float[] p = SymmetricPolicy.average(net, x, 1, SIZE);
        double sum = 0;
        for (float v : p) {
            sum += v;
        }
        assertEquals(1, sum, 1e-5);
        double oneViewGap = 0;
        for (Symmetry s : Symmetry.values()) {
            float[] y = s.transform(x, Plane.COUNT, SIZE);
            float[] q = SymmetricPolicy.average(net, y, 1, SIZE);
            float[] single = net.output(Nd4j.create(y, new long[] {1, Plane.COUNT, SIZE, SIZE}, 'c'))[0]
                    .reshape(MOVES).toFloatVector();
            float[] singleX = net.output(Nd4j.create(x, new long[] {1, Plane.COUNT, SIZE, SIZE}, 'c'))[0]
                    .reshape(MOVES).toFloatVector();
            for (int k = 0; k < MOVES; k++) {
                assertEquals(p[k], q[s.apply(k, SIZE)], 1e-5, s + " at " + k);
                oneViewGap = Math.max(oneViewGap, Math.abs(singleX[k] - single[s.apply(k, SIZE)]));
            }
        }
        assertTrue(oneViewGap > 1e-3, "one view of an untrained net is not equivariant: " + oneViewGap);
    }

    /** Two positions in one call get the averages each gets alone. */
    @Test
    void positionsInOneBatchAreAveragedIndependently() {
        Net net = SlPolicy.network(new SlPolicy.Config(8, 1, 8, 1e-3, 0, 1, 1, 1, 0, 7), SIZE);
        float[] a = position();
        float[] b = InputPlanes.encode(new GameState(SIZE, Rules.CHINESE, 0.5));
        float[] both = new float[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        float[] p = SymmetricPolicy.average(net, both, 2, SIZE);
        float[] pa = SymmetricPolicy.average(net, a, 1, SIZE);
        float[] pb = SymmetricPolicy.average(net, b, 1, SIZE);
        for (int k = 0; k < MOVES; k++) {
            assertEquals(pa[k], p[k], 1e-5);
            assertEquals(pb[k], p[MOVES + k], 1e-5);
        }
    }
}
