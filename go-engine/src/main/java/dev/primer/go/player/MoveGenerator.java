package dev.primer.go.player;

import dev.primer.go.GameState;
import dev.primer.go.board.Color;

/** Chooses moves for the GTP engine; the MCTS module plugs in here. */
public interface MoveGenerator {
    /** Returned by genmove to resign. */
    int RESIGN = -1;

    /** Returns a legal point (or Coords.PASS, or RESIGN) for {@code c} to play in {@code state}, which it must not modify. */
    int genmove(GameState state, Color c, TimeBudget budget);

    /**
     * Returns a move for kgs-genmove_cleanup, where dead stones must be captured before the game ends: an implementation
     * that supports cleanup SHOULD NOT pass while a legal move that fills no own eye is left. The default gives no such
     * guarantee: it simply returns {@link #genmove}, which may pass; implementations override it to honour the rule.
     */
    default int genmoveCleanup(GameState state, Color c, TimeBudget budget) {
        return genmove(state, c, budget);
    }

    /** Receives new time settings; the default ignores them. */
    default void timeSettings(TimeSettings settings) {
    }
}
