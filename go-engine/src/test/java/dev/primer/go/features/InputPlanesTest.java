package dev.primer.go.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Stone;
import org.junit.jupiter.api.Test;

class InputPlanesTest {
    private static float at(float[] planes, Plane plane, Coords c, String vertex) {
        return planes[plane.ordinal() * c.area() + c.index(c.parseVertex(vertex))];
    }

    @Test
    void encodesStonesLibertiesCapturesSelfAtariKoAndHistory() {
        Board picture = Board.parse(5, """
                . X O . .
                X O . O .
                . X O . .
                . . . . .
                . . . . .
                """);
        GameState g = new GameState(5, Rules.CHINESE, 7.5);
        for (Stone s : new Stone[] {Stone.BLACK, Stone.WHITE}) {
            g.setup(s, java.util.Arrays.stream(picture.coords().points()).filter(p -> picture.stoneAt(p) == s).toArray());
        }
        Coords c = g.coords();
        g.play(Color.BLACK, c.parseVertex("C4"));
        float[] planes = InputPlanes.encode(g);
        assertEquals(Plane.COUNT * 25, planes.length);
        // White to move: white stones are "own".
        assertEquals(1f, at(planes, Plane.OWN_STONE, c, "C5"));
        assertEquals(1f, at(planes, Plane.OPPONENT_STONE, c, "C4"));
        assertEquals(1f, at(planes, Plane.EMPTY, c, "E1"));
        assertEquals(1f, at(planes, Plane.LIBERTIES_1, c, "C4"), "the ko stone has one liberty");
        assertEquals(1f, at(planes, Plane.LIBERTIES_3, c, "A4"), "A5, A3 and the emptied B4");
        assertEquals(1f, at(planes, Plane.LIBERTIES_2, c, "C3"));
        assertEquals(1f, at(planes, Plane.LIBERTIES_1, c, "C5"));
        assertEquals(1f, at(planes, Plane.KO, c, "B4"));
        assertEquals(0f, at(planes, Plane.LEGAL, c, "B4"));
        assertEquals(1f, at(planes, Plane.LEGAL, c, "E1"));
        assertEquals(1f, at(planes, Plane.MOVE_1_AGO, c, "C4"));
        assertEquals(0f, at(planes, Plane.BLACK_TO_MOVE, c, "E1"));
        assertEquals(1f, at(planes, Plane.ON_BOARD, c, "E1"));
        // Black to move after a white tenuki: retaking at B4 captures one stone and is self-atari of one stone.
        g.play(Color.WHITE, c.parseVertex("E1"));
        g.play(Color.BLACK, c.parseVertex("E2"));
        float[] again = InputPlanes.encode(g);
        assertEquals(1f / 8, at(again, Plane.CAPTURE_SIZE, c, "B4"));
        assertEquals(1f / 8, at(again, Plane.SELF_ATARI_SIZE, c, "B4"));
        assertEquals(1f, at(again, Plane.MOVE_3_AGO, c, "C4"));
    }
}
