package dev.primer.atari.wrappers;

import dev.primer.atari.core.DiscreteWrapper;
import dev.primer.atari.core.Environment;
import dev.primer.atari.core.EpisodeGuard;
import dev.primer.atari.core.Reset;
import dev.primer.atari.core.Snapshot;
import dev.primer.atari.core.Step;
import dev.primer.atari.spaces.Discrete;

/**
 * Ends an episode at every life lost (Mnih et al. 2015; SB3's EpisodicLifeEnv): {@code terminated} is reported
 * when lives decrease, and the following {@link #reset()} only plays a NOOP instead of restarting the game
 * unless the game really ended. Games without lives pass through unchanged. Meant for training, not evaluation.
 */
public final class EpisodicLife<O> extends DiscreteWrapper<O> {

    /** The action played by a reset that continues the game. */
    public static final int NOOP = 0;

    private final Step<O> out = new Step<>();
    private final EpisodeGuard guard = new EpisodeGuard("EpisodicLife");
    private int lives;
    private boolean gameOver = true;

    /**
     * Wraps {@code env}.
     *
     * @throws IllegalArgumentException if {@code env}'s action space is not {@link Discrete}
     */
    public EpisodicLife(Environment<O, Integer> env) {
        super(env);
    }

    /** True when the last episode end was a real game over (the next reset restarts the game). */
    public boolean gameOver() {
        return gameOver;
    }

    @Override
    public Reset<O> reset(long seed) {
        return start(env.reset(seed));
    }

    @Override
    public Reset<O> reset() {
        if (gameOver) {
            return start(env.reset());
        }
        Step<O> s = discrete.step(NOOP);
        if (s.done()) {
            return start(env.reset());
        }
        return start(new Reset<>(s.observation(), s.info()));
    }

    private Reset<O> start(Reset<O> r) {
        lives = r.info().lives();
        gameOver = false;
        guard.started();
        return r;
    }

    @Override
    public Step<O> step(int action) {
        guard.checkStep();
        Step<O> s = discrete.step(action);
        gameOver = s.done();
        boolean lifeLost = s.lives() < lives && s.lives() > 0;
        lives = s.lives();
        boolean terminated = s.terminated() || lifeLost;
        guard.stepped(terminated || s.truncated());
        return out.set(s.observation(), s.reward(), terminated, s.truncated(), s.lives(), s.episodeFrame());
    }

    @Override
    public Snapshot cloneState() {
        return new LifeSnapshot(env.cloneState(), lives, gameOver, guard.phase(), this);
    }

    @Override
    public void restoreState(Snapshot snapshot) {
        LifeSnapshot s = Snapshots.own(snapshot, LifeSnapshot.class, this);
        env.restoreState(s.inner());
        lives = s.lives();
        gameOver = s.gameOver();
        guard.setPhase(s.phase());
    }

    private record LifeSnapshot(Snapshot inner, int lives, boolean gameOver, EpisodeGuard.Phase phase,
                                Object owner) implements Snapshots.Owned {
    }
}
