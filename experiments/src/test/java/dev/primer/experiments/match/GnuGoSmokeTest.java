package dev.primer.experiments.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.sgf.Sgf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI smoke: two short 9x9 games of the MCTS player against GNU Go level 1, GNU Go also the referee. */
class GnuGoSmokeTest {
    private static final String GNUGO = "/usr/games/gnugo";

    @Test
    void twoGamesAgainstGnuGoFinishWithoutAnIllegalMoveAndAreScored(@TempDir Path dir) throws IOException {
        assertTrue(Files.isExecutable(Path.of(GNUGO)), "the tests need GNU Go at " + GNUGO);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String us = java + " -Xmx512m -cp " + System.getProperty("java.class.path")
                + " dev.primer.mcts.go.MctsGtp --playouts 300";
        String gnugo = GNUGO + " --mode gtp --chinese-rules --level 1";
        MatchConfig config = new MatchConfig(us, gnugo, 2, 9, 7, true, Optional.of(dir), Optional.of(gnugo), 60, 300);
        MatchReport r = new Match(config, g -> { }).run();
        assertEquals(2, r.games().size());
        for (GameResult g : r.games()) {
            assertNotEquals(GameResult.End.FAILURE, g.end(), g.failure().orElse(""));
            assertTrue(g.result().matches("[BW]\\+(R|\\d+(\\.\\d)?)|0"), g.result());
            if (g.end() == GameResult.End.TWO_PASSES) {
                assertTrue(g.refereeScore().orElseThrow().matches("[BW]\\+\\d+(\\.\\d)?|0"), g.toString());
            }
            Path sgf = dir.resolve(String.format("game-%03d.sgf", g.index()));
            assertTrue(Sgf.parse(Files.readString(sgf)).get(0).toString().length() > 0);
        }
    }
}
