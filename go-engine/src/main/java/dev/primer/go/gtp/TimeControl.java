package dev.primer.go.gtp;

import dev.primer.go.board.Color;
import dev.primer.go.player.TimeBudget;
import dev.primer.go.player.TimeSettings;

/** The clocks GTP time_settings and time_left describe, and the time budget they leave for one move. */
final class TimeControl {
    /** Moves we plan to spread main time over. */
    private static final int MOVES_TO_PLAN = 30;
    /** Fraction of a byo-yomi period we allow per stone, leaving room for lag. */
    private static final double SAFETY = 0.8;

    private TimeSettings settings = TimeSettings.NONE;
    private final double[] secondsLeft = new double[2];
    private final int[] stonesLeft = new int[2];

    /** Starts fresh clocks under {@code s}. */
    void set(TimeSettings s) {
        settings = s;
        for (int i = 0; i < 2; i++) {
            secondsLeft[i] = s.mainSeconds();
            stonesLeft[i] = 0;
        }
    }

    /** Records a time_left report: seconds left and stones left in byo-yomi (0 while in main time). */
    void left(Color c, double seconds, int stones) {
        secondsLeft[c.ordinal()] = seconds;
        stonesLeft[c.ordinal()] = stones;
    }

    /** Returns the time {@code c} may spend on its next move. */
    TimeBudget budget(Color c) {
        if (settings.unlimited()) {
            return TimeBudget.UNLIMITED;
        }
        double left = secondsLeft[c.ordinal()];
        int stones = stonesLeft[c.ordinal()];
        if (stones > 0) {
            return new TimeBudget(SAFETY * left / stones);
        }
        double perMove = left / MOVES_TO_PLAN;
        if (settings.byoYomiStones() > 0) {
            perMove += SAFETY * settings.byoYomiSeconds() / settings.byoYomiStones();
        }
        return new TimeBudget(Math.max(0.05, perMove));
    }
}
