package dev.primer.mcts;

/**
 * A two-player, alternating, zero-sum game position that the search copies and mutates. Actions are dense ints in
 * [0, actionSpace()); players are 0 (who moves first) and 1. Values are player 0's result in [0, 1].
 *
 * @param <S> the implementing type
 */
public interface SearchState<S extends SearchState<S>> {
    /** Returns the number of distinct actions; every action lies in [0, actionSpace()). */
    int actionSpace();

    /** Returns the player to move, 0 or 1. */
    int toMove();

    /** Writes the legal actions into {@code out} (length at least actionSpace()) and returns how many; 0 exactly when terminal. */
    int legalActions(int[] out);

    /** Plays {@code action}, which MUST be legal. */
    void apply(int action);

    /** Returns true when the game is over. */
    boolean isTerminal();

    /** Returns player 0's result of a terminal position: 1 win, 0.5 draw, 0 loss. */
    float terminalValue();

    /** Makes this position an exact copy of {@code other}. */
    void copyFrom(S other);

    /** Returns an independent copy. */
    S copy();
}
