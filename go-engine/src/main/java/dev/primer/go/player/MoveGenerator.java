package dev.primer.go.player;

import dev.primer.go.GameState;
import dev.primer.go.board.Color;

/** Chooses moves for the GTP engine; the MCTS module plugs in here. */
public interface MoveGenerator {
    /** Returned by genmove to resign. */
    int RESIGN = -1;

    /** Returns a legal point (or Coords.PASS, or RESIGN) for {@code c} to play in {@code state}, which it must not modify. */
    int genmove(GameState state, Color c, TimeBudget budget);

    /** Returns genmove for kgs-genmove_cleanup: like genmove, but never passes while a legal non-eye move is left. */
    default int genmoveCleanup(GameState state, Color c, TimeBudget budget) {
        return genmove(state, c, budget);
    }

    /** Receives new time settings; the default ignores them. */
    default void timeSettings(TimeSettings settings) {
    }
}
