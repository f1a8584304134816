package dev.primer.atari.core;

import dev.primer.atari.spaces.Discrete;

/**
 * A {@link Wrapper} of a discrete environment that is itself a {@link DiscreteEnvironment}: the inner environment's
 * fast path is {@link #discrete}, the action space passes through, and {@code step(Integer)} unboxes into this
 * wrapper's own {@link #step(int)}. Subclasses implement {@link #step(int)}.
 *
 * @param <O> observation type
 */
public abstract class DiscreteWrapper<O> extends Wrapper<O, Integer> implements DiscreteEnvironment<O> {

    /** The wrapped environment with its {@link #step(int)} fast path. */
    protected final DiscreteEnvironment<O> discrete;

    /**
     * Wraps {@code env}.
     *
     * @throws IllegalArgumentException if {@code env}'s action space is not {@link Discrete}
     */
    protected DiscreteWrapper(Environment<O, Integer> env) {
        super(env);
        this.discrete = DiscreteEnvironment.of(env);
    }

    @Override
    public Step<O> step(Integer action) {
        return DiscreteEnvironment.super.step(action);
    }

    @Override
    public Discrete actionSpace() {
        return discrete.actionSpace();
    }
}
