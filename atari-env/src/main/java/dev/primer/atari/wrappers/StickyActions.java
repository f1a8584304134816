package dev.primer.atari.wrappers;

import dev.primer.atari.core.DiscreteWrapper;
import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Reset;
import dev.primer.atari.core.Snapshot;
import dev.primer.atari.core.Step;
import dev.primer.atari.spaces.Discrete;
import dev.primer.random.SplitMix64;

/**
 * Sticky actions (Machado et al. 2018): with probability {@code p} the previous action is repeated instead of
 * the chosen one. This is MinAtar's {@code Environment.act} ({@code if random.rand() < sticky_action_prob:
 * a = last_action}; default 0.1) and ALE v5's {@code repeat_action_probability} (default 0.25).
 *
 * <p>The remembered action returns to NOOP (0) at every reset, as in ALE, so an episode's trajectory depends only
 * on its seed and actions. MinAtar's first release (2019, when its README first showed DQN results) did the same:
 * each game drew the sticky action itself and its {@code reset} set {@code last_action = 0}. Later releases draw it
 * in {@code Environment} and carry the action across episodes.
 *
 * <p>A step that is refused (bad action, before reset, after the episode ended) changes nothing here: the random
 * draw and the remembered action are rolled back when the inner environment refuses the step.
 */
public final class StickyActions<O> extends DiscreteWrapper<O> {

    /** MinAtar's default {@code sticky_action_prob}. */
    public static final double MINATAR_PROBABILITY = 0.1;
    /** ALE v5's default {@code repeat_action_probability}. */
    public static final double ALE_PROBABILITY = 0.25;
    /** The action remembered at the start of an episode. */
    public static final int NOOP = 0;
    private static final long SEED_SALT = 0x57C4A11L;

    private final double probability;
    /** {@code rng.nextDouble() < probability} is {@code (rng.nextLong() >>> 11) < repeatBelow}, exactly. */
    private final long repeatBelow;
    private final SplitMix64 rng = SplitMix64.seeded(SEED_SALT);
    private int lastAction = NOOP;

    /**
     * Repeats the previous action with probability {@code probability} in [0, 1].
     *
     * @throws IllegalArgumentException if {@code env}'s action space is not {@link Discrete}
     */
    public StickyActions(Environment<O, Integer> env, double probability) {
        super(env);
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("sticky probability must lie in [0, 1], got " + probability);
        }
        this.probability = probability;
        this.repeatBelow = (long) Math.ceil(probability * 0x1.0p53);   // nextDouble() is (nextLong() >>> 11) * 2^-53
    }

    /** The repeat probability. */
    public double probability() {
        return probability;
    }

    @Override
    public Reset<O> reset(long seed) {
        rng.reseed(seed ^ SEED_SALT);
        lastAction = NOOP;
        return env.reset(seed);
    }

    @Override
    public Reset<O> reset() {
        lastAction = NOOP;
        return env.reset();
    }

    @Override
    public Step<O> step(int action) {
        if (action < 0 || action >= discrete.actionSpace().n()) {
            throw new IllegalArgumentException("action " + action + " is outside " + discrete.actionSpace()
                    + "; pass an action from actionSpace()");
        }
        long rngBefore = rng.state();
        int lastBefore = lastAction;
        int a = (rng.nextLong() >>> 11) < repeatBelow ? lastAction : action;
        lastAction = a;
        try {
            return discrete.step(a);
        } catch (RuntimeException refused) {
            rng.setState(rngBefore);
            lastAction = lastBefore;
            throw refused;
        }
    }

    @Override
    public Snapshot cloneState() {
        return new StickySnapshot(env.cloneState(), rng.state(), lastAction, this);
    }

    @Override
    public void restoreState(Snapshot snapshot) {
        StickySnapshot s = Snapshots.own(snapshot, StickySnapshot.class, this);
        env.restoreState(s.inner());
        rng.setState(s.rngState());
        lastAction = s.lastAction();
    }

    private record StickySnapshot(Snapshot inner, long rngState, int lastAction, Object owner)
            implements Snapshots.Owned {
    }
}
