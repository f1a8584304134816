package dev.primer.go.player;

import dev.primer.go.GameState;
import dev.primer.go.board.Color;

/** Chooses moves for the GTP engine; the MCTS module plugs in here. */
public interface MoveGenerator {
    /** Returns a legal move (or a pass, or resignation) for {@code c} in {@code state}, which it must not modify. */
    Decision genmove(GameState state, Color c, TimeBudget budget);

    /**
     * Returns a move for kgs-genmove_cleanup, where dead stones must be captured before the game ends: an implementation
     * that supports cleanup SHOULD NOT pass while a legal move that fills no own eye is left. The default gives no such
     * guarantee: it simply returns {@link #genmove}, which may pass; implementations override it to honour the rule.
     */
    default Decision genmoveCleanup(GameState state, Color c, TimeBudget budget) {
        return genmove(state, c, budget);
    }

    /** Receives new time settings; the default ignores them. */
    default void timeSettings(TimeSettings settings) {
    }
}
