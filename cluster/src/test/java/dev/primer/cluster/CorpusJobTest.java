package dev.primer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.match.Corpus;
import dev.primer.experiments.match.CorpusConfig;
import dev.primer.go.corpus.GameCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusJobTest {
    static final String GNUGO = "/usr/games/gnugo --mode gtp --level 0 --chinese-rules --seed 1";
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = SparkJobs.open("local[2]", "test");
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    /** Returns the test engine: {@code passer.sh}, broken as a dying machine when {@code faults} is given. */
    static String passer(Path faults) {
        String script = Path.of("src/test/resources/passer.sh").toAbsolutePath().toString();
        return faults == null ? script : script + " " + faults;
    }

    static List<Corpus.Entry> ledger(Path dir) throws IOException {
        List<Corpus.Entry> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(Corpus.LEDGER), StandardCharsets.UTF_8)) {
            Corpus.Entry e = Corpus.parse(line);
            if (e != null) {
                rows.add(e);
            }
        }
        return rows;
    }

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Asserts that dir holds ids 1..n each once, in the ledger and as files, no temp file, all readable games. */
    static void assertEachGameOnce(Path dir, int n, int size) throws IOException {
        List<Corpus.Entry> rows = ledger(dir);
        assertEquals(n, rows.size(), "one ledger row per game id");
        List<String> sgf = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            assertEquals(i + 1, rows.get(i).game(), "ids in order, each once");
            assertTrue(rows.get(i).status() != Corpus.Status.FAILED, rows.get(i).toString());
            if (rows.get(i).status() == Corpus.Status.KEPT) {
                sgf.add(Corpus.fileName(i + 1));
            }
        }
        List<String> present = files(dir).stream().filter(f -> !f.equals(Corpus.LEDGER)).toList();
        assertEquals(sgf, present, "a file for each kept game and nothing else (no temp file)");
        assertEquals(sgf.size(), GameCorpus.read(dir, size, s -> { throw new AssertionError(s); }).size());
    }

    @Test
    void gameIOfTheJobIsGameIOfTheSingleMachineGenerator(@TempDir Path dir) throws IOException {
        CorpusConfig single = CorpusConfig.of(GNUGO, dir.resolve("single")).withSize(7).withGames(5);
        new Corpus(single, e -> { }).run();
        CorpusJob.Plan plan = CorpusJob.Plan.of(single.withOut(dir.resolve("spark")), 2);
        assertEquals(3, plan.split().tasks());
        Corpus.Summary s = CorpusJob.run(sc, plan, new PrintWriter(new StringWriter()));
        assertEquals(5, s.kept() + s.duplicates());
        List<Corpus.Entry> want = ledger(dir.resolve("single"));
        List<Corpus.Entry> got = ledger(dir.resolve("spark"));
        assertEquals(5, got.size());
        for (int i = 0; i < 5; i++) {
            // the opening is a function of (seed, id); GNU Go's own tie-breaks carry over from its earlier games
            int id = i + 1;
            assertEquals(id, got.get(i).game());
            Corpus.Entry w = want.stream().filter(e -> e.game() == id).findFirst().orElseThrow();
            assertEquals(opening(w, 4), opening(got.get(i), 4), "game " + (i + 1));
            assertTrue(got.get(i).moves().split(" ").length > 10, "a whole game: " + got.get(i));
        }
    }

    private static List<String> opening(Corpus.Entry e, int moves) {
        return List.of(e.moves().split(" ")).subList(0, moves);
    }

    @Test
    void aTaskThatDiesMidwayIsRetriedAndEachGameIsKeptOnce(@TempDir Path dir) throws IOException {
        Path faults = Files.createDirectories(dir.resolve("faults"));
        Path out = dir.resolve("corpus");
        // task 0 saves games 1 and 2, dies in game 3 and fails nine more: ten in a row fail the attempt
        CorpusConfig config = CorpusConfig.of(passer(faults), out).withGames(12).withRandomOpening(3);
        Files.createDirectories(out);
        // a partial file from a task that died while writing: never a game, and gone at the end
        Files.writeString(out.resolve(Corpus.fileName(5) + ".4242.tmp"), "(;GM[1]SZ[9];B[", StandardCharsets.UTF_8);
        StringWriter log = new StringWriter();
        Corpus.Summary s = CorpusJob.run(sc, CorpusJob.Plan.of(config, 12), new PrintWriter(log, true));
        assertEquals(0, s.failed(), "the retry played every game: " + log);
        assertEachGameOnce(out, 12, 9);
        assertTrue(Integer.parseInt(Files.readString(faults.resolve("starts")).strip()) > 10,
                "the broken starts really happened");
        assertTrue(log.toString().contains("task 0 attempt 0 failed") || awaitLine(log, "task 0 attempt 0 failed"),
                "the failed attempt is reported by task: " + log);
    }

    @Test
    void aCorpusDirectoryWithALedgerIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(Corpus.LEDGER), "", StandardCharsets.UTF_8);
        CorpusJob.Plan plan = CorpusJob.Plan.of(CorpusConfig.of(passer(null), dir).withGames(2), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CorpusJob.run(sc, plan, new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().contains("already holds a corpus ledger"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(Corpus.fileName(1))), "nothing played");
    }

    /** Waits up to 10 s for the listener bus (asynchronous) to print {@code line}. */
    static boolean awaitLine(StringWriter log, String line) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            if (log.toString().contains(line)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
