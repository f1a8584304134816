package dev.primer.rl.alphago;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Stone;
import dev.primer.go.features.InputPlanes;
import dev.primer.go.features.Plane;
import dev.primer.mcts.go.GoState;
import dev.primer.nn.Net;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfPlayTest {
    static final Net TINY = SlPolicy.network(new SlPolicy.Config(8, 1, 8, 1e-3, 0, 1, 1, 1, 0, 5), 5);

    @Test
    void gamesSideBySidePlayEveryMoveOnceToTwoPassesAndScoreThem() {
        int games = 6;
        int[] seen = new int[games];
        int[][] last = new int[games][2];
        List<String> problems = new ArrayList<>();
        InputPlanes encoder = new InputPlanes();
        float[] expected = new float[Plane.COUNT * 25];
        float[] black = SelfPlay.play(games, 5, 0.5, (g, move) -> move == 3 ? null : TINY,
                (g, move, state, planes, action) -> {
                    if (move != seen[g]++) {
                        problems.add("game " + g + " skipped to move " + move);
                    }
                    if (move == 3) {
                        assertNull(planes, "the random move needs no planes");
                    } else {
                        assertNotNull(planes);
                        encoder.encodeInto(state.board(), state.color(), state::recentMove, expected);
                        assertArrayEquals(expected, planes, "game " + g + " move " + move);
                    }
                    int[] legal = new int[26];
                    int n = SelfPlay.candidates(state, legal);
                    boolean ok = false;
                    for (int k = 0; k < n; k++) {
                        ok |= legal[k] == action;
                    }
                    assertTrue(ok, "move " + action + " is a candidate");
                    last[g][0] = last[g][1];
                    last[g][1] = action;
                }, new SplitMix64(3));
        assertTrue(problems.isEmpty(), problems.toString());
        for (int g = 0; g < games; g++) {
            assertTrue(last[g][0] == 25 && last[g][1] == 25 || seen[g] == new GoState(5, 0.5).maxMoves(),
                    "game " + g + " ended by two passes or the move limit: " + seen[g] + " moves");
            assertTrue(black[g] == 0 || black[g] == 1, "komi 0.5 leaves no jigo: " + black[g]);
        }
    }

    @Test
    void candidatesEndWithPassAndSamplingFollowsTheWeights() {
        GoState s = new GoState(5, 0.5);
        int[] out = new int[26];
        int n = SelfPlay.candidates(s, out);
        assertEquals(26, n, "every point of the empty board, then pass");
        assertEquals(25, out[25]);
        float[] p = new float[26];
        p[7] = 3;
        p[12] = 1;
        p[25] = 4;
        SplitMix64 rng = new SplitMix64(1);
        int[] counts = new int[26];
        for (int i = 0; i < 8000; i++) {
            int a = SelfPlay.sample(p, 0, out, n, rng);
            assertTrue(a == 7 || a == 12 || a == 25, "only weighted candidates: " + a);
            counts[a]++;
        }
        // binomial(8000, 1/2) and (8000, 3/8): sd 45 and 43
        assertEquals(4000, counts[25], 200);
        assertEquals(3000, counts[7], 200);
    }

    @Test
    void aFinishedGameIsScoredWithoutItsDeadStones() {
        // 5x5: a Black wall on x = 1 and a White wall on x = 3 split the board 10 to 10 with the middle column dame;
        // a lone Black stone at (4, 2) sits dead in White's area. Komi 0.5: White wins by 0.5 once it is removed;
        // Tromp-Taylor with the stone standing gives Black 11 points to White's 5.
        Coords coords = Coords.of(5);
        Board board = new Board(coords);
        for (int y = 0; y < 5; y++) {
            board.setup(Stone.BLACK, coords.point(1, y));
            board.setup(Stone.WHITE, coords.point(3, y));
        }
        board.setup(Stone.BLACK, coords.point(4, 2));
        GoState s = new GoState(board, Color.BLACK, 2, 0.5);
        assertTrue(s.isTerminal());
        assertEquals(1f, s.terminalValue(), "the stone standing, Black wins");
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(0f, SelfPlay.result(s, seed), "removed, White wins (seed " + seed + ")");
        }
    }
}
