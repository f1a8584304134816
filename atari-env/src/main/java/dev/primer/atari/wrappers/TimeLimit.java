package dev.primer.atari.wrappers;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.EpisodeGuard;
import dev.primer.atari.core.Reset;
import dev.primer.atari.core.Snapshot;
import dev.primer.atari.core.Step;
import dev.primer.atari.core.Wrapper;

/**
 * Truncates episodes: {@code truncated} becomes true on the step that reaches the limit, also when the game
 * terminated on that same step (Gymnasium 1.x's TimeLimit; learners give termination precedence). Counts
 * either agent steps or game frames
 * ({@link dev.primer.atari.core.Info#episodeFrame()}, ALE's {@code max_num_frames_per_episode}).
 */
public final class TimeLimit<O, A> extends Wrapper<O, A> {

    /** What the limit counts. */
    public enum Unit { STEPS, FRAMES }

    /** ALE v5's default {@code max_num_frames_per_episode}. */
    public static final long ALE_MAX_FRAMES = 108_000;

    private final long limit;
    private final Unit unit;
    private final Step<O> out = new Step<>();
    private final EpisodeGuard guard = new EpisodeGuard("TimeLimit");
    private long elapsedSteps;

    private TimeLimit(Environment<O, A> env, long limit, Unit unit) {
        super(env);
        if (limit < 1) {
            throw new IllegalArgumentException("time limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.unit = unit;
    }

    /** Truncates after {@code maxSteps} agent steps (Gymnasium's {@code max_episode_steps}). */
    public static <O, A> TimeLimit<O, A> steps(Environment<O, A> env, long maxSteps) {
        return new TimeLimit<>(env, maxSteps, Unit.STEPS);
    }

    /** Truncates once the episode has run {@code maxFrames} game frames. */
    public static <O, A> TimeLimit<O, A> frames(Environment<O, A> env, long maxFrames) {
        return new TimeLimit<>(env, maxFrames, Unit.FRAMES);
    }

    @Override
    public Reset<O> reset(long seed) {
        elapsedSteps = 0;
        guard.started();
        return env.reset(seed);
    }

    @Override
    public Reset<O> reset() {
        elapsedSteps = 0;
        guard.started();
        return env.reset();
    }

    @Override
    public Step<O> step(A action) {
        guard.checkStep();
        Step<O> s = env.step(action);
        elapsedSteps++;
        long count = unit == Unit.STEPS ? elapsedSteps : s.episodeFrame();
        boolean truncated = s.truncated() || count >= limit;
        guard.stepped(s.terminated() || truncated);
        return out.set(s.observation(), s.reward(), s.terminated(), truncated, s.lives(), s.episodeFrame());
    }

    @Override
    public Snapshot cloneState() {
        return new LimitSnapshot(env.cloneState(), elapsedSteps, guard.phase(), this);
    }

    @Override
    public void restoreState(Snapshot snapshot) {
        LimitSnapshot s = Snapshots.own(snapshot, LimitSnapshot.class, this);
        env.restoreState(s.inner());
        elapsedSteps = s.elapsedSteps();
        guard.setPhase(s.phase());
    }

    private record LimitSnapshot(Snapshot inner, long elapsedSteps, EpisodeGuard.Phase phase, Object owner)
            implements Snapshots.Owned {
    }
}
