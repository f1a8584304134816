package dev.primer.mcts;

/**
 * A playout policy: plays a position to the end. One instance serves one search thread.
 *
 * @param <S> the game
 */
public interface Rollout<S extends SearchState<S>> {
    /** Plays {@code state} (mutating it) to the end, appends the moves that count for AMAF to {@code trace}, and returns player 0's result in [0, 1]. */
    float run(S state, Trace trace);

    /**
     * Makes one rollout per search thread.
     *
     * @param <S> the game
     */
    @FunctionalInterface
    interface Factory<S extends SearchState<S>> {
        /** Returns a rollout whose random choices are fixed by {@code seed}. */
        Rollout<S> create(long seed);
    }
}
