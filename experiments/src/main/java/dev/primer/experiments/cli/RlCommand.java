package dev.primer.experiments.cli;

import dev.primer.experiments.core.Plots;
import dev.primer.rl.core.RunCurves;
import dev.primer.rl.core.Task;
import dev.primer.rl.core.Training;
import dev.primer.rl.dqn.DqnAgent;
import dev.primer.rl.dqn.DqnConfig;
import dev.primer.rl.dqn.Replay;
import dev.primer.rl.nets.TdLoss;
import dev.primer.rl.rl4j.Rl4jRunner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code primer rl}: train our DQN or RL4J's on a task from the command line. */
@Command(name = "rl", mixinStandardHelpOptions = true,
        description = "Reinforcement learning: our DQN (rl dqn) and RL4J's (rl rl4j) on cartpole or minatar-<game>; "
                + "several runs' learning curves combined (rl curves).",
        subcommands = {RlCommand.Dqn.class, RlCommand.Rl4j.class, RlCommand.Curves.class})
public final class RlCommand extends CommandGroup {

    /** Options both trainers share. */
    static final class Common {
        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec mixee;

        CommandLine spec() {
            return mixee.commandLine();
        }

        @Option(names = "--env", required = true, description = "cartpole or minatar-<game> (e.g. minatar-breakout)")
        String env;

        @Option(names = "--steps", description = "environment steps (default: the preset's reference length)")
        Long steps;

        @CommandLine.Mixin
        SeedOption seed;

        @Option(names = "--memory", description = "replay capacity (default: the preset's)")
        Integer memory;

        @Option(names = "--learning-starts", description = "steps before the first update (default: the preset's)")
        Long learningStarts;

        @Option(names = "--double", description = "Double DQN")
        boolean doubleDqn;

        @Option(names = "--eval-episodes", defaultValue = "10", description = "greedy episodes at the end "
                + "(default: ${DEFAULT-VALUE})")
        int evalEpisodes;

        @Option(names = "--max-episode-steps", defaultValue = "10000", description = "cut evaluation episodes after "
                + "this many steps (default: ${DEFAULT-VALUE})")
        int maxEpisodeSteps;

        @Option(names = "--json", description = "also write the result to FILE")
        Path json;

        Task task() {
            try {
                return Task.of(env);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec(), "--env: " + e.getMessage());
            }
        }

        DqnConfig config(Task task) {
            DqnConfig c = task.preset().withDoubleDqn(doubleDqn);
            return c.withMemory(memory == null ? c.bufferSize() : memory,
                    learningStarts == null ? c.learningStarts() : learningStarts);
        }

        long steps(DqnConfig c) {
            return steps == null ? c.totalSteps() : steps;
        }
    }

    /** {@code primer rl dqn}: our DQN with checkpoints (rerun the same command to resume), CSVs and a curve. */
    @Command(name = "dqn", mixinStandardHelpOptions = true,
            description = "Train our DQN; rerunning with the same --out resumes from its checkpoint.")
    static final class Dqn extends CliCommand {
        @CommandLine.Mixin
        Common common;

        @Option(names = "--out", description = "output directory (default: results/rl/dqn-ENV-seedN)")
        Path out;

        @Option(names = "--n-step", defaultValue = "1", description = "n-step returns (default: ${DEFAULT-VALUE})")
        int nStep;

        @Option(names = "--prioritized", description = "prioritized replay (Schaul et al. 2016)")
        boolean prioritized;

        @Option(names = "--loss", description = "HUBER or MSE (default: the preset's)")
        TdLoss.Kind loss;

        @Option(names = "--eval-every", defaultValue = "0", description = "steps between evaluations (default: "
                + "steps/20)")
        long evalEvery;

        @Option(names = "--checkpoint-every", defaultValue = "50000", description = "steps between checkpoints "
                + "(default: ${DEFAULT-VALUE})")
        long checkpointEvery;

        @Option(names = "--progress", description = "show a progress bar")
        boolean progress;

        @Override
        public Integer call() throws Exception {
            Task task = common.task();
            DqnConfig c = common.config(task).withNStep(nStep)
                    .withReplay(prioritized ? Replay.PRIORITIZED : Replay.UNIFORM);
            if (loss != null) {
                c = c.withLoss(loss);
            }
            long steps = common.steps(c);
            Path dir = out != null ? out : Path.of("results", "rl", "dqn-" + common.env + "-seed" + common.seed.value);
            DqnAgent agent = DqnAgent.of(task, c, common.seed.value);
            long every = evalEvery > 0 ? evalEvery : Math.max(1, steps / 20);
            Training.Result r = Training.run(Training.Config.of(steps, common.seed.value)
                    .withEval(every, 10, common.evalEpisodes, common.maxEpisodeSteps)
                    .withOutput(dir, checkpointEvery).withProgress(progress), task.envs(), agent);
            System.out.printf(Locale.ROOT, "dqn %s: %d steps (resumed from %d), greedy return %.2f ± %.2f over %d "
                            + "episodes, last-100 training return %.2f, %.0f frames/s; files in %s%n", common.env,
                    r.state().step(), r.resumedFrom(), r.finalEval().mean(), r.finalEval().std(),
                    r.finalEval().episodes(), r.recentReturn(), r.framesPerSecond(), dir);
            if (common.json != null) {
                Json.write(common.json, Map.of("env", common.env, "steps", r.state().step(), "seed", common.seed.value,
                        "greedy_mean_return", r.finalEval().mean(), "greedy_std_return", r.finalEval().std(),
                        "recent_training_return", r.recentReturn(), "frames_per_second", r.framesPerSecond()));
            }
            return 0;
        }
    }

    /** {@code primer rl rl4j}: RL4J's QLearningDiscreteDense with our preset's hyperparameters and our network. */
    @Command(name = "rl4j", mixinStandardHelpOptions = true,
            description = "Train RL4J's QLearningDiscreteDense on our environment with matching hyperparameters.")
    static final class Rl4j extends CliCommand {
        @CommandLine.Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            Task task = common.task();
            DqnConfig c = common.config(task);
            long steps = common.steps(c);
            if (steps > Integer.MAX_VALUE) {
                throw badInput("--steps too large: RL4J counts in an int");
            }
            Rl4jRunner.Result r = Rl4jRunner.train(task, c, (int) steps, common.maxEpisodeSteps, common.evalEpisodes,
                    common.seed.value);
            System.out.printf(Locale.ROOT, "rl4j %s: %d steps in %.1f s = %.0f frames/s, greedy return %.2f ± %.2f "
                    + "over %d episodes%n", common.env, r.steps(), r.seconds(), r.framesPerSecond(), r.evalMean(),
                    r.evalStd(), common.evalEpisodes);
            if (common.json != null) {
                Json.write(common.json, r);
            }
            return 0;
        }
    }

    /**
     * {@code primer rl curves}: several runs' training curves combined as MinAtar's {@code plot_return.py} does
     * (each run's last-{@code window}-episode mean, then mean ± standard error across runs).
     */
    @Command(name = "curves", mixinStandardHelpOptions = true,
            description = "Combine the training curves of several runs (their episodes.csv): each run's mean return "
                    + "over its last --window episodes (with --spans, over all episodes in each --every frames), then "
                    + "mean ± standard error across runs, as MinAtar's "
                    + "plot_return.py averages its 30 runs. Prints a table; writes curves.csv (every run and the "
                    + "mean) and curves.png (the mean ± standard error).")
    public static final class Curves extends CliCommand {
        @Parameters(arity = "1..*", paramLabel = "RUN", description = "a run's output directory (searched for "
                + "episodes.csv) or an episodes.csv file")
        List<Path> paths;

        @Option(names = "--window", defaultValue = "100", description = "episodes per trailing mean "
                + "(default: ${DEFAULT-VALUE}, MinAtar's)")
        int window;

        @Option(names = "--every", defaultValue = "1000000", description = "frames between rows of the printed "
                + "table (default: ${DEFAULT-VALUE})")
        long every;

        @Option(names = "--spans", description = "print each run's mean over all the episodes that end in each "
                + "--every frames, instead of its last --window episodes (the CSV and plot keep the trailing mean)")
        boolean spans;

        @Option(names = "--resolution", defaultValue = "10000", description = "frames between points of the CSV "
                + "and the plot (default: ${DEFAULT-VALUE})")
        long resolution;

        @Option(names = "--out", description = "directory for curves.csv and curves.png (default: no files)")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (window < 1 || every < 1 || resolution < 1) {
                throw badInput("--window, --every and --resolution must be positive");
            }
            List<RunCurves.Run> runs = new ArrayList<>();
            for (Path p : paths) {
                try {
                    runs.addAll(RunCurves.read(p));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw badInput(e.getMessage());
                }
            }
            long[] rows = RunCurves.commonFrames(runs, every);
            RunCurves.Summary table = spans ? RunCurves.summariseSpans(runs, every, rows)
                    : RunCurves.summarise(runs, window, rows);
            System.out.print(format(runs, table));
            if (out != null) {
                write(runs, window, resolution, out);
                System.out.println("wrote " + out.resolve("curves.csv") + " and " + out.resolve("curves.png"));
            }
            return 0;
        }

        /**
         * Writes {@code out/curves.csv} (every run and the mean ± s.e., a point every {@code resolution} frames) and
         * {@code out/curves.png} (the mean ± s.e. of each run's last-{@code window}-episode mean return).
         */
        public static void write(List<RunCurves.Run> runs, int window, long resolution, Path out) throws IOException {
            Files.createDirectories(out);
            RunCurves.Summary fine = RunCurves.summarise(runs, window, RunCurves.commonFrames(runs, resolution));
            writeCsv(out.resolve("curves.csv"), runs, fine);
            Plots.lines(out, "curves.png", runs.size() + " runs: mean return of the last " + window
                    + " training episodes", "frames", "return", series(runs.size(), fine));
        }

        /** One row per frame: each run's value, then the mean ± standard error. */
        private static String format(List<RunCurves.Run> runs, RunCurves.Summary s) {
            int[] width = runs.stream().mapToInt(r -> Math.max(6, r.name().length())).toArray();
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%12s", "frames"));
            for (int r = 0; r < runs.size(); r++) {
                b.append(String.format(Locale.ROOT, " %" + width[r] + "s", runs.get(r).name()));
            }
            b.append("   mean ± s.e.\n");
            for (int f = 0; f < s.frames().length; f++) {
                b.append(String.format(Locale.ROOT, "%,12d", s.frames()[f]));
                for (int r = 0; r < runs.size(); r++) {
                    b.append(String.format(Locale.ROOT, " %" + width[r] + ".2f", s.perRun()[r][f]));
                }
                b.append(String.format(Locale.ROOT, "   %.2f ± %.2f%n", s.mean()[f], s.stdErr()[f]));
            }
            return b.toString();
        }

        private static void writeCsv(Path file, List<RunCurves.Run> runs, RunCurves.Summary s) throws IOException {
            try (BufferedWriter w = Files.newBufferedWriter(file)) {
                w.write("frame,mean,std_err");
                for (RunCurves.Run r : runs) {
                    w.write("," + r.name().replace(',', '_'));
                }
                w.newLine();
                for (int f = 0; f < s.frames().length; f++) {
                    w.write(String.format(Locale.ROOT, "%d,%.4f,%.4f", s.frames()[f], s.mean()[f], s.stdErr()[f]));
                    for (double[] run : s.perRun()) {
                        w.write(String.format(Locale.ROOT, ",%.4f", run[f]));
                    }
                    w.newLine();
                }
            }
        }

        /**
         * The mean of {@code runs} runs and mean ± one standard error (plot_return.py draws seaborn's 68% band,
         * about the same); frames without a value are left out.
         */
        private static List<Plots.Series> series(int runs, RunCurves.Summary s) {
            double[] lo = new double[s.mean().length];
            double[] hi = new double[s.mean().length];
            for (int f = 0; f < lo.length; f++) {
                lo[f] = s.mean()[f] - s.stdErr()[f];
                hi[f] = s.mean()[f] + s.stdErr()[f];
            }
            return Stream.of(line("mean − s.e.", s.frames(), lo), line("mean + s.e.", s.frames(), hi),
                    line("mean of " + runs, s.frames(), s.mean())).filter(l -> l.x().length > 0).toList();
        }

        private static Plots.Series line(String name, long[] frames, double[] values) {
            int[] keep = IntStream.range(0, values.length).filter(i -> !Double.isNaN(values[i])).toArray();
            return new Plots.Series(name, Arrays.stream(keep).mapToDouble(i -> frames[i]).toArray(),
                    Arrays.stream(keep).mapToDouble(i -> values[i]).toArray());
        }
    }
}
