package dev.primer.atari.core;

import dev.primer.atari.spaces.Space;

/**
 * A reinforcement-learning environment with Gymnasium's shape and ALE's semantics.
 *
 * <p>Contract: call {@link #reset(long)} (or {@link #reset()}) before the first {@link #step}, and again
 * after any step that returned {@code terminated} or {@code truncated}. The observation object returned
 * by reset and step is a buffer owned by the environment: it is the same object every time and is
 * overwritten by the next reset, step or restore, so copy it (e.g. {@link Observations#copy}) to keep it.
 *
 * @param <O> observation type (a primitive array: {@code boolean[]}, {@code byte[]} or {@code float[]})
 * @param <A> action type
 */
public interface Environment<O, A> extends AutoCloseable {

    /** Seeds every random stream of this environment from {@code seed} and starts a new episode. */
    Reset<O> reset(long seed);

    /** Starts a new episode continuing the current random stream (seeded with 0 if never seeded). */
    Reset<O> reset();

    /**
     * Advances one step; the returned {@link Step} is reused by the next call, and it never allocates.
     *
     * @throws IllegalStateException    before the first reset or after the episode ended
     * @throws IllegalArgumentException if the action is not in {@link #actionSpace()}
     */
    Step<O> step(A action);

    /** The set of valid actions. */
    Space<A> actionSpace();

    /** The set every observation belongs to. */
    Space<O> observationSpace();

    /** An RGB picture of the current state (a new frame each call). */
    Frame render();

    /** Captures the complete state, random streams included, so that {@link #restoreState} replays exactly. */
    Snapshot cloneState();

    /** Returns to a state captured by {@link #cloneState()} of this same environment (and wrapper chain). */
    void restoreState(Snapshot snapshot);

    /** Releases resources; the environment must not be used afterwards. */
    @Override
    default void close() {
    }
}
