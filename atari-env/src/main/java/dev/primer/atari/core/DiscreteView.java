package dev.primer.atari.core;

import dev.primer.atari.spaces.Discrete;

/** {@link DiscreteEnvironment#of}'s view of an environment with a Discrete action space that lacks the fast path. */
final class DiscreteView<O> extends Wrapper<O, Integer> implements DiscreteEnvironment<O> {

    private final Discrete actionSpace;

    DiscreteView(Environment<O, Integer> env) {
        super(env);
        if (!(env.actionSpace() instanceof Discrete discrete)) {
            throw new IllegalArgumentException("not a discrete environment: " + env + " has action space "
                    + env.actionSpace());
        }
        this.actionSpace = discrete;
    }

    @Override
    public Step<O> step(int action) {
        return env.step(action);
    }

    @Override
    public Step<O> step(Integer action) {
        return env.step(action);
    }

    @Override
    public Discrete actionSpace() {
        return actionSpace;
    }

    @Override
    public String toString() {
        return env.toString();
    }
}
