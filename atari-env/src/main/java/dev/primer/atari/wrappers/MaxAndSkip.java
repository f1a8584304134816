package dev.primer.atari.wrappers;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Reset;
import dev.primer.atari.core.Snapshot;
import dev.primer.atari.core.Step;
import dev.primer.atari.core.Wrapper;

/**
 * Frame skip with max-pooling (Mnih et al. 2015; SB3's MaxAndSkipEnv): repeats the action for {@code skip}
 * frames, sums the rewards, stops early when the episode ends, and returns the pixel-wise maximum of the last
 * two frames, which removes the flicker of sprites drawn on alternate frames.
 */
public final class MaxAndSkip<A> extends Wrapper<byte[], A> {

    /** DQN's frame skip. */
    public static final int DQN_SKIP = 4;

    private final int skip;
    private final byte[] previous;
    private final byte[] pooled;
    private final Step<byte[]> out = new Step<>();

    /** Repeats each action {@code skip} >= 1 times. */
    public MaxAndSkip(Environment<byte[], A> env, int skip) {
        super(env);
        if (skip < 1) {
            throw new IllegalArgumentException("skip must be at least 1, got " + skip);
        }
        this.skip = skip;
        int size = Wrappers.uint8(env.observationSpace(), "MaxAndSkip").size();
        this.previous = new byte[size];
        this.pooled = new byte[size];
    }

    @Override
    public Reset<byte[]> reset(long seed) {
        return copied(env.reset(seed));
    }

    @Override
    public Reset<byte[]> reset() {
        return copied(env.reset());
    }

    private Reset<byte[]> copied(Reset<byte[]> r) {
        System.arraycopy(r.observation(), 0, pooled, 0, pooled.length);
        return new Reset<>(pooled, r.info());
    }

    @Override
    public Step<byte[]> step(A action) {
        double reward = 0;
        Step<byte[]> s = null;
        int frames = 0;
        for (int i = 0; i < skip; i++) {
            if (i == skip - 1 && frames > 0) {
                System.arraycopy(s.observation(), 0, previous, 0, previous.length);
            }
            s = env.step(action);
            frames++;
            reward += s.reward();
            if (s.done()) {
                break;
            }
        }
        byte[] last = s.observation();
        if (frames == skip && skip > 1) {
            for (int i = 0; i < pooled.length; i++) {
                pooled[i] = (byte) Math.max(last[i] & 0xFF, previous[i] & 0xFF);
            }
        } else {
            System.arraycopy(last, 0, pooled, 0, pooled.length);
        }
        return out.set(pooled, reward, s.terminated(), s.truncated(), s.lives(), s.episodeFrame());
    }

    @Override
    public Snapshot cloneState() {
        return new PoolSnapshot(env.cloneState(), pooled.clone(), this);
    }

    @Override
    public void restoreState(Snapshot snapshot) {
        PoolSnapshot s = Snapshots.own(snapshot, PoolSnapshot.class, this);
        env.restoreState(s.inner());
        System.arraycopy(s.pooled(), 0, pooled, 0, pooled.length);
    }

    private record PoolSnapshot(Snapshot inner, byte[] pooled, Object owner) implements Snapshots.Owned {
    }
}
