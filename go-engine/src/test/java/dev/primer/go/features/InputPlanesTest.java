package dev.primer.go.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.board.Stone;
import dev.primer.random.SplitMix64;
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

    private static GameState fromPicture(int size, String picture, Rules rules, Color toMove) {
        Board b = Board.parse(size, picture);
        GameState g = new GameState(size, rules, 7.5);
        for (Stone s : new Stone[] {Stone.BLACK, Stone.WHITE}) {
            g.setup(s, java.util.Arrays.stream(b.coords().points()).filter(p -> b.stoneAt(p) == s).toArray());
        }
        g.setToMove(toMove);
        return g;
    }

    @Test
    void suicideUnderTrompTaylorCapturesNothingAndCountsAsLosingItsChain() {
        String picture = """
                . X O .
                X X O .
                O O O .
                . . . .
                """;
        GameState tt = fromPicture(4, picture, Rules.TROMP_TAYLOR, Color.BLACK);
        Coords c = tt.coords();
        float[] planes = InputPlanes.encode(tt);
        assertEquals(1f, at(planes, Plane.LEGAL, c, "A4"), "suicide is legal under Tromp-Taylor");
        assertEquals(0f, at(planes, Plane.CAPTURE_SIZE, c, "A4"), "a suicide captures no opponent stones");
        assertEquals(4f / 8, at(planes, Plane.SELF_ATARI_SIZE, c, "A4"), "it removes the mover's four stones");
        // the same point is an ordinary capture of four for White
        tt.setToMove(Color.WHITE);
        float[] white = InputPlanes.encode(tt);
        assertEquals(3f / 8, at(white, Plane.CAPTURE_SIZE, c, "A4"));
        assertEquals(0f, at(white, Plane.SELF_ATARI_SIZE, c, "A4"));
        // forbidden under Chinese rules: nothing but EMPTY at that point
        float[] chinese = InputPlanes.encode(fromPicture(4, picture, Rules.CHINESE, Color.BLACK));
        assertEquals(0f, at(chinese, Plane.LEGAL, c, "A4"));
        assertEquals(0f, at(chinese, Plane.CAPTURE_SIZE, c, "A4"));
        assertEquals(0f, at(chinese, Plane.SELF_ATARI_SIZE, c, "A4"));
    }

    /** The planes as the straightforward definition gives them: play every legal move on a copy and look. */
    private static float[] reference(GameState g) {
        Coords c = g.coords();
        int area = c.area();
        float[] out = new float[Plane.COUNT * area];
        InputPlanes.encode(g, out);
        Board scratch = new Board(c);
        for (int p : c.points()) {
            int i = c.index(p);
            out[Plane.CAPTURE_SIZE.ordinal() * area + i] = 0;
            out[Plane.SELF_ATARI_SIZE.ordinal() * area + i] = 0;
            if (g.board().stoneAt(p) != Stone.EMPTY || !g.legality(g.toMove(), p).isLegal()) {
                continue;
            }
            scratch.copyFrom(g.board());
            scratch.play(p, g.toMove());
            boolean suicide = scratch.stoneAt(p) == Stone.EMPTY;
            int captured = suicide ? 0 : scratch.lastCaptures();
            int atari = suicide ? scratch.lastCaptures() : scratch.liberties(p) == 1 ? scratch.chainSize(p) : 0;
            out[Plane.CAPTURE_SIZE.ordinal() * area + i] = Math.min(captured, 8) / 8f;
            out[Plane.SELF_ATARI_SIZE.ordinal() * area + i] = Math.min(atari, 8) / 8f;
        }
        return out;
    }

    @Test
    void reusedEncoderMatchesPlayingEachMoveOutAcrossSizesAndRules() {
        SplitMix64 rng = new SplitMix64(3);
        InputPlanes encoder = new InputPlanes();
        int nonZeroCaptures = 0;
        int nonZeroAtari = 0;
        for (Rules rules : new Rules[] {Rules.TROMP_TAYLOR, Rules.CHINESE, Rules.SIMPLE_KO}) {
            for (int size : new int[] {5, 9, 7}) {
                GameState g = new GameState(size, rules, 7.5);
                for (int move = 0; move < 2 * size * size; move++) {
                    float[] expected = reference(g);
                    float[] got = new float[expected.length];
                    java.util.Arrays.fill(got, 0.25f);
                    encoder.encodeInto(g, got);
                    assertArrayEquals(expected, got, rules + " " + size + "x" + size + " move " + move);
                    for (int i = 0; i < g.coords().area(); i++) {
                        nonZeroCaptures += got[Plane.CAPTURE_SIZE.ordinal() * g.coords().area() + i] > 0 ? 1 : 0;
                        nonZeroAtari += got[Plane.SELF_ATARI_SIZE.ordinal() * g.coords().area() + i] > 0 ? 1 : 0;
                    }
                    Board b = g.board();
                    int p = Coords.PASS;
                    for (int tries = 0; tries < 20 && b.emptyCount() > 0; tries++) {
                        int q = b.emptyPoint(rng.nextIntMultiplyShift(b.emptyCount()));
                        if (g.legality(g.toMove(), q) == Legality.OK && !b.isEye(q, g.toMove())) {
                            p = q;
                            break;
                        }
                    }
                    g.play(g.toMove(), p);
                }
            }
        }
        assertTrue(nonZeroCaptures > 50 && nonZeroAtari > 50, nonZeroCaptures + " captures, " + nonZeroAtari + " atari");
    }
}
