package dev.primer.go.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Stone;
import dev.primer.random.SplitMix64;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SymmetryTest {
    @Test
    void theEightSymmetriesFormAGroup() {
        int size = 7;
        Set<Symmetry> images = EnumSet.noneOf(Symmetry.class);
        for (Symmetry a : Symmetry.values()) {
            assertEquals(Symmetry.IDENTITY, a.compose(a.inverse()));
            assertEquals(Symmetry.IDENTITY, a.inverse().compose(a));
            for (Symmetry b : Symmetry.values()) {
                Symmetry ab = a.compose(b);
                for (int i = 0; i <= size * size; i++) {
                    assertEquals(b.apply(a.apply(i, size), size), ab.apply(i, size), a + " then " + b);
                }
                for (Symmetry c : Symmetry.values()) {
                    assertEquals(ab.compose(c), a.compose(b.compose(c)), "associativity");
                }
            }
            boolean[] hit = new boolean[size * size + 1];
            for (int i = 0; i <= size * size; i++) {
                hit[a.apply(i, size)] = true;
            }
            for (boolean h : hit) {
                assertTrue(h, a + " is a bijection");
            }
            images.add(a.compose(Symmetry.ROTATE_90));
        }
        assertEquals(8, images.size(), "composition with a fixed element permutes the group");
        assertEquals(Symmetry.ROTATE_180, Symmetry.ROTATE_90.compose(Symmetry.ROTATE_90));
    }

    @Test
    void symmetriesMapLegalMovesToLegalMovesAndPlanesToPlanes() {
        int size = 9;
        GameState g = randomGame(size, 60, 11);
        float[] planes = InputPlanes.encode(g);
        for (Symmetry s : Symmetry.values()) {
            GameState t = transformed(g, s);
            float[] expected = InputPlanes.encode(t);
            assertArrayEquals(expected, s.transform(planes, Plane.COUNT, size), s.toString());
            Coords c = g.coords();
            for (int p : c.points()) {
                int q = c.pointOfIndex(s.apply(c.index(p), size));
                assertEquals(g.legality(g.toMove(), p).isLegal(), t.legality(t.toMove(), q).isLegal(), s + " at " + c.vertex(p));
            }
        }
    }

    private static GameState randomGame(int size, int moves, long seed) {
        GameState g = new GameState(size, Rules.CHINESE, 7.5);
        SplitMix64 rng = new SplitMix64(seed);
        int[] points = g.coords().points();
        for (int m = 0; m < moves; m++) {
            int p = points[rng.nextIntMultiplyShift(points.length)];
            if (g.board().stoneAt(p) == Stone.EMPTY && g.legality(g.toMove(), p).isLegal()) {
                g.play(g.toMove(), p);
            }
        }
        return g;
    }

    /** Replays g's moves mapped by s, so history planes map too. */
    private static GameState transformed(GameState g, Symmetry s) {
        GameState t = new GameState(g.coords().size(), g.rules(), g.komi());
        Coords c = g.coords();
        g.moves().forEach(m -> t.play(m.color(), m.isPass() ? Coords.PASS
                : c.pointOfIndex(s.apply(c.index(m.point()), c.size()))));
        assertEquals(g.toMove(), t.toMove());
        return t;
    }
}
