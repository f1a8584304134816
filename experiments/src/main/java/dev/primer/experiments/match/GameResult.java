package dev.primer.experiments.match;

import dev.primer.go.board.Color;
import java.util.Optional;

/**
 * One finished game.
 *
 * @param index         game number from 1
 * @param engineAColor  the colour engine A played
 * @param winner        the winning colour; empty for a draw
 * @param result        the SGF result ("B+3", "W+R", "W+F" for a failure, "0" for a draw)
 * @param end           how the game ended
 * @param moves         moves played, passes included
 * @param refereeScore  the referee's final_score, when there is a referee and the game was scored
 * @param agrees        whether the referee's winner matches ours (true without a referee)
 * @param failure       what the failing engine did, for games lost by failure
 */
public record GameResult(int index, Color engineAColor, Optional<Color> winner, String result, End end, int moves,
                         Optional<String> refereeScore, boolean agrees, Optional<String> failure) {
    /** How a game ended. */
    public enum End { TWO_PASSES, RESIGNATION, MOVE_LIMIT, FAILURE }

    /** Returns engine A's points: 1 for a win, 0.5 for a draw, 0 for a loss. */
    public double engineAScore() {
        return winner.map(w -> w == engineAColor ? 1.0 : 0.0).orElse(0.5);
    }
}
