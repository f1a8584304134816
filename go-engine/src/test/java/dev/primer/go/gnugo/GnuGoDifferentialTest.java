package dev.primer.go.gnugo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Differential test against GNU Go 3.8: at least {@code gnugo.moves} (default 10,500) random moves over 9x9,
 * 13x13 and 19x19 games. A longer run: {@code mvn -o -q verify -Dtest=GnuGoDifferentialTest -Dgnugo.moves=200000}.
 */
class GnuGoDifferentialTest {
    private static final long MOVES = Long.getLong("gnugo.moves", 10_500);
    private static final long SEED = Long.getLong("gnugo.seed", 20_240_601);

    @Test
    void randomGamesAgreeWithGnuGoOnEveryMove() {
        Differential.Stats total = new Differential.Stats(0, 0, 0, 0);
        try (GnuGo gnugo = new GnuGo("--chinese-rules")) {
            total = total.plus(Differential.run(gnugo, 9, MOVES * 4 / 10, SEED));
            total = total.plus(Differential.run(gnugo, 13, MOVES * 3 / 10, SEED + 1));
            total = total.plus(Differential.run(gnugo, 19, MOVES * 3 / 10, SEED + 2));
        }
        System.out.println("GNU Go differential: " + total);
        assertTrue(total.moves() >= MOVES, "covered " + total.moves() + " moves");
        assertTrue(total.scoredGames() >= total.games() / 2, "most games end in two forced passes: " + total);
    }
}
