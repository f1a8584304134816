package dev.primer.atari.minatar;

/**
 * Per-game options of MinAtar's {@code Environment}.
 *
 * @param difficultyRamping MinAtar's {@code difficulty_ramping} (on by default); ignored by games without a ramp
 * @param minimalActions    expose only the game's {@code minimal_action_set()} instead of all six actions
 */
public record MinAtarOptions(boolean difficultyRamping, boolean minimalActions) {

    /** MinAtar's defaults: ramping on, all six actions. */
    public static final MinAtarOptions DEFAULT = new MinAtarOptions(true, false);
}
