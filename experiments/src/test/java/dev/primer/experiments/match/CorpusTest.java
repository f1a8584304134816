package dev.primer.experiments.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.GameState;
import dev.primer.go.corpus.GameCorpus;
import dev.primer.go.corpus.GameRecord;
import dev.primer.go.Rules;
import dev.primer.go.sgf.SgfGames;
import dev.primer.go.sgf.Sgf;
import dev.primer.go.sgf.SgfNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    private static final String GNUGO = "/usr/games/gnugo";

    /** A GTP engine in bash that passes at every genmove, names no dead stones and acknowledges everything else. */
    private static final String PASSER = "while read -r line; do case \"$line\" in "
            + "genmove*) printf '= pass\\n\\n';; final_status_list*) printf '= \\n\\n';; "
            + "final_score*) printf '= W+7\\n\\n';; name*) printf '= passer\\n\\n';; version*) printf '= 1\\n\\n';; "
            + "quit*) printf '=\\n\\n'; exit 0;; *) printf '=\\n\\n';; esac; done";

    private static List<Corpus.Entry> ledger(Path dir) throws IOException {
        List<Corpus.Entry> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(Corpus.LEDGER))) {
            Corpus.Entry e = Corpus.parse(line);
            if (e != null) {
                rows.add(e);
            }
        }
        return rows;
    }

    private static long sgfFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".sgf")).count();
        }
    }

    @Test
    void randomOpeningsThenTwoPassesAreScoredSavedAndDuplicatesDropped(@TempDir Path dir) throws IOException {
        // one random move then two passes: 81 possible games, so 40 games must repeat some and drop them
        CorpusConfig config = CorpusConfig.of(PASSER, dir).withGames(40).withRandomOpening(1).withSeed(3);
        Corpus.Summary s = new Corpus(config, e -> { }).run();
        assertEquals(40, s.kept());
        assertEquals(s.kept(), sgfFiles(dir));
        List<Corpus.Entry> rows = ledger(dir);
        assertEquals(s.kept() + s.duplicates() + s.failed(), rows.size());
        assertTrue(s.duplicates() > 0, "40 games from 81 openings repeat one (birthday bound), dropped: " + s);
        Set<String> kept = new HashSet<>();
        for (Corpus.Entry e : rows) {
            if (e.status() == Corpus.Status.KEPT) {
                assertTrue(kept.add(e.moves()), "kept twice: " + e.moves());
                assertEquals(3, e.moves().split(" ").length, e.moves());
                assertEquals("B+74", e.result(), "by area one black stone owns the board: 81 - 0 - 7 komi");
                SgfNode root = Sgf.parse(Files.readString(dir.resolve(Corpus.fileName(e.game())))).get(0);
                assertEquals("B+74", root.get("RE"));
                assertEquals("passer 1", root.get("PB"));
                GameState replay = SgfGames.load(root, Rules.CHINESE, Integer.MAX_VALUE);
                assertEquals(e.moves(), Corpus.moves(replay.coords(), replay.moves()));
            }
        }
    }

    @Test
    void aRerunAddsGamesAndReplaysNoneAndTheOpeningsDoNotDependOnThreads(@TempDir Path dir) throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        CorpusConfig config = CorpusConfig.of(PASSER, one).withGames(5).withRandomOpening(3);
        new Corpus(config, e -> { }).run();
        List<Corpus.Entry> first = ledger(one);
        Corpus.Summary s = new Corpus(config.withGames(12), e -> { }).run();
        assertEquals(12, s.kept());
        List<Corpus.Entry> after = ledger(one);
        assertEquals(first, after.subList(0, first.size()), "the first run's rows are kept as they were");

        new Corpus(config.withGames(12).withThreads(3).withSeed(1), e -> { }).run();
        Set<String> a = new HashSet<>();
        Set<String> b = new HashSet<>();
        ledger(one).forEach(e -> a.add(e.game() + " " + e.moves()));
        new Corpus(CorpusConfig.of(PASSER, two).withGames(12).withRandomOpening(3).withThreads(3), e -> { }).run();
        ledger(two).forEach(e -> b.add(e.game() + " " + e.moves()));
        assertEquals(a, b, "game i's opening is a function of (seed, i)");
    }

    @Test
    void aLedgerCutShortByACrashLosesOnlyThatGameAndOtherSettingsAreRefused(@TempDir Path dir) throws IOException {
        CorpusConfig config = CorpusConfig.of(PASSER, dir).withGames(4).withRandomOpening(2);
        new Corpus(config, e -> { }).run();
        Path ledger = dir.resolve(Corpus.LEDGER);
        String text = Files.readString(ledger);
        // cut the last row inside its moves field, as a crash during the write would
        int lastRow = text.lastIndexOf('\n', text.length() - 2) + 1;
        int cut = text.indexOf('\t', text.indexOf('\t', lastRow) + 1) + 3;
        Files.writeString(ledger, text.substring(0, cut), StandardCharsets.UTF_8);
        assertEquals(4, new Corpus(config, e -> { }).run().kept(), "the cut game is played again");
        assertEquals(6, new Corpus(config.withGames(6), e -> { }).run().kept(), "and the ledger still resumes");
        List<Corpus.Entry> rows = ledger(dir);
        assertEquals(rows.size(), rows.stream().mapToInt(Corpus.Entry::game).distinct().count(), "each game once");
        assertEquals(6, rows.stream().filter(e -> e.status() == Corpus.Status.KEPT).count());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Corpus(config.withSeed(9), x -> { }).run());
        assertTrue(e.getMessage().contains("seed 1, not 9"), e.getMessage());

        Files.writeString(ledger, "garbage\n", StandardOpenOption.APPEND);
        Files.writeString(ledger, "1\tkept\t\t\t\n", StandardOpenOption.APPEND);
        IOException bad = assertThrows(IOException.class, () -> new Corpus(config.withGames(7), x -> { }).run());
        assertTrue(bad.getMessage().contains("corpus.tsv:"), bad.getMessage());
    }

    @Test
    void anEngineThatCrashesLosesGamesAndABrokenOneStopsTheRun(@TempDir Path dir) {
        String crasher = "read -r line; printf '= crasher\\n\\n'; exit 1";
        CorpusConfig config = CorpusConfig.of(crasher, dir).withGames(3);
        List<Corpus.Entry> seen = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Corpus(config, seen::add).run());
        assertEquals(Corpus.MAX_FAILURES_IN_A_ROW, seen.size());
        assertTrue(seen.stream().allMatch(x -> x.status() == Corpus.Status.FAILED));
        assertTrue(e.getMessage().contains("in a row failed"), e.getMessage());
    }

    @Test
    void gnuGoPlaysItselfToTheEndAndTheScoreAgreesWithItsOwn(@TempDir Path dir) throws IOException {
        assertTrue(Files.isExecutable(Path.of(GNUGO)), "the tests need GNU Go at " + GNUGO);
        CorpusConfig config = CorpusConfig.of(GNUGO + " --mode gtp --level 0 --chinese-rules", dir).withGames(2)
                .withThreads(2);
        Corpus.Summary s = new Corpus(config, e -> { }).run();
        assertEquals(2, s.kept());
        for (Corpus.Entry e : ledger(dir)) {
            assertEquals(Corpus.Status.KEPT, e.status());
            assertTrue(e.result().matches("[BW]\\+(R|\\d+(\\.\\d)?)"), e.result());
            assertTrue(e.moves().split(" ").length > 20, "GNU Go plays a real game: " + e.moves());
            assertTrue(!e.detail().contains("disagrees"), e.detail());
            SgfNode root = Sgf.parse(Files.readString(dir.resolve(Corpus.fileName(e.game())))).get(0);
            assertTrue(root.get("PB").startsWith("GNU Go"), root.get("PB"));
        }
    }

    @Test
    void aPackedCorpusReadsAsGamesAndUnpacksIntoADirectoryThatResumes(@TempDir Path dir) throws IOException {
        Path gen = dir.resolve("gen");
        CorpusConfig config = CorpusConfig.of(PASSER, gen).withGames(6).withRandomOpening(3);
        new Corpus(config, e -> { }).run();
        Path file = dir.resolve("c.sgf.gz");
        assertEquals(6, Corpus.pack(gen, file));
        assertEquals(dir.resolve("c.tsv.gz"), Corpus.ledgerOf(file));
        List<GameRecord> games = GameCorpus.read(file, 9, s -> { throw new AssertionError(s); });
        assertEquals(6, games.size());

        Path back = dir.resolve("back");
        assertEquals(6, Corpus.unpack(file, back));
        assertEquals(Files.readString(gen.resolve(Corpus.LEDGER)), Files.readString(back.resolve(Corpus.LEDGER)));
        List<Corpus.Entry> more = new ArrayList<>();
        new Corpus(config.withOut(back).withGames(8), more::add).run();
        assertEquals(2, more.stream().filter(e -> e.status() == Corpus.Status.KEPT).count());
        assertTrue(more.stream().allMatch(e -> e.game() > 6), "no game replayed: " + more);
        assertThrows(IllegalArgumentException.class, () -> Corpus.unpack(file, back));
    }
}
