package dev.primer.go.player;

/**
 * Canadian byo-yomi as GTP time_settings states it (GTP v2 section 6.3.3): main time, then
 * {@code byoYomiStones} moves per {@code byoYomiSeconds}. {@code byoYomiSeconds > 0} with {@code byoYomiStones == 0}
 * means no time limit; both zero means absolute time.
 */
public record TimeSettings(double mainSeconds, double byoYomiSeconds, int byoYomiStones) {
    /** No time limit. */
    public static final TimeSettings NONE = new TimeSettings(0, 1, 0);

    /** Returns true when the settings impose no limit. */
    public boolean unlimited() {
        return byoYomiSeconds > 0 && byoYomiStones == 0;
    }
}
