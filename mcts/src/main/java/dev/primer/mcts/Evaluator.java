package dev.primer.mcts;

import java.util.List;

/**
 * Scores a batch of leaf positions: move priors and/or a value, the way a policy/value net does. Implementations
 * MUST be safe to call from several search threads at once.
 *
 * @param <S> the game
 */
public interface Evaluator<S extends SearchState<S>> {
    /** What an evaluator provides. */
    enum Output {
        PRIORS, VALUE, PRIORS_AND_VALUE;

        /** Returns true when priors are provided. */
        public boolean priors() {
            return this != VALUE;
        }

        /** Returns true when a value is provided. */
        public boolean value() {
            return this != PRIORS;
        }
    }

    /** Returns what {@link #evaluate} fills in. */
    Output output();

    /**
     * For each position i: writes non-negative action weights into {@code priors[i]} (the search normalises them over the
     * legal actions) and the value in [-1, 1] for the player to move into {@code values[i]}, as {@link #output()} says.
     */
    void evaluate(List<S> states, float[][] priors, float[] values);
}
