package dev.primer.atari.core;

/**
 * The result of {@link Environment#step}: observation, reward, terminated, truncated and info.
 *
 * <p>Unlike Gymnasium's tuple this object is mutable and reused: each environment owns one and
 * overwrites it on every step, so the step path allocates nothing. Read what you need before the next
 * step, and copy the observation if you keep it.
 */
public final class Step<O> {

    private O observation;
    private double reward;
    private boolean terminated;
    private boolean truncated;
    private int lives;
    private long episodeFrame;

    /** Overwrites every field and returns this step. */
    public Step<O> set(O observation, double reward, boolean terminated, boolean truncated, int lives,
                       long episodeFrame) {
        this.observation = observation;
        this.reward = reward;
        this.terminated = terminated;
        this.truncated = truncated;
        this.lives = lives;
        this.episodeFrame = episodeFrame;
        return this;
    }

    /** Copies every field of {@code other} except the observation, which becomes {@code observation}. */
    public Step<O> copyOf(Step<?> other, O observation) {
        return set(observation, other.reward, other.terminated, other.truncated, other.lives, other.episodeFrame);
    }

    /** The environment-owned observation buffer after this step. */
    public O observation() {
        return observation;
    }

    /** The reward for this step. */
    public double reward() {
        return reward;
    }

    /** True when the episode reached a terminal state of the game (do not bootstrap from it). */
    public boolean terminated() {
        return terminated;
    }

    /** True when the episode was cut short by a limit outside the game (bootstrapping is still valid). */
    public boolean truncated() {
        return truncated;
    }

    /** True when the episode ended either way and the environment needs a reset. */
    public boolean done() {
        return terminated || truncated;
    }

    /** Lives left ({@link Info#NO_LIVES} for games without lives). */
    public int lives() {
        return lives;
    }

    /** Game frames elapsed in this episode. */
    public long episodeFrame() {
        return episodeFrame;
    }

    /** The info as a record (allocates; the hot path reads {@link #lives()} and {@link #episodeFrame()}). */
    public Info info() {
        return new Info(lives, episodeFrame);
    }

    @Override
    public String toString() {
        return "Step[reward=" + reward + ", terminated=" + terminated + ", truncated=" + truncated
                + ", lives=" + lives + ", episodeFrame=" + episodeFrame + "]";
    }
}
