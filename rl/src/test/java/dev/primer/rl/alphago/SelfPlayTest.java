package dev.primer.rl.alphago;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void gamesSideBySidePlayEveryMoveOnceToTheEndAndScoreIt() {
        int games = 6;
        int[] seen = new int[games];
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
                }, new SplitMix64(3));
        assertTrue(problems.isEmpty(), problems.toString());
        for (int g = 0; g < games; g++) {
            assertTrue(seen[g] > 10, "game " + g + " lasted " + seen[g] + " moves");
            assertTrue(black[g] == 0 || black[g] == 1, "komi 0.5 leaves no jigo: " + black[g]);
        }
    }

    @Test
    void candidatesDropPassWhileAPointIsLeftAndSamplingFollowsTheWeights() {
        GoState s = new GoState(5, 0.5);
        s.apply(25);
        int[] out = new int[26];
        int n = SelfPlay.candidates(s, out);
        assertEquals(25, n, "after a pass every point, and no pass");
        float[] p = new float[26];
        p[7] = 3;
        p[12] = 1;
        p[25] = 100;
        SplitMix64 rng = new SplitMix64(1);
        int sevens = 0;
        for (int i = 0; i < 4000; i++) {
            int a = SelfPlay.sample(p, 0, out, n, rng);
            assertTrue(a == 7 || a == 12, "only weighted candidates: " + a);
            sevens += a == 7 ? 1 : 0;
        }
        // binomial(4000, 0.75): sd 27
        assertEquals(3000, sevens, 120);
    }
}
