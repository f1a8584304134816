package dev.primer.mcts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SearchState} passes, checked over random games: each game's test extends this class and
 * supplies {@link #initial()}.
 *
 * @param <S> the game
 */
public abstract class SearchStateContractTest<S extends SearchState<S>> {
    /** A fresh start position of the game under test. */
    protected abstract S initial();

    /** Random games each check plays. */
    protected int games() {
        return 20;
    }

    /** Moves within which every random game MUST end. */
    protected int maxMoves() {
        return 10_000;
    }

    @Test
    void randomGamesKeepTheContract() {
        for (long seed = 0; seed < games(); seed++) {
            S s = initial();
            int[] out = new int[s.actionSpace()];
            SplittableRandom rng = new SplittableRandom(seed);
            for (int move = 0; ; move++) {
                assertTrue(move <= maxMoves(), "a random game must end within " + maxMoves() + " moves");
                int n = s.legalActions(out);
                assertEquals(n == 0, s.isTerminal(), "no legal action exactly when terminal");
                Set<Integer> seen = new HashSet<>();
                for (int i = 0; i < n; i++) {
                    assertTrue(out[i] >= 0 && out[i] < s.actionSpace(), "action " + out[i] + " outside the space");
                    assertTrue(seen.add(out[i]), "action " + out[i] + " listed twice");
                }
                if (n == 0) {
                    break;
                }
                int player = s.toMove();
                assertTrue(player == 0 || player == 1, "player " + player);
                s.apply(out[rng.nextInt(n)]);
                assertEquals(1 - player, s.toMove(), "players alternate");
            }
            float v = s.terminalValue();
            assertTrue(v == 0 || v == 0.5f || v == 1, "terminal value " + v + " is not a win, a draw or a loss");
        }
    }

    @Test
    void copiesAreExactAndIndependent() {
        for (long seed = 0; seed < games(); seed++) {
            S s = randomPosition(seed);
            List<String> before = replay(s.copy(), seed);
            S copy = s.copy();
            S overwritten = initial();
            overwritten.copyFrom(s);
            assertEquals(before, replay(copy, seed), "copy()");
            assertEquals(before, replay(overwritten, seed), "copyFrom()");
            assertEquals(before, replay(s, seed), "playing the copies left the original alone");
        }
    }

    /** Returns the position after a random number of random moves from the start (fewer when the game ends first). */
    private S randomPosition(long seed) {
        S s = initial();
        int[] out = new int[s.actionSpace()];
        SplittableRandom rng = new SplittableRandom(seed);
        int n;
        for (int i = rng.nextInt(1 + maxMoves() / 10); i > 0 && (n = s.legalActions(out)) > 0; i--) {
            s.apply(out[rng.nextInt(n)]);
        }
        return s;
    }

    /** Plays {@code s} to the end with actions drawn by {@code seed}; returns what the contract lets one observe. */
    private List<String> replay(S s, long seed) {
        SplittableRandom rng = new SplittableRandom(~seed);
        int[] out = new int[s.actionSpace()];
        List<String> seen = new ArrayList<>();
        int n;
        while ((n = s.legalActions(out)) > 0) {
            int a = out[rng.nextInt(n)];
            seen.add(s.toMove() + ":" + n + ":" + a);
            s.apply(a);
        }
        seen.add("end " + s.terminalValue());
        return seen;
    }
}
