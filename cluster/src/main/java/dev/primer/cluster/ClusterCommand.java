package dev.primer.cluster;

import dev.primer.experiments.cli.CliCommand;
import dev.primer.experiments.cli.CommandGroup;
import dev.primer.experiments.cli.CorpusOptions;
import dev.primer.experiments.cli.MatchOptions;
import dev.primer.experiments.match.Corpus;
import dev.primer.experiments.match.MatchConfig;
import dev.primer.experiments.match.MatchReport;
import java.io.PrintWriter;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code primer cluster}: the jobs that outgrow one machine, on Apache Spark. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Corpus generation, matches, seed sweeps and training as Apache Spark jobs: embedded with "
                + "--master local[N], on a standalone cluster with --master spark://HOST:PORT, or under spark-submit.",
        subcommands = {ClusterCommand.CorpusCommand.class, ClusterCommand.MatchCommand.class})
final class ClusterCommand extends CommandGroup {

    /** {@code --games-per-task}. */
    static final class TaskOption {
        @Option(names = "--games-per-task", defaultValue = "8", description = "games per task (default: ${DEFAULT-VALUE})")
        int gamesPerTask;
    }

    /** {@code --master}: where the job runs. */
    static final class MasterOption {
        @Option(names = "--master", defaultValue = "local[*]",
                description = "Spark master: local[N] (embedded, N task slots), spark://HOST:PORT; ignored under "
                        + "spark-submit (default: ${DEFAULT-VALUE})")
        String master;
    }

    /** {@code primer cluster corpus}: {@code primer go corpus} cut into Spark tasks of G games. */
    @Command(name = "corpus", mixinStandardHelpOptions = true,
            description = "Self-play corpus as a Spark job: game ids 1..N in tasks of G games; game i is the "
                    + "single-machine generator's game i. Writes DIR/game-NNNNNN.sgf and the ledger DIR/corpus.tsv "
                    + "(duplicates dropped, as 'primer go corpus').")
    static final class CorpusCommand extends CliCommand {
        @Mixin
        CorpusOptions corpus;

        @Mixin
        MasterOption master;

        @Mixin
        TaskOption tasks;

        @Override
        public Integer call() throws Exception {
            CorpusJob.Plan plan;
            try {
                plan = CorpusJob.Plan.of(corpus.config(), tasks.gamesPerTask);
            } catch (IllegalArgumentException e) {
                throw badInput(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            long t0 = System.nanoTime();
            Corpus.Summary s;
            try (JavaSparkContext sc = SparkJobs.open(master.master, "corpus")) {
                s = CorpusJob.run(sc, plan, out);
            } catch (IllegalArgumentException e) {
                throw badInput(e.getMessage());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "corpus %s: %d games kept, %d duplicates dropped, %d failed; %d tasks in %.1f s "
                    + "(%.2f games/s)%n", plan.config().out(), s.kept(), s.duplicates(), s.failed(), plan.split().tasks(),
                    seconds, plan.config().games() / seconds);
            return 0;
        }
    }

    /** {@code primer cluster match}: {@code primer match} cut into Spark tasks of G games. */
    @Command(name = "match", mixinStandardHelpOptions = true,
            description = "A match between GTP engines as a Spark job: games 1..N in tasks of G games, each task with "
                    + "engines of its own; prints (and --json writes) the table of 'primer match'.")
    static final class MatchCommand extends CliCommand {
        @Mixin
        MatchOptions match;

        @Mixin
        MasterOption master;

        @Mixin
        TaskOption tasks;

        @Override
        public Integer call() throws Exception {
            MatchConfig config;
            try {
                config = match.config();
                new Split(config.games(), tasks.gamesPerTask);
            } catch (IllegalArgumentException e) {
                throw badInput(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            MatchReport report;
            try (JavaSparkContext sc = SparkJobs.open(master.master, "match")) {
                report = MatchJob.run(sc, config, tasks.gamesPerTask, out);
            }
            match.finish(report, out);
            return 0;
        }
    }
}
