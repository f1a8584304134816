package dev.primer.cluster;

import dev.primer.experiments.cli.CliCommand;
import dev.primer.experiments.cli.CommandGroup;
import dev.primer.experiments.cli.CorpusOptions;
import dev.primer.experiments.cli.MatchOptions;
import dev.primer.experiments.cli.SeedOption;
import dev.primer.experiments.cli.SlPolicyOptions;
import dev.primer.experiments.core.Budget;
import dev.primer.experiments.core.Registry;
import dev.primer.experiments.match.Corpus;
import dev.primer.experiments.match.MatchConfig;
import dev.primer.experiments.match.MatchReport;
import dev.primer.rl.alphago.ShippedCorpus;
import dev.primer.rl.alphago.SlPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code primer cluster}: the jobs that outgrow one machine, on Apache Spark. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Corpus generation, matches, seed sweeps and training as Apache Spark jobs: embedded with "
                + "--master local[N], on a standalone cluster with --master spark://HOST:PORT, or under spark-submit.",
        subcommands = {ClusterCommand.CorpusCommand.class, ClusterCommand.MatchCommand.class,
                ClusterCommand.SweepCommand.class, ClusterCommand.TrainSlCommand.class})
final class ClusterCommand extends CommandGroup {


    /** {@code --master}: where the job runs. */
    static final class MasterOption {
        @Option(names = "--master", defaultValue = "local[*]",
                description = "Spark master: local[N] (embedded, N task slots), spark://HOST:PORT; ignored under "
                        + "spark-submit (default: ${DEFAULT-VALUE})")
        String master;
    }

    /** {@code --master} and {@code --games-per-task}: where a job of games runs and how it is cut. */
    static final class TaskOptions {
        @Mixin
        MasterOption master;

        @Option(names = "--games-per-task", defaultValue = "8", description = "games per task (default: ${DEFAULT-VALUE})")
        int gamesPerTask;
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
        TaskOptions tasks;

        @Override
        public Integer call() throws Exception {
            CorpusJob.Plan plan;
            try {
                plan = CorpusJob.Plan.of(corpus.config(), tasks.gamesPerTask);
            } catch (IllegalArgumentException e) {
                throw badInput(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            Corpus.Summary s;
            double seconds;
            try (JavaSparkContext sc = SparkJobs.open(tasks.master.master, "corpus")) {
                long t0 = System.nanoTime();
                s = CorpusJob.run(sc, plan, out);
                seconds = (System.nanoTime() - t0) / 1e9;
            } catch (IllegalArgumentException e) {
                throw badInput(e.getMessage());
            }
            out.printf(Locale.ROOT, "corpus %s: %d games kept, %d duplicates dropped, %d failed; %d tasks in %.1f s "
                    + "after the context started (%.2f games/s)%n", plan.config().out(), s.kept(), s.duplicates(),
                    s.failed(), plan.split().tasks(), seconds, plan.config().games() / seconds);
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
        TaskOptions tasks;

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
            try (JavaSparkContext sc = SparkJobs.open(tasks.master.master, "match")) {
                report = MatchJob.run(sc, config, tasks.gamesPerTask, out);
            }
            match.finish(report, out);
            return 0;
        }
    }

    /** {@code primer cluster sweep}: an experiment over seeds and settings, one Spark task per run. */
    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = "Run experiment NAME once per seed and setting, one Spark task (and one JVM) per run, into "
                    + "OUT/SETTING/seed-S/NAME/; then print each numeric metric's mean ± standard error over the "
                    + "seeds, write OUT/sweep.json, and OUT/SETTING/curves.png where the runs log training episodes.")
    static final class SweepCommand extends CliCommand {
        @Parameters(paramLabel = "NAME", description = "experiment name (see `primer list`)")
        String name;

        @Option(names = "--seeds", required = true, description = "seeds: A..B or a list like 1,2,5")
        String seeds;

        @Option(names = "--set", paramLabel = "KEY=VALUE[,VALUE...]", description = "a system property of every run "
                + "(e.g. primer.minatar.game=breakout,asterix); a list sweeps it; repeat for several")
        List<String> sets = new ArrayList<>();

        @Option(names = "--budget", defaultValue = "quick", description = "quick or full (default: ${DEFAULT-VALUE})")
        Budget budget;

        @Option(names = "--out", defaultValue = "results/sweep", description = "output directory, shared by the "
                + "executors (default: ${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--run-java-options", defaultValue = "-Xmx2g", description = "JVM options of each run "
                + "(default: ${DEFAULT-VALUE})")
        String javaOptions;

        @Mixin
        MasterOption master;

        @Override
        public Integer call() throws Exception {
            if (Registry.find(name).isEmpty()) {
                throw badInput("unknown experiment '" + name + "'; `primer list` shows the registered ones");
            }
            SweepJob.Plan plan;
            try {
                plan = new SweepJob.Plan(name, budget, SweepJob.seeds(seeds), SweepJob.settings(sets),
                        out.toAbsolutePath(), List.of(javaOptions.strip().split("\\s+")));
            } catch (IllegalArgumentException e) {
                throw badInput(e.getMessage());
            }
            PrintWriter log = spec.commandLine().getOut();
            try (JavaSparkContext sc = SparkJobs.open(master.master, "sweep " + name)) {
                SweepJob.run(sc, plan, log);
            }
            log.println("wrote " + plan.out().resolve(SweepJob.SUMMARY));
            return 0;
        }
    }

    /** {@code primer cluster train-sl}: {@code primer alphago train-sl} data-parallel, by parameter averaging. */
    @Command(name = "train-sl", mixinStandardHelpOptions = true,
            description = "Train the SL policy network of 'primer alphago train-sl' on the shipped corpus "
                    + "data-parallel with dl4j-spark's parameter averaging: W workers each take F minibatches of B/W positions per "
                    + "round, then parameters and Adam's moments are averaged; print progress, then the test top-1/"
                    + "top-3/NLL, and save the network as OUT/" + SlPolicy.MODEL + ".")
    static final class TrainSlCommand extends CliCommand {
        @Mixin
        SlPolicyOptions options;

        @Mixin
        SeedOption seed;

        @Option(names = "--out", required = true, description = "directory of the trained network")
        Path out;

        @Option(names = "--workers", defaultValue = "2", description = "data-parallel workers W, tasks per round "
                + "(default: ${DEFAULT-VALUE})")
        int workers;

        @Option(names = "--averaging-frequency", defaultValue = "5", description = "minibatches F each worker takes "
                + "between two averagings (default: ${DEFAULT-VALUE})")
        int averagingFrequency;

        @Mixin
        MasterOption master;

        @Override
        public Integer call() throws Exception {
            SlPolicyJob.Plan plan;
            try {
                plan = new SlPolicyJob.Plan(options.config(seed.value, ShippedCorpus.RANDOM_OPENING), workers,
                        averagingFrequency);
            } catch (IllegalArgumentException e) {
                throw badInput(e.getMessage());
            }
            PrintWriter log = spec.commandLine().getOut();
            SlPolicyJob.Report r;
            try (JavaSparkContext sc = SparkJobs.open(master.master, "train-sl")) {
                r = SlPolicyJob.run(sc, plan, out, log);
            }
            SlPolicy.Data d = r.data();
            log.printf(Locale.ROOT, "games %d train / %d validation / %d test; %d training positions; %d steps, %d "
                    + "positions seen in %.1f s (%.0f positions/s)%n", d.trainGames(), d.validationGames(),
                    d.testGames(), d.train().count(), r.steps(), r.positions(), r.seconds(),
                    r.positions() / r.seconds());
            log.println("test, untrained " + r.untrained().line());
            log.println("test " + r.test().line());
            log.println("test, 8 symmetries averaged " + r.testSymmetries().line());
            log.println("model " + r.model());
            return 0;
        }
    }
}
