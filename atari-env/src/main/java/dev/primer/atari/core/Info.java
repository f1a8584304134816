package dev.primer.atari.core;

/**
 * Auxiliary facts about a time step, as ALE reports them.
 *
 * @param lives        lives left, or {@link #NO_LIVES} for games without lives (ALE reports 0 too)
 * @param episodeFrame game frames elapsed in this episode (frame-skip wrappers count every inner frame)
 */
public record Info(int lives, long episodeFrame) {

    /** The lives value of games that have no lives. */
    public static final int NO_LIVES = 0;

    /** Info at the first frame of an episode of a game without lives. */
    public static final Info START = new Info(NO_LIVES, 0);
}
