package dev.primer.atari.core;

import dev.primer.atari.spaces.Discrete;

/**
 * An environment whose actions are the integers of a {@link Discrete} space, with a primitive {@link #step(int)}
 * so that the hot loop never boxes an action. It is still an {@code Environment<O, Integer>}: {@code step(Integer)}
 * unboxes and delegates, so code written against {@link Environment} keeps working unchanged.
 *
 * <p>The games ({@code MinAtarGame}, {@code Pong}, {@code CartPole}) and the discrete-only wrappers
 * ({@code StickyActions}, {@code EpisodicLife}, {@code NoopReset}) implement it. Wrappers generic in the action
 * type ({@code TimeLimit}, {@code MaxAndSkip}, ...) do not; {@link #of} adapts any discrete environment, so a
 * caller that wants the fast path writes {@code DiscreteEnvironment.of(env).step(a)}.
 *
 * @param <O> observation type
 */
public interface DiscreteEnvironment<O> extends Environment<O, Integer> {

    /**
     * Advances one step with action {@code action} (same contract as {@link Environment#step}).
     *
     * @throws IllegalStateException    before the first reset or after the episode ended
     * @throws IllegalArgumentException if the action is outside {@link #actionSpace()}
     */
    Step<O> step(int action);

    /** Unboxes and delegates to {@link #step(int)}; a null action is outside every action space. */
    @Override
    default Step<O> step(Integer action) {
        if (action == null) {
            throw new IllegalArgumentException(this + ": action null is outside " + actionSpace()
                    + "; pass an integer from actionSpace()");
        }
        return step(action.intValue());
    }

    @Override
    Discrete actionSpace();

    /**
     * {@code env} itself when it is a {@code DiscreteEnvironment}, otherwise a view of it whose {@link #step(int)}
     * boxes the action for {@code env} (every other call goes straight through, snapshots included).
     *
     * @throws IllegalArgumentException if {@code env}'s action space is not {@link Discrete}
     */
    static <O> DiscreteEnvironment<O> of(Environment<O, Integer> env) {
        if (env instanceof DiscreteEnvironment<O> discrete) {
            return discrete;
        }
        return new DiscreteView<>(env);
    }
}
