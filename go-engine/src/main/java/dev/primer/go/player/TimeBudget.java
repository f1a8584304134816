package dev.primer.go.player;

/**
 * How long a move generator may think about one move.
 *
 * @param seconds wall-clock seconds for this move; infinite when the game has no time limit
 */
public record TimeBudget(double seconds) {
    /** No time limit: the generator uses its own default effort. */
    public static final TimeBudget UNLIMITED = new TimeBudget(Double.POSITIVE_INFINITY);

    /** Returns true when there is no limit. */
    public boolean isUnlimited() {
        return Double.isInfinite(seconds);
    }
}
