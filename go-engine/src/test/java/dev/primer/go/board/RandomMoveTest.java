package dev.primer.go.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.random.SplitMix64;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the fast playout path (playRandomMove, areaScore) against slow reference definitions. */
class RandomMoveTest {
    /** The moves playRandomMove may choose, by the public rules API: legal (no suicide, simple ko) and not an own eye. */
    private static List<Integer> candidates(Board b, Color c) {
        List<Integer> out = new ArrayList<>();
        for (int p : b.coords().points()) {
            if (b.legality(p, c) == Legality.OK && !b.isEye(p, c)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Tromp-Taylor area by plain breadth-first search over the picture. */
    private static int referenceScore(Board b) {
        Coords coords = b.coords();
        int stride = coords.stride();
        boolean[] seen = new boolean[coords.arraySize()];
        int score = 0;
        for (int p : coords.points()) {
            int c = b.codeAt(p);
            if (c == Stone.BLACK_CODE) {
                score++;
            } else if (c == Stone.WHITE_CODE) {
                score--;
            } else if (!seen[p]) {
                int size = 0;
                int reach = 0;
                ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(p));
                seen[p] = true;
                while (!queue.isEmpty()) {
                    int q = queue.poll();
                    size++;
                    for (int n : new int[] {q - stride, q - 1, q + 1, q + stride}) {
                        int nc = b.codeAt(n);
                        if (nc == Stone.EMPTY_CODE && !seen[n]) {
                            seen[n] = true;
                            queue.add(n);
                        } else if (nc == Stone.BLACK_CODE || nc == Stone.WHITE_CODE) {
                            reach |= nc;
                        }
                    }
                }
                score += reach == Stone.BLACK_CODE ? size : reach == Stone.WHITE_CODE ? -size : 0;
            }
        }
        return score;
    }

    @Test
    void randomMovesAreExactlyTheLegalNonEyeMovesAndScoresMatchTheReference() {
        SplitMix64 rng = new SplitMix64(11);
        for (int size : new int[] {2, 3, 4, 5, 7, 9, 13, 19}) {
            Board b = Board.empty(size);
            for (int game = 0; game < (size <= 9 ? 60 : 6); game++) {
                b.clear();
                int code = Stone.BLACK_CODE;
                int passes = 0;
                for (int move = 0; passes < 2 && move < 3 * size * size; move++) {
                    Color c = code == Stone.BLACK_CODE ? Color.BLACK : Color.WHITE;
                    List<Integer> allowed = candidates(b, c);
                    int p = b.playRandomMove(code, rng);
                    if (p == Coords.PASS) {
                        assertTrue(allowed.isEmpty(), "passed with moves left");
                        passes++;
                    } else {
                        assertTrue(allowed.contains(p), "illegal or eye-filling move " + b.coords().vertex(p));
                        passes = 0;
                    }
                    code = Stone.opponentCode(code);
                }
                assertEquals(referenceScore(b), b.areaScore(), () -> "area score of\n" + b);
                Board copy = b.copy();
                assertEquals(referenceScore(b), copy.areaScore(), "area score of a copy");
            }
        }
    }

    @Test
    void randomMovesAreUniform() {
        Board position = Board.parse(9, """
                .X.O.....
                XX.OO..X.
                ..XO.O...
                OOXXOX...
                .OX.OXX..
                OXX..O.X.
                .O.XX..O.
                ..OXO..X.
                .XO.O....
                """);
        List<Integer> allowed = candidates(position, Color.BLACK);
        int k = allowed.size();
        int draws = 400 * k;
        int[] counts = new int[position.coords().arraySize()];
        Board scratch = new Board(position.coords());
        SplitMix64 rng = new SplitMix64(5);
        for (int i = 0; i < draws; i++) {
            scratch.copyFrom(position);
            counts[scratch.playRandomMove(1, rng)]++;
        }
        double chi2 = 0;
        for (int p : allowed) {
            double d = counts[p] - 400.0;
            chi2 += d * d / 400.0;
        }
        int total = 0;
        for (int p : allowed) {
            total += counts[p];
        }
        assertEquals(draws, total, "only allowed moves are drawn");
        // k - 1 degrees of freedom: mean k - 1, sd sqrt(2(k - 1)); 6 sd is far beyond chance for a fixed seed
        assertTrue(chi2 < k - 1 + 6 * Math.sqrt(2.0 * (k - 1)), "chi-square " + chi2 + " over " + k + " moves");
    }
}
