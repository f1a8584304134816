package dev.primer.go.player;

import dev.primer.go.board.Coords;

/** What a {@link MoveGenerator} decides: play a point (or pass), or resign. */
public sealed interface Decision permits Decision.Play, Decision.Resign {
    /** The decision to resign. */
    Decision RESIGN = new Resign();

    /** Returns the decision to play {@code point}, a board point or {@link Coords#PASS}. */
    static Decision play(int point) {
        return new Play(point);
    }

    /**
     * Play a move.
     *
     * @param point the board point, or {@link Coords#PASS}
     */
    record Play(int point) implements Decision {
    }

    /** Give up the game. */
    record Resign() implements Decision {
    }
}
