package dev.primer.experiments.match;

import dev.primer.go.GameState;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Uniformly random legal opening moves (both colours, no passes): what makes games between nearly deterministic
 * engines differ, in a corpus and in a match.
 */
final class RandomOpening {
    private RandomOpening() {
    }

    /**
     * Plays up to {@code k} moves on {@code game}, each drawn uniformly from the side to move's legal points (in
     * {@link Coords#points()} order, one {@code rng.nextInt} per move), stopping early when a side has none; returns
     * the points played, the first by the side to move at the call, colours alternating.
     */
    static int[] play(GameState game, int k, SplittableRandom rng) {
        Coords coords = game.coords();
        int[] legal = new int[coords.area()];
        int[] played = new int[k];
        int m = 0;
        while (m < k) {
            Color c = game.toMove();
            int n = 0;
            for (int p : coords.points()) {
                if (game.legality(c, p) == Legality.OK) {
                    legal[n++] = p;
                }
            }
            if (n == 0) {
                break;
            }
            int p = legal[rng.nextInt(n)];
            game.play(c, p);
            played[m++] = p;
        }
        return Arrays.copyOf(played, m);
    }
}
