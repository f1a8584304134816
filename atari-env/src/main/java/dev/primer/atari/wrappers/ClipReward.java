package dev.primer.atari.wrappers;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Step;
import dev.primer.atari.core.Wrapper;

/** Clips every reward to [min, max]; DQN (Mnih et al. 2015) clips Atari rewards to [-1, 1]. */
public final class ClipReward<O, A> extends Wrapper<O, A> {

    private final double min;
    private final double max;
    private final Step<O> out = new Step<>();

    /** Clips to [-1, 1]. */
    public ClipReward(Environment<O, A> env) {
        this(env, -1, 1);
    }

    /** Clips to [min, max]. */
    public ClipReward(Environment<O, A> env, double min, double max) {
        super(env);
        if (!(min <= max)) {
            throw new IllegalArgumentException("need min <= max, got [" + min + ", " + max + "]");
        }
        this.min = min;
        this.max = max;
    }

    @Override
    public Step<O> step(A action) {
        Step<O> s = env.step(action);
        return out.set(s.observation(), Math.max(min, Math.min(max, s.reward())),
                s.terminated(), s.truncated(), s.lives(), s.episodeFrame());
    }
}
