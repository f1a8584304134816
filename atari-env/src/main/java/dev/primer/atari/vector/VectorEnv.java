package dev.primer.atari.vector;

import dev.primer.atari.core.DiscreteEnvironment;
import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Step;
import dev.primer.atari.spaces.Discrete;
import dev.primer.atari.spaces.Space;
import java.util.function.Supplier;

/**
 * N copies of an environment stepped in lock-step with automatic reset, on the calling thread.
 *
 * <p>Autoreset follows Gymnasium 1.x's default (next-step mode): the step on which copy i ends reports its real
 * final observation, reward and flags; on the following {@link #step} copy i ignores its action, is reset
 * (continuing its random stream), and reports the new episode's first observation with reward 0, both flags false
 * and {@link #autoreset(int)} true. CRUCIAL for learners: a transition whose {@code autoreset} is true is not a
 * real transition and must not be stored.
 *
 * <p>Observations are the copies' own buffers ({@link #observation(int)} returns the same object every time);
 * the reward and flag arrays are reused by every step. Stepping allocates nothing: actions go to each copy's
 * {@link DiscreteEnvironment#step(int)} unboxed.
 */
public final class VectorEnv<O> implements AutoCloseable {

    private final DiscreteEnvironment<O>[] envs;
    private final Object[] observations;
    private final double[] rewards;
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final boolean[] autoreset;
    private final boolean[] needsReset;

    /**
     * {@code n} copies made by {@code factory}.
     *
     * @throws IllegalArgumentException if the copies' action space is not {@link Discrete}
     */
    @SuppressWarnings("unchecked")
    public VectorEnv(Supplier<? extends Environment<O, Integer>> factory, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one copy, got " + n);
        }
        this.envs = new DiscreteEnvironment[n];
        for (int i = 0; i < n; i++) {
            envs[i] = DiscreteEnvironment.of(factory.get());
        }
        this.observations = new Object[n];
        this.rewards = new double[n];
        this.terminated = new boolean[n];
        this.truncated = new boolean[n];
        this.autoreset = new boolean[n];
        this.needsReset = new boolean[n];
    }

    /** The number of copies. */
    public int size() {
        return envs.length;
    }

    /** The action space of one copy. */
    public Space<Integer> singleActionSpace() {
        return envs[0].actionSpace();
    }

    /** The observation space of one copy. */
    public Space<O> singleObservationSpace() {
        return envs[0].observationSpace();
    }

    /** Resets copy i with seed {@code seed + i} (Gymnasium's vector seeding). */
    public void reset(long seed) {
        for (int i = 0; i < envs.length; i++) {
            observations[i] = envs[i].reset(seed + i).observation();
            rewards[i] = 0;
            terminated[i] = truncated[i] = autoreset[i] = needsReset[i] = false;
        }
    }

    /**
     * Steps every copy with its action ({@code actions.length == size()}), resetting copies that ended last step;
     * all actions are checked first, so a bad one changes nothing.
     */
    public void step(int[] actions) {
        if (actions.length != envs.length) {
            throw new IllegalArgumentException("need one action per copy: " + envs.length + ", got " + actions.length);
        }
        for (int i = 0; i < envs.length; i++) {
            if (observations[i] == null) {
                throw new IllegalStateException("VectorEnv.step() called before reset(); call reset(seed) first");
            }
            int a = actions[i];
            if (!needsReset[i] && (a < 0 || a >= envs[i].actionSpace().n())) {
                throw new IllegalArgumentException("action " + actions[i] + " of copy " + i + " is outside "
                        + envs[i].actionSpace() + "; no copy was stepped");
            }
        }
        for (int i = 0; i < envs.length; i++) {
            if (needsReset[i]) {
                observations[i] = envs[i].reset().observation();
                rewards[i] = 0;
                terminated[i] = truncated[i] = false;
                autoreset[i] = true;
                needsReset[i] = false;
            } else {
                Step<O> s = envs[i].step(actions[i]);
                observations[i] = s.observation();
                rewards[i] = s.reward();
                terminated[i] = s.terminated();
                truncated[i] = s.truncated();
                autoreset[i] = false;
                needsReset[i] = s.done();
            }
        }
    }

    /** Copy i's current observation (its own buffer). */
    @SuppressWarnings("unchecked")
    public O observation(int i) {
        return (O) observations[i];
    }

    /** Copy i's reward on the last step. */
    public double reward(int i) {
        return rewards[i];
    }

    /** Whether copy i terminated on the last step. */
    public boolean terminated(int i) {
        return terminated[i];
    }

    /** Whether copy i was truncated on the last step. */
    public boolean truncated(int i) {
        return truncated[i];
    }

    /** Whether copy i was reset on the last step instead of acting (its transition is not real). */
    public boolean autoreset(int i) {
        return autoreset[i];
    }

    /** Samples one uniform action per copy into {@code actions} (Discrete action spaces). */
    public void sampleActions(java.util.random.RandomGenerator rng, int[] actions) {
        Discrete space = envs[0].actionSpace();
        for (int i = 0; i < actions.length; i++) {
            actions[i] = space.sampleInt(rng);
        }
    }

    @Override
    public void close() {
        for (DiscreteEnvironment<O> env : envs) {
            env.close();
        }
    }
}
