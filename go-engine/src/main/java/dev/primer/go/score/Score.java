package dev.primer.go.score;

import dev.primer.go.board.Board;
import dev.primer.go.board.Stone;
import java.util.Locale;

/**
 * An area score: points owned by each colour (stones plus empty regions reaching only that colour) and komi.
 *
 * @param blackArea points Black owns
 * @param whiteArea points White owns
 * @param komi      points added to White
 */
public record Score(int blackArea, int whiteArea, double komi) {
    /** Scores a board as it stands by Tromp-Taylor rule 9 (https://tromp.github.io/go.html). */
    public static Score trompTaylor(Board board, double komi) {
        byte[] owner = new byte[board.coords().arraySize()];
        board.areaOwners(owner);
        int black = 0;
        int white = 0;
        for (int p : board.coords().points()) {
            if (owner[p] == Stone.BLACK_CODE) {
                black++;
            } else if (owner[p] == Stone.WHITE_CODE) {
                white++;
            }
        }
        return new Score(black, white, komi);
    }

    /** Returns Black's lead: blackArea - whiteArea - komi. */
    public double margin() {
        return blackArea - whiteArea - komi;
    }

    /** Returns the result as GTP final_score and SGF RE write it: "B+3.5", "W+0.5" or "0". */
    @Override
    public String toString() {
        double m = margin();
        if (m == 0) {
            return "0";
        }
        double abs = Math.abs(m);
        String amount = abs == Math.rint(abs) ? Long.toString((long) abs) : String.format(Locale.ROOT, "%.1f", abs);
        return (m > 0 ? "B+" : "W+") + amount;
    }
}
