package dev.primer.go.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Stone;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeadStonesTest {
    /** Black's eight stones and White's two inside share B1 and C1; whoever fills one is captured. */
    private static final String SEKI = """
            O . O O . O
            O O O O O O
            O O O O O O
            X X X X O .
            X O O X O O
            X . . X O .
            """;

    private static GameState game(String picture, Color toMove) {
        Board b = Board.parse(6, picture);
        GameState g = new GameState(6, Rules.CHINESE, 0.5);
        for (Stone s : new Stone[] {Stone.BLACK, Stone.WHITE}) {
            g.setup(s, Arrays.stream(b.coords().points()).filter(p -> b.stoneAt(p) == s).toArray());
        }
        g.setToMove(toMove);
        return g;
    }

    private static int[] vertices(GameState g, String... vertices) {
        return Arrays.stream(vertices).mapToInt(v -> g.coords().parseVertex(v)).sorted().toArray();
    }

    @Test
    void findsMutualLifeAndKeepsItOutOfTheDeadStones() {
        for (Color toMove : Color.values()) {
            GameState g = game(SEKI, toMove);
            int[] seki = DeadStones.seki(g);
            Arrays.sort(seki);
            assertArrayEquals(vertices(g, "A3", "B3", "C3", "D3", "A2", "D2", "A1", "D1", "B2", "C2"), seki);
            // playouts alone kill whichever side fills a shared liberty first
            assertArrayEquals(new int[0], DeadStones.estimate(g, 200, 1), "nothing is dead in a seki");
            Score s = DeadStones.scoreWithout(g, DeadStones.estimate(g, 200, 1));
            assertEquals(8, s.blackArea());
            assertEquals(36 - 8 - 2, s.whiteArea());
        }
    }

    @Test
    void aCapturingRaceWithAnOutsideLibertyIsNoSeki() {
        String race = SEKI.replace("X . . X O .", "X . . X . .");
        GameState g = game(race, Color.BLACK);
        assertArrayEquals(new int[0], DeadStones.seki(g));
    }

    @Test
    void deadStonesInsideTerritoryAreNoSeki() {
        GameState g = game("""
                . . X O . .
                O . X O . .
                . . X O . .
                . . X O . .
                . . X O . X
                . . X O . .
                """, Color.BLACK);
        assertArrayEquals(new int[0], DeadStones.seki(g));
        assertArrayEquals(vertices(g, "A5", "F2"), Arrays.stream(DeadStones.estimate(g, 300, 1)).sorted().toArray());
    }
}
