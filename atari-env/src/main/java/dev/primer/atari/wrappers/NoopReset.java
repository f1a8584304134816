package dev.primer.atari.wrappers;

import dev.primer.atari.core.DiscreteWrapper;
import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Reset;
import dev.primer.atari.core.Snapshot;
import dev.primer.atari.core.Step;
import dev.primer.atari.spaces.Discrete;
import dev.primer.random.SplitMix64;

/**
 * No-op starts (Mnih et al. 2015): every reset plays a uniform number in 1..{@code noopMax} of NOOP actions so
 * that deterministic games start from varied states; restarts the game if it ends during the no-ops.
 */
public final class NoopReset<O> extends DiscreteWrapper<O> {

    /** DQN's {@code noop_max}. */
    public static final int DQN_NOOP_MAX = 30;
    /** The no-op action index. */
    public static final int NOOP = 0;
    private static final long SEED_SALT = 0x4E00BL;

    private final int noopMax;
    private final SplitMix64 rng = SplitMix64.seeded(SEED_SALT);

    /**
     * Plays 1..noopMax no-ops at each reset.
     *
     * @throws IllegalArgumentException if {@code env}'s action space is not {@link Discrete}
     */
    public NoopReset(Environment<O, Integer> env, int noopMax) {
        super(env);
        if (noopMax < 1) {
            throw new IllegalArgumentException("noopMax must be at least 1, got " + noopMax);
        }
        this.noopMax = noopMax;
    }

    @Override
    public Reset<O> reset(long seed) {
        rng.reseed(seed ^ SEED_SALT);
        return noops(env.reset(seed));
    }

    @Override
    public Reset<O> reset() {
        return noops(env.reset());
    }

    private Reset<O> noops(Reset<O> start) {
        Reset<O> r = start;
        int n = 1 + rng.nextInt(noopMax);
        for (int i = 0; i < n; i++) {
            Step<O> s = discrete.step(NOOP);
            r = s.done() ? env.reset() : new Reset<>(s.observation(), s.info());
        }
        return r;
    }

    @Override
    public Step<O> step(int action) {
        return discrete.step(action);
    }

    @Override
    public Step<O> step(Integer action) {
        return env.step(action);
    }

    @Override
    public Snapshot cloneState() {
        return new NoopSnapshot(env.cloneState(), rng.state(), this);
    }

    @Override
    public void restoreState(Snapshot snapshot) {
        NoopSnapshot s = Snapshots.own(snapshot, NoopSnapshot.class, this);
        env.restoreState(s.inner());
        rng.setState(s.rngState());
    }

    private record NoopSnapshot(Snapshot inner, long rngState, Object owner) implements Snapshots.Owned {
    }
}
