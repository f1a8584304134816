package dev.primer.go.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.random.SplitMix64;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BoardTest {
    private static int at(Board b, String vertex) {
        return b.coords().parseVertex(vertex);
    }

    private static String strip(String picture) {
        return picture.strip().replace(" ", "") + "\n";
    }

    @Test
    void parseAndPrintRoundTrip() {
        String picture = """
                X . O . .
                . X O . .
                . . . . .
                . . . O X
                O . . . X
                """;
        Board b = Board.parse(5, picture);
        assertEquals(strip(picture), b.toString());
        assertEquals(Stone.BLACK, b.stoneAt(at(b, "A5")));
        assertEquals(Stone.WHITE, b.stoneAt(at(b, "C5")));
        assertEquals(Stone.BLACK, b.stoneAt(at(b, "E1")));
    }

    @Test
    void libertiesOnEdgesAndCorners() {
        Board b = Board.parse(5, """
                X . . . O
                . . . . .
                . . X X .
                . . . . .
                X X . . .
                """);
        assertEquals(2, b.liberties(at(b, "A5")));
        assertEquals(2, b.liberties(at(b, "E5")));
        assertEquals(6, b.liberties(at(b, "C3")));
        assertEquals(3, b.liberties(at(b, "A1")));
        assertEquals(2, b.chainSize(at(b, "B1")));
    }

    @Test
    void libertiesListsEachDistinctLibertyOnceUpToMax() {
        Board b = Board.parse(5, """
                . . . . .
                . X X . .
                . X . X .
                . X X X .
                . . . . .
                """);
        int[] out = new int[16];
        int n = b.liberties(at(b, "B4"), out, out.length);
        assertEquals(b.liberties(at(b, "B4")), n);
        Set<String> found = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            assertTrue(found.add(b.coords().vertex(out[i])), "listed twice: " + b.coords().vertex(out[i]));
        }
        assertEquals(Set.of("B5", "C5", "A4", "D4", "A3", "C3", "E3", "A2", "E2", "B1", "C1", "D1"), found);
        assertEquals(2, b.liberties(at(b, "D2"), out, 2), "stops at max");
        assertTrue(found.contains(b.coords().vertex(out[0])) && found.contains(b.coords().vertex(out[1])));
    }

    @Test
    void stoneCodesAreTheOrdinalsAndOpponentSwapsColours() {
        for (Stone s : Stone.values()) {
            assertEquals(s, Stone.of(s.code()));
        }
        assertEquals(Stone.EMPTY_CODE, Stone.EMPTY.ordinal());
        assertEquals(Stone.BLACK_CODE, Color.BLACK.code());
        assertEquals(Stone.WHITE_CODE, Color.WHITE.code());
        assertEquals(Stone.WALL_CODE, Stone.WALL.ordinal());
        assertEquals(Stone.WHITE_CODE, Stone.opponentCode(Stone.BLACK_CODE));
        assertEquals(Stone.BLACK_CODE, Stone.opponentCode(Stone.WHITE_CODE));
        Board b = Board.parse(2, "X.\n.O");
        assertTrue(b.isEmpty(at(b, "B2")));
        assertFalse(b.isEmpty(at(b, "A2")));
        assertFalse(b.isEmpty(Coords.PASS), "a wall is not empty");
    }

    @Test
    void capturesInCentreAndCorner() {
        Board b = Board.parse(5, """
                O X . . .
                . . . . .
                . . X . .
                . X O X .
                . . . . .
                """);
        b.play(at(b, "C1"), Color.BLACK);
        assertEquals(1, b.lastCaptures());
        b.play(at(b, "E5"), Color.WHITE);
        assertEquals(0, b.lastCaptures());
        b.play(at(b, "A4"), Color.BLACK);
        assertEquals(1, b.lastCaptures());
        assertEquals(Coords.NONE, b.koPoint(), "the capturing stone has two liberties: no ko");
        assertEquals(strip("""
                . X . . O
                X . . . .
                . . X . .
                . X . X .
                . . X . .
                """), b.toString());
        assertEquals(2, b.captures(Color.BLACK));
        assertEquals(0, b.captures(Color.WHITE));
    }

    @Test
    void cornerStoneCapturedByTwo() {
        Board b = Board.parse(3, """
                O X .
                . . .
                . . .
                """);
        b.play(at(b, "A2"), Color.BLACK);
        assertEquals(Stone.EMPTY, b.stoneAt(at(b, "A3")));
        assertEquals(1, b.captures(Color.BLACK));
    }

    @Test
    void snapback() {
        Board b = Board.parse(5, """
                . . . . .
                . . . . .
                X X X X .
                O O O X .
                . . O X .
                """);
        int b1 = at(b, "B1");
        assertEquals(Legality.OK, b.legality(b1, Color.BLACK), "the throw-in is legal self-atari");
        b.play(b1, Color.BLACK);
        b.play(at(b, "A1"), Color.WHITE);
        assertEquals(1, b.lastCaptures());
        assertEquals(Coords.NONE, b.koPoint(), "the capturing stone joined a chain: no ko");
        assertEquals(Legality.OK, b.legality(b1, Color.BLACK));
        b.play(b1, Color.BLACK);
        assertEquals(5, b.lastCaptures());
        assertEquals(strip("""
                . . . . .
                . . . . .
                X X X X .
                . . . X .
                . X . X .
                """), b.toString());
    }

    @Test
    void simpleKoForbidsImmediateRecaptureOnly() {
        Board b = Board.parse(5, """
                . X O . .
                X O . O .
                . X O . .
                . . . . .
                . . . . .
                """);
        int c4 = at(b, "C4");
        int b4 = at(b, "B4");
        b.play(c4, Color.BLACK);
        assertEquals(1, b.lastCaptures());
        assertEquals(b4, b.koPoint());
        assertEquals(Legality.KO, b.legality(b4, Color.WHITE));
        assertEquals(Legality.OK, b.legality(b4, Color.BLACK), "the capturer may fill the ko");
        b.play(at(b, "E1"), Color.WHITE);
        b.play(at(b, "D1"), Color.BLACK);
        assertEquals(Legality.OK, b.legality(b4, Color.WHITE));
        b.play(b4, Color.WHITE);
        assertEquals(c4, b.koPoint());
        assertEquals(Legality.KO, b.legality(c4, Color.BLACK));
    }

    @Test
    void passClearsKo() {
        Board b = Board.parse(5, """
                . X O . .
                X O . O .
                . X O . .
                . . . . .
                . . . . .
                """);
        int b4 = at(b, "B4");
        b.play(at(b, "C4"), Color.BLACK);
        assertEquals(b4, b.koPoint(), "the capture made a ko");
        assertEquals(Legality.KO, b.legality(b4, Color.WHITE));
        b.play(Coords.PASS, Color.WHITE);
        assertEquals(Coords.NONE, b.koPoint());
        assertEquals(Legality.OK, b.legality(b4, Color.WHITE), "the recapture is legal after the pass");
    }

    @Test
    void suicideIsReportedAndMultiStoneSuicideRemovesOwnChain() {
        Board b = Board.parse(4, """
                . X O .
                X X O .
                O O O .
                . . . .
                """);
        int a4 = at(b, "A4");
        assertEquals(Legality.OK, b.legality(a4, Color.WHITE), "White captures three stones");
        assertEquals(Legality.SUICIDE, b.legality(a4, Color.BLACK), "filling the last liberty of its own chain");
        assertEquals(Legality.OK, b.legality(a4, Color.BLACK, true));
        b.play(a4, Color.BLACK);
        assertEquals(4, b.lastCaptures());
        assertEquals(4, b.captures(Color.WHITE));
        assertEquals(strip("""
                . . O .
                . . O .
                O O O .
                . . . .
                """), b.toString());
    }

    @Test
    void captureIsNotSuicide() {
        Board b = Board.parse(3, """
                . O X
                O X .
                X . .
                """);
        assertEquals(Legality.OK, b.legality(at(b, "A3"), Color.BLACK));
        b.play(at(b, "A3"), Color.BLACK);
        assertEquals(2, b.lastCaptures());
    }

    @Test
    void eyeTest() {
        Board b = Board.parse(5, """
                . X . X .
                X X X X X
                X . X O X
                X X X X X
                . . . . .
                """);
        assertTrue(b.isEye(at(b, "A5"), Color.BLACK), "corner eye");
        assertTrue(b.isEye(at(b, "C5"), Color.BLACK), "edge eye");
        assertTrue(b.isEye(at(b, "B3"), Color.BLACK), "centre eye");
        assertFalse(b.isEye(at(b, "C5"), Color.WHITE));
        assertFalse(b.isEye(at(b, "A1"), Color.BLACK));
        Board falseEye = Board.parse(5, """
                . . . . .
                . O X O .
                . X . X .
                . O X X .
                . . . . .
                """);
        assertFalse(falseEye.isEye(at(falseEye, "C3"), Color.BLACK), "three enemy diagonals");
        Board oneDiagonal = Board.parse(5, """
                . . . . .
                . O X X .
                . X . X .
                . X X X .
                . . . . .
                """);
        assertTrue(oneDiagonal.isEye(at(oneDiagonal, "C3"), Color.BLACK), "one enemy diagonal in the centre");
        Board edge = Board.parse(5, """
                X . X O .
                O X X . .
                . . . . .
                . . . . .
                . . . . .
                """);
        assertFalse(edge.isEye(at(edge, "B5"), Color.BLACK), "one enemy diagonal on the edge");
    }

    @Test
    void trompTaylorAreaCountsRegionsReachingOneColourOnly() {
        Board b = Board.parse(5, """
                . X O . .
                . X O . .
                X X O O O
                . . X O .
                . . X O .
                """);
        // black: 6 stones + A5 A4 (2) + A2 A1 B2 B1 (4) = 12; white: 7 stones + D5 E5 D4 E4 (4) + E2 E1 (2) = 13
        assertEquals(12 - 13, b.areaScore());
        byte[] owner = new byte[b.coords().arraySize()];
        b.areaOwners(owner);
        assertEquals(Stone.BLACK_CODE, owner[at(b, "A1")]);
        assertEquals(Stone.WHITE_CODE, owner[at(b, "E5")]);
    }

    @Test
    void sekiStonesCountAsAliveAndSharedLibertiesForNobody() {
        // Inner black chain E7-E5 and inner white chain C7-C5,D5 share only the liberties D7 and D6:
        // whoever fills one is captured, so neither does (seki).
        Board b = Board.parse(7, """
                . X O . X O .
                X X O . X O O
                . X O O X O .
                X X X X O O O
                X X X X O O O
                X X X X O O O
                X X X X O O O
                """);
        int e7 = at(b, "E7");
        int c7 = at(b, "C7");
        assertEquals(2, b.liberties(e7));
        assertEquals(2, b.liberties(c7));
        Board afterBlack = b.copy();
        afterBlack.play(at(b, "D7"), Color.BLACK);
        assertEquals(1, afterBlack.liberties(e7), "filling a shared liberty is self-atari");
        byte[] owner = new byte[b.coords().arraySize()];
        b.areaOwners(owner);
        assertEquals(Stone.EMPTY_CODE, owner[at(b, "D7")]);
        assertEquals(Stone.EMPTY_CODE, owner[at(b, "D6")]);
        assertEquals(Stone.BLACK_CODE, owner[at(b, "A7")]);
        assertEquals(Stone.WHITE_CODE, owner[at(b, "G5")]);
        // black 23 stones + 2 eyes, white 20 stones + 2 eyes, 2 dame
        assertEquals(25 - 22, b.areaScore());
    }

    @Test
    void incrementalChainsAndHashMatchARebuildAfterRandomGames() {
        SplitMix64 rng = new SplitMix64(7);
        for (int size : new int[] {2, 3, 5, 9, 19, 25}) {
            Board b = Board.empty(size);
            for (int game = 0; game < 20; game++) {
                b.clear();
                int code = Stone.BLACK_CODE;
                for (int move = 0; move < 3 * size * size; move++) {
                    b.playRandomMove(code, rng);
                    code = Stone.opponentCode(code);
                    if (move % 7 == 0) {
                        assertSameStructure(Board.parse(size, b.toString()), b);
                    }
                }
                assertSameStructure(Board.parse(size, b.toString()), b);
            }
        }
    }

    private static void assertSameStructure(Board expected, Board actual) {
        assertEquals(expected.hash(), actual.hash(), "hash");
        assertEquals(expected.emptyCount(), actual.emptyCount(), "empty count");
        for (int p : actual.coords().points()) {
            if (actual.stoneAt(p) == Stone.EMPTY || actual.stoneAt(p) == Stone.WALL) {
                continue;
            }
            assertEquals(expected.chainSize(p), actual.chainSize(p), "chain size");
            assertEquals(expected.pseudoLiberties(p), actual.pseudoLiberties(p), "pseudo-liberties");
            assertEquals(expected.liberties(p), actual.liberties(p), "liberties");
            assertTrue(actual.liberties(p) > 0, "no chain without liberties");
        }
    }

    @Test
    void rejectsBadPictures() {
        assertThrows(IllegalArgumentException.class, () -> Board.parse(3, "...\n..."));
        assertThrows(IllegalArgumentException.class, () -> Board.parse(3, "...\n.Z.\n..."));
    }

    @Test
    void fullBoardPlayoutEndsWithTwoPassesAndOnlyEyesLeft() {
        Board b = Board.empty(9);
        SplitMix64 rng = new SplitMix64(3);
        int moves = Playout.run(b, Color.BLACK, rng);
        assertTrue(moves < Playout.defaultMaxMoves(b.coords()));
        for (int i = 0; i < b.emptyCount(); i++) {
            int p = b.emptyPoint(i);
            assertTrue(b.isEye(p, Color.BLACK) || b.isEye(p, Color.WHITE)
                    || !b.isLegalFast(p, 1) && !b.isLegalFast(p, 2), "a playout ends when no move is left");
        }
    }

    @Test
    void setupChecksEveryPointBeforeWritingAny() {
        Board b = Board.parse(5, """
                . X O . .
                . X O . .
                . . . . .
                . . . . .
                . . . . .
                """);
        Board before = b.copy();
        int offBoard = b.coords().arraySize() + 7;
        // the first point is fine, the second is not: nothing may be written
        assertThrows(IllegalArgumentException.class, () -> b.setup(Stone.WHITE, at(b, "A1"), offBoard, at(b, "E5")));
        assertThrows(IllegalArgumentException.class, () -> b.setup(Stone.WHITE, at(b, "A1"), -1));
        assertThrows(IllegalArgumentException.class, () -> b.setup(Stone.WALL, at(b, "A1")));
        assertEquals(before.toString(), b.toString());
        assertSameStructure(before, b);
        assertEquals(before.hash(), b.hash());
        b.setup(Stone.WHITE, at(b, "A1"), at(b, "B1"));
        b.setup(Stone.EMPTY, at(b, "B5"));
        assertSameStructure(Board.parse(5, b.toString()), b);
        assertEquals(Stone.WHITE, b.stoneAt(at(b, "B1")));
        assertEquals(Stone.EMPTY, b.stoneAt(at(b, "B5")));
    }

    @Test
    void hashAfterMatchesPlayingTheMoveIncludingCapturesAndSuicide() {
        SplitMix64 rng = new SplitMix64(11);
        Board scratch;
        int checked = 0;
        int suicides = 0;
        int captures = 0;
        for (int size : new int[] {2, 3, 5, 9}) {
            Board b = Board.empty(size);
            scratch = Board.empty(size);
            for (int game = 0; game < 10; game++) {
                b.clear();
                int code = Stone.BLACK_CODE;
                for (int move = 0; move < 3 * size * size; move++) {
                    for (int p : b.coords().points()) {
                        if (!b.isEmpty(p)) {
                            continue;
                        }
                        for (int c = Stone.BLACK_CODE; c <= Stone.WHITE_CODE; c++) {
                            scratch.copyFrom(b);
                            scratch.playFast(p, c);
                            assertEquals(scratch.hash(), b.hashAfter(p, c), "move " + p + " by " + c + " on\n" + b);
                            checked++;
                            if (scratch.isEmpty(p)) {
                                suicides++;
                            } else if (scratch.lastCaptures() > 0) {
                                captures++;
                            }
                        }
                    }
                    // random games allowing suicide now and then, so boards with suicide points arise
                    int p = b.emptyCount() == 0 ? Coords.PASS : b.emptyPoint(rng.nextIntMultiplyShift(b.emptyCount()));
                    if (p != Coords.PASS && (b.isLegalFast(p, code) || rng.nextIntMultiplyShift(4) == 0)
                            && p != b.koPoint()) {
                        b.playFast(p, code);
                    } else {
                        b.playRandomMove(code, rng);
                    }
                    code = Stone.opponentCode(code);
                }
            }
        }
        assertTrue(suicides > 100 && captures > 100, checked + " checked, " + suicides + " suicides, " + captures
                + " captures");
    }
}
