package dev.primer.atari.core;

import dev.primer.atari.spaces.Space;

/**
 * An environment that delegates to an inner one; subclasses override only what they change.
 * Wrappers with state of their own must also override {@link #cloneState()} and {@link #restoreState}.
 */
public abstract class Wrapper<O, A> implements Environment<O, A> {

    protected final Environment<O, A> env;

    protected Wrapper(Environment<O, A> env) {
        this.env = java.util.Objects.requireNonNull(env, "env");
    }

    /** The wrapped environment. */
    public Environment<O, A> inner() {
        return env;
    }

    @Override
    public Reset<O> reset(long seed) {
        return env.reset(seed);
    }

    @Override
    public Reset<O> reset() {
        return env.reset();
    }

    @Override
    public Step<O> step(A action) {
        return env.step(action);
    }

    @Override
    public Space<A> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public Space<O> observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Frame render() {
        return env.render();
    }

    @Override
    public Snapshot cloneState() {
        return env.cloneState();
    }

    @Override
    public void restoreState(Snapshot snapshot) {
        env.restoreState(snapshot);
    }

    @Override
    public void close() {
        env.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + env + ">";
    }
}
