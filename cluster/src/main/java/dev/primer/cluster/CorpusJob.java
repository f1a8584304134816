package dev.primer.cluster;

import dev.primer.experiments.match.Corpus;
import dev.primer.experiments.match.CorpusConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@link Corpus} as a Spark job: game ids 1..games are cut into tasks of {@code gamesPerTask} consecutive ids, and
 * task {@code t} plays ids {@code t*G+1 .. (t+1)*G} with a {@link Corpus.Player} of its own. A game's opening depends
 * on (seed, id) alone, so game {@code i} is the single-machine generator's game {@code i}.
 * <p>
 * Each finished game is saved by its id ({@link Corpus#save}: a temporary file renamed over the name), so a retried
 * task overwrites its own games and a dead task leaves at most a {@code .tmp} file, which no reader takes for a game.
 * The driver gathers every task's ledger rows, drops games whose moves repeat a lower id's (their files are removed)
 * and writes the ledger last: {@code corpus.tsv} in the single-machine format, so that {@code primer go pack} and a
 * single-machine run that resumes the corpus read it as their own.
 */
public final class CorpusJob {
    /**
     * What a job plays.
     *
     * @param config the corpus (its {@code games} is the number of ids, its {@code threads} unused)
     * @param split  the ids 1..games in tasks
     */
    public record Plan(CorpusConfig config, Split split) {
        /** Checks that the split covers the corpus's ids. */
        public Plan {
            if (split.items() != config.games()) {
                throw new IllegalArgumentException("a split of " + split.items() + " ids for " + config.games()
                        + " games");
            }
        }

        /** Returns the plan of {@code config} in tasks of {@code gamesPerTask} ids. */
        public static Plan of(CorpusConfig config, int gamesPerTask) {
            return new Plan(config, new Split(config.games(), gamesPerTask));
        }
    }

    private CorpusJob() {
    }

    /**
     * Runs the corpus on {@code sc}, reporting tasks to {@code log}, and returns the counts; throws
     * IllegalArgumentException when the output directory already holds a ledger.
     */
    public static Corpus.Summary run(JavaSparkContext sc, Plan plan, PrintWriter log) throws IOException {
        Path out = plan.config().out();
        Files.createDirectories(out);
        if (Files.exists(out.resolve(Corpus.LEDGER))) {
            throw new IllegalArgumentException(out + " already holds a corpus ledger: use a new --out (or resume it "
                    + "on one machine with 'primer go corpus')");
        }
        SparkJobs.report(sc, "games", plan.split().sizes(), log);
        Portable portable = Portable.of(plan);
        List<Integer> tasks = plan.split().indices();
        List<List<String>> rows = sc.parallelize(tasks, tasks.size())
                .map(t -> playTask(portable.to(Plan.class), t))
                .collect();
        return gather(plan.config(), rows);
    }

    /**
     * Plays task {@code t} of {@code plan}: saves every finished game under its id and returns the ledger rows in id
     * order. Throws IllegalStateException when {@value Corpus#MAX_FAILURES_IN_A_ROW} games in a row fail: a broken
     * engine fails the task (and after Spark's retries, the job) rather than filling the ledger with failures.
     */
    static List<String> playTask(Plan plan, int t) throws IOException {
        CorpusConfig config = plan.config();
        Files.createDirectories(config.out());
        List<String> rows = new ArrayList<>();
        int failuresInARow = 0;
        try (Corpus.Player player = new Corpus.Player(config)) {
            for (int id = plan.split().first(t); id <= plan.split().last(t); id++) {
                Corpus.Game g = player.play(id);
                if (g.record() != null) {
                    Corpus.save(config.out(), id, g.record());
                }
                rows.add(Corpus.row(g.entry()));
                failuresInARow = g.entry().status() == Corpus.Status.FAILED ? failuresInARow + 1 : 0;
                if (failuresInARow >= Corpus.MAX_FAILURES_IN_A_ROW) {
                    throw new IllegalStateException("task " + t + ": " + failuresInARow + " games in a row failed, "
                            + "the last with: " + g.entry().detail() + " (engine '" + config.engine() + "')");
                }
            }
        }
        return rows;
    }

    /** Marks repeated games as duplicates (removing their files), writes the ledger and removes stray temp files. */
    static Corpus.Summary gather(CorpusConfig config, List<List<String>> taskRows) throws IOException {
        Path out = config.out();
        StringBuilder ledger = new StringBuilder(Corpus.ledgerHead(config));
        Set<String> keptMoves = new HashSet<>();
        int kept = 0;
        int duplicates = 0;
        int failed = 0;
        for (List<String> rows : taskRows) {
            for (String row : rows) {
                Corpus.Entry e = Corpus.parse(row.substring(0, row.length() - 1));
                if (e == null) {
                    throw new IllegalStateException("a task returned a row that is no ledger row: '" + row + "'");
                }
                if (e.status() == Corpus.Status.KEPT && !keptMoves.add(e.moves())) {
                    e = new Corpus.Entry(e.game(), Corpus.Status.DUPLICATE, e.moves(), e.result(), e.detail());
                    Files.deleteIfExists(out.resolve(Corpus.fileName(e.game())));
                }
                switch (e.status()) {
                    case KEPT -> kept++;
                    case DUPLICATE -> duplicates++;
                    case FAILED -> failed++;
                }
                ledger.append(Corpus.row(e));
            }
        }
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(f);
            }
        }
        Path tmp = Files.createTempFile(out, Corpus.LEDGER + ".", ".tmp");
        Files.writeString(tmp, ledger, StandardCharsets.UTF_8);
        Files.move(tmp, out.resolve(Corpus.LEDGER), StandardCopyOption.ATOMIC_MOVE);
        return new Corpus.Summary(kept, duplicates, failed);
    }
}
