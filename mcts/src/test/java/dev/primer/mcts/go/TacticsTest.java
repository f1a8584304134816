package dev.primer.mcts.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.board.Board;
import dev.primer.go.board.Coords;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TacticsTest {
    private static final int BLACK = 1;
    private static final int WHITE = 2;

    private static int at(Board b, String vertex) {
        return b.coords().parseVertex(vertex);
    }

    @Test
    void findsTheLibertyOfAChainInAtari() {
        Board b = Board.parse(5, """
                . . . . .
                . O O . .
                . X X O .
                . O O . .
                . X X . .
                """);
        Tactics t = new Tactics(b.coords());
        assertEquals(at(b, "A3"), t.atariLiberty(b, at(b, "C3")));
        assertEquals(Coords.NONE, t.atariLiberty(b, at(b, "B1")), "the lower pair has three liberties");
    }

    @Test
    void selfAtariIsRecognisedUnlessTheMoveCaptures() {
        Board b = Board.parse(5, """
                . O . . .
                O . . . .
                . O . . .
                . . . . .
                . . . . .
                """);
        Tactics t = new Tactics(b.coords());
        assertTrue(t.isSelfAtari(b, at(b, "B4"), BLACK), "B4 would keep only C4");
        assertFalse(t.isSelfAtari(b, at(b, "D3"), BLACK));
        assertFalse(t.isSelfAtari(b, at(b, "B4"), WHITE), "white connects three stones");
        Board capture = Board.parse(5, """
                . . . . .
                . . . . .
                . . . . .
                X O . . .
                . X O . .
                """);
        assertTrue(t.captures(capture, at(capture, "A1"), WHITE), "A1 captures B1");
        assertFalse(t.isSelfAtari(capture, at(capture, "A1"), WHITE));
    }

    @Test
    void escapesAreTheCaptureOfAnAttackerAndTheSafeExtension() {
        Board b = Board.parse(6, """
                . . . . . .
                . . O O . .
                . O X . O .
                . X O X . .
                . . . . . .
                . . . . . .
                """);
        Tactics t = new Tactics(b.coords());
        int[] out = new int[8];
        int[] found = Arrays.copyOf(out, t.escapes(b, at(b, "C4"), out, 0));
        Arrays.sort(found);
        int[] expected = {at(b, "D4"), at(b, "C2")};
        Arrays.sort(expected);
        assertEquals(Arrays.toString(expected), Arrays.toString(found), "capture C3 at C2, or extend to D4 and join D3");
    }

    @Test
    void mogoPatternsMatchAHaneAndNotEmptySpace() {
        Board b = Board.parse(5, """
                . . . . .
                . X O X .
                . . . . .
                . . . . .
                . . . . .
                """);
        assertTrue(Pattern3x3.isMogo(b, at(b, "C3")), "enclosing hane under X O X");
        assertFalse(Pattern3x3.isMogo(b, at(b, "C1")));
    }

    @Test
    void aRelativeCodeIsTheSameForEitherColourInTheMirroredPosition() {
        Board b = Board.parse(5, """
                . . . . .
                . X O X .
                . . . O .
                . . . . .
                . . . . .
                """);
        Board swapped = Board.parse(5, """
                . . . . .
                . O X O .
                . . . X .
                . . . . .
                . . . . .
                """);
        int p = at(b, "C3");
        assertEquals(Pattern3x3.code(b, p), Pattern3x3.relativeCode(b, p, BLACK), "Black sees the board as it is");
        assertEquals(Pattern3x3.relativeCode(b, p, BLACK), Pattern3x3.relativeCode(swapped, p, WHITE));
        assertFalse(Pattern3x3.relativeCode(b, p, WHITE) == Pattern3x3.relativeCode(b, p, BLACK));
        int edge = at(b, "A1");
        assertEquals(Pattern3x3.code(b, edge), Pattern3x3.relativeCode(b, edge, WHITE), "walls and empty points stay");
    }
}
