package dev.primer.experiments.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.board.Color;
import dev.primer.go.sgf.Sgf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchTest {
    /** A GTP engine in bash that answers every genmove with {@code move} and acknowledges everything else. */
    private static String fake(String genmoveAnswer) {
        return "while read -r line; do case \"$line\" in genmove*) " + genmoveAnswer
                + ";; quit*) printf '=\\n\\n'; exit 0;; *) printf '=\\n\\n';; esac; done";
    }

    private static MatchConfig config(String a, String b, int games, Path sgf, double timeout) {
        return new MatchConfig(a, b, games, 9, 7, true, Optional.ofNullable(sgf), Optional.empty(), timeout, 200);
    }

    @Test
    void anIllegalMoveLosesTheGameAndTheMatchGoesOn(@TempDir Path dir) throws IOException {
        List<GameResult> seen = new ArrayList<>();
        MatchReport r = new Match(config(fake("printf '= A1\\n\\n'"), fake("printf '= pass\\n\\n'"), 2, dir, 10),
                seen::add).run();
        assertEquals(2, r.games().size());
        assertEquals(r.games(), seen);
        for (GameResult g : r.games()) {
            assertEquals(GameResult.End.FAILURE, g.end());
            assertEquals(0, g.engineAScore(), "A repeats A1, which is occupied");
            assertTrue(g.failure().orElseThrow().contains("ILLEGAL_MOVE"), g.failure().orElseThrow());
        }
        assertEquals(Color.WHITE, r.games().get(1).engineAColor(), "colours alternate");
        assertEquals(0, r.engineAWins());
        String sgf = Files.readString(dir.resolve("game-001.sgf"));
        assertEquals(1, Sgf.parse(sgf).size());
        assertTrue(sgf.contains("RE[W+F]"), sgf);
    }

    @Test
    void aCrashOrATimeoutLosesTheGame() {
        MatchReport crash = new Match(config("exit 3", fake("printf '= pass\\n\\n'"), 1, null, 10), g -> { }).run();
        assertEquals("W+F", crash.games().get(0).result());
        assertTrue(crash.games().get(0).failure().orElseThrow().contains("CRASH"));
        MatchReport slow = new Match(config(fake("printf '= pass\\n\\n'"), fake("sleep 5"), 1, null, 0.5), g -> { })
                .run();
        assertEquals("B+F", slow.games().get(0).result());
        assertTrue(slow.games().get(0).failure().orElseThrow().contains("TIMEOUT"));
    }

    @Test
    void twoPassesEndAndScoreTheGame() {
        MatchReport r = new Match(config(fake("printf '= pass\\n\\n'"), fake("printf '= pass\\n\\n'"), 2, null, 10),
                g -> { }).run();
        for (GameResult g : r.games()) {
            assertEquals(GameResult.End.TWO_PASSES, g.end());
            assertEquals("W+7", g.result(), "an empty board is worth komi to White");
            assertEquals(Optional.of(Color.WHITE), g.winner());
        }
        assertEquals(1.0, r.engineAWins(), "A is White once");
        assertTrue(r.table().contains("A as white"));
        assertTrue(r.toJson().contains("\"engineAWins\": 1.0"), r.toJson());
    }

    @Test
    void aRandomOpeningIsSentToBothEnginesAndSharedByEachPairOfGames(@TempDir Path dir) throws IOException {
        Path logA = dir.resolve("a.log");
        Path logB = dir.resolve("b.log");
        String a = "while read -r line; do echo \"$line\" >> " + logA + "; case \"$line\" in genmove*) "
                + "printf '= pass\\n\\n';; quit*) printf '=\\n\\n'; exit 0;; *) printf '=\\n\\n';; esac; done";
        String b = a.replace(logA.toString(), logB.toString());
        MatchConfig c = new MatchConfig(a, b, 4, 9, 7, true, Optional.of(dir), Optional.empty(), 10, 200, 5, 3);
        MatchReport r = new Match(c, g -> { }).run();
        List<List<String>> openings = new ArrayList<>();
        for (GameResult g : r.games()) {
            assertEquals(GameResult.End.TWO_PASSES, g.end());
            assertEquals(7, g.moves(), "five opening moves, then both engines pass");
            String sgf = Files.readString(dir.resolve(String.format("game-%03d.sgf", g.index())));
            List<String> moves = Pattern.compile(";[BW]\\[[a-z]*\\]").matcher(sgf).results()
                    .map(m -> m.group()).toList();
            assertEquals(7, moves.size(), sgf);
            assertEquals(List.of(";W[]", ";B[]"), moves.subList(5, 7), "Black opens, so White passes first");
            openings.add(moves.subList(0, 5));
        }
        assertEquals(openings.get(0), openings.get(1), "games 1 and 2 share an opening, colours swapped");
        assertEquals(openings.get(2), openings.get(3));
        assertNotEquals(openings.get(0), openings.get(2), "the next pair draws another");
        for (Path log : List.of(logA, logB)) {
            List<String> plays = Files.readAllLines(log).stream().filter(l -> l.startsWith("play")).toList();
            assertEquals(4 * 5 + 4, plays.size(), "each engine hears the 5 opening moves and the other's pass");
        }
        assertTrue(r.table().contains("5 random opening moves (seed 3)"), r.table());
        assertThrows(IllegalArgumentException.class,
                () -> new MatchConfig(a, b, 4, 9, 7, true, Optional.empty(), Optional.empty(), 10, 200, 81, 3));
    }
}
