package dev.primer.go;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.board.Stone;
import org.junit.jupiter.api.Test;

class GameStateTest {
    /** Three kos: Black can take at C8 and C4, White at H8; after six captures the start position returns. */
    private static final String TRIPLE_KO = """
            . X O . . . O X .
            X O . O . O X . X
            . X O . . . O X .
            . . . . . . . . .
            . X O . . . . . .
            X O . O . . . . .
            . X O . . . . . .
            . . . . . . . . .
            . . . . . . . . .
            """;

    private static GameState fromPicture(int size, String picture, Rules rules) {
        GameState g = new GameState(size, rules, 0.5);
        Board b = Board.parse(size, picture);
        for (Stone s : new Stone[] {Stone.BLACK, Stone.WHITE}) {
            int[] points = java.util.Arrays.stream(b.coords().points()).filter(p -> b.stoneAt(p) == s).toArray();
            g.setup(s, points);
        }
        return g;
    }

    private static void play(GameState g, Color c, String vertex) {
        assertEquals(Legality.OK, g.play(c, g.coords().parseVertex(vertex)), c + " " + vertex);
    }

    @Test
    void tripleKoCycleIsForbiddenBySuperkoOnly() {
        for (Rules rules : new Rules[] {Rules.SIMPLE_KO, Rules.CHINESE, new Rules(KoRule.SITUATIONAL, false)}) {
            GameState g = fromPicture(9, TRIPLE_KO, rules);
            long start = g.board().hash();
            play(g, Color.BLACK, "C8");
            play(g, Color.WHITE, "H8");
            play(g, Color.BLACK, "C4");
            play(g, Color.WHITE, "B8");
            play(g, Color.BLACK, "G8");
            int b4 = g.coords().parseVertex("B4");
            if (rules.ko() == KoRule.SIMPLE) {
                assertEquals(Legality.OK, g.play(Color.WHITE, b4));
                assertEquals(start, g.board().hash(), "the cycle returns to the start");
            } else {
                assertEquals(Legality.SUPERKO, g.legality(Color.WHITE, b4), rules.toString());
                assertEquals(Legality.SUPERKO, g.play(Color.WHITE, b4));
                assertEquals(Stone.EMPTY, g.board().stoneAt(b4), "an illegal move changes nothing");
            }
        }
    }

    @Test
    void simpleKoIsReportedAsKoUnderSuperkoToo() {
        GameState g = fromPicture(9, TRIPLE_KO, Rules.CHINESE);
        play(g, Color.BLACK, "C8");
        assertEquals(Legality.KO, g.legality(Color.WHITE, g.coords().parseVertex("B8")));
    }

    @Test
    void suicideUnderEachRuleSet() {
        String picture = """
                . X O . .
                X X O . .
                O O O . .
                . . . . .
                . . . . .
                """;
        int a5 = Coords.of(5).parseVertex("A5");
        assertEquals(Legality.SUICIDE, fromPicture(5, picture, Rules.CHINESE).legality(Color.BLACK, a5));
        assertEquals(Legality.SUICIDE, fromPicture(5, picture, Rules.SIMPLE_KO).legality(Color.BLACK, a5));
        GameState tt = fromPicture(5, picture, Rules.TROMP_TAYLOR);
        assertEquals(Legality.OK, tt.play(Color.BLACK, a5), "multi-stone suicide is legal under Tromp-Taylor");
        assertEquals(4, tt.board().captures(Color.WHITE));

        String single = """
                . O . . .
                O . . . .
                . . . . .
                . . . . .
                . . . . .
                """;
        assertEquals(Legality.SUPERKO, fromPicture(5, single, Rules.TROMP_TAYLOR).legality(Color.BLACK, a5),
                "single-stone suicide repeats the position");
        assertEquals(Legality.OK, fromPicture(5, single, new Rules(KoRule.SITUATIONAL, true)).legality(Color.BLACK, a5),
                "the same board with the other player to move is a new situation");
        assertEquals(Legality.SUICIDE, fromPicture(5, single, Rules.CHINESE).legality(Color.BLACK, a5));
    }

    @Test
    void undoRestoresBoardHashAndPlayer() {
        GameState g = fromPicture(9, TRIPLE_KO, Rules.CHINESE);
        String before = g.board().toString();
        long hash = g.board().hash();
        play(g, Color.BLACK, "C8");
        play(g, Color.WHITE, "E5");
        assertTrue(g.undo());
        assertTrue(g.undo());
        assertFalse(g.undo(), "setup is not undoable");
        assertEquals(before, g.board().toString());
        assertEquals(hash, g.board().hash());
        assertEquals(Color.BLACK, g.toMove());
        play(g, Color.BLACK, "C8");
        assertEquals(Legality.KO, g.legality(Color.WHITE, g.coords().parseVertex("B8")), "ko state is rebuilt too");
    }

    @Test
    void twoPassesEndTheGame() {
        GameState g = new GameState(9, Rules.CHINESE, 7.5);
        play(g, Color.BLACK, "pass");
        assertFalse(g.isOver());
        play(g, Color.WHITE, "pass");
        assertTrue(g.isOver());
    }

    @Test
    void fixedHandicapFollowsTheGtpTable() {
        GameState g = new GameState(19, Rules.CHINESE, 0.5);
        int[] points = g.placeFixedHandicap(5);
        Coords c = g.coords();
        assertArrayEquals(new int[] {c.parseVertex("D4"), c.parseVertex("Q16"), c.parseVertex("D16"),
                c.parseVertex("Q4"), c.parseVertex("K10")}, points);
        assertEquals(Color.WHITE, g.toMove());
        assertEquals(5, g.handicap());
        assertArrayEquals(new int[] {Coords.of(9).parseVertex("C3"), Coords.of(9).parseVertex("G7")},
                Handicap.fixed(Coords.of(9), 2));
        assertThrows(IllegalArgumentException.class, () -> Handicap.fixed(Coords.of(7), 5));
        assertThrows(IllegalStateException.class, () -> g.placeFixedHandicap(2), "board not empty");
    }
}
