package dev.primer.experiments.cli;

import dev.primer.experiments.core.Budget;
import dev.primer.go.board.Coords;
import dev.primer.go.corpus.GameCorpus;
import dev.primer.go.corpus.GameRecord;
import dev.primer.go.corpus.Split;
import dev.primer.mcts.BatchingEvaluator;
import dev.primer.mcts.Limits;
import dev.primer.mcts.Search;
import dev.primer.mcts.SearchResult;
import dev.primer.mcts.Wilson;
import dev.primer.mcts.go.GoState;
import dev.primer.mcts.go.RolloutKind;
import dev.primer.mcts.go.RolloutWeights;
import dev.primer.nn.Net;
import dev.primer.nn.train.Checkpoint;
import dev.primer.nn.train.Trainer;
import dev.primer.rl.alphago.AlphaGoPlayer;
import dev.primer.rl.alphago.PolicyAccuracy;
import dev.primer.rl.alphago.RlTraining;
import dev.primer.rl.alphago.RolloutTraining;
import dev.primer.rl.alphago.RolloutWeightsFile;
import dev.primer.rl.alphago.ShippedCorpus;
import dev.primer.rl.alphago.SlPolicy;
import dev.primer.rl.alphago.ValueNet;
import dev.primer.rl.alphago.ValueTraining;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code primer alphago}: the AlphaGo training pipeline on 9x9. */
@Command(name = "alphago", mixinStandardHelpOptions = true,
        description = "AlphaGo's training pipeline on 9x9 (Silver et al. 2016): the supervised policy network and the "
                + "fast rollout policy.",
        subcommands = {AlphaGoCommand.TrainSl.class, AlphaGoCommand.TrainRollout.class, AlphaGoCommand.TrainValue.class,
                AlphaGoCommand.TrainRl.class, AlphaGoCommand.BenchSearch.class})
final class AlphaGoCommand extends CommandGroup {

    /** {@code primer alphago train-sl}: the SL policy network on a corpus; rerun with the same --out to resume. */
    @Command(name = "train-sl", mixinStandardHelpOptions = true,
            description = "Train the SL policy network (residual tower, Adam, one random symmetry per example) on a "
                    + "corpus split 90/5/5 by game; print validation and test accuracy. Rerun with the same --out to "
                    + "resume a killed run; the network is saved as OUT/" + SlPolicy.MODEL + ".")
    static final class TrainSl extends CliCommand {
        @CommandLine.Mixin
        CorpusRun run;

        @CommandLine.Mixin
        SlPolicyOptions options;

        @Option(names = "--init", description = "start from this network's weights (a checkpoint of the same tower, "
                + "or 'shipped'): a fine-tune with fresh Adam moments and the run's own rate schedule")
        Path init;

        @Override
        public Integer call() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            SlPolicy.Config c = options.config(run.seed.value, run.skipOpening);
            Net start = init == null ? null : loadPolicy(this, "--init", init);
            List<GameRecord> games = run.games(w);
            SlPolicy.Report r;
            try {
                r = SlPolicy.train(c, games, start, run.out, System.console() != null);
            } catch (IllegalArgumentException e) {
                throw badInput(e.getMessage());
            }
            w.printf(Locale.ROOT, "games %d train / %d validation / %d test; %d training positions%n", r.trainGames(),
                    r.validationGames(), r.testGames(), r.trainPositions());
            for (Map<String, Double> e : r.evaluations()) {
                w.printf(Locale.ROOT, "step %6.0f: train top-1 %.3f, validation top-1 %.3f top-3 %.3f nll %.3f%n",
                        e.get("step"), e.get("train_top1"), e.get("validation_top1"), e.get("validation_top3"),
                        e.get("validation_nll"));
            }
            w.println("test " + r.test().line());
            w.println("test, 8 symmetries averaged " + r.testSymmetries().line());
            w.println("model " + r.model());
            return 0;
        }
    }

    /** {@code primer alphago train-rollout}: the linear-softmax rollout policy by maximum likelihood. */
    @Command(name = "train-rollout", mixinStandardHelpOptions = true,
            description = "Fit the fast rollout policy (linear softmax over captures, atari escapes, self-atari, "
                    + "nearness to the last move, MoGo and 3x3 patterns) to the training games of a corpus split "
                    + "90/5/5 by game; print its held-out top-1 and save the weights as OUT/" + TrainRollout.WEIGHTS
                    + ".")
    static final class TrainRollout extends CliCommand {
        /** File name of the trained weights. */
        static final String WEIGHTS = "rollout-weights.bin";

        @CommandLine.Mixin
        CorpusRun run;

        @Option(names = "--epochs", defaultValue = "3", description = "passes over the positions (default: "
                + "${DEFAULT-VALUE})")
        int epochs;

        @Override
        public Integer call() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            List<GameRecord> games = run.games(w);
            List<GameRecord> train = games.stream().filter(g -> Split.of(g) == Split.TRAIN).toList();
            List<GameRecord> test = games.stream().filter(g -> Split.of(g) == Split.TEST).toList();
            RolloutTraining.Config c = RolloutTraining.Config.defaults();
            c = new RolloutTraining.Config(epochs, c.learningRate(), c.l2(), run.seed.value);
            RolloutTraining.Examples trainSet = RolloutTraining.examples(train, run.skipOpening);
            RolloutTraining.Examples testSet = RolloutTraining.examples(test, run.skipOpening);
            RolloutTraining.Accuracy before = RolloutTraining.accuracy(testSet, RolloutWeights.defaults());
            RolloutWeights weights = RolloutTraining.train(trainSet, c, RolloutWeights.defaults());
            RolloutTraining.Accuracy after = RolloutTraining.accuracy(testSet, weights);
            Path file = run.out.resolve(WEIGHTS);
            RolloutWeightsFile.write(file, weights);
            w.printf(Locale.ROOT, "games %d train / %d test; %d training positions%n", train.size(), test.size(),
                    trainSet.positions());
            w.printf(Locale.ROOT, "test, hand-set weights: top-1 %.4f, nll %.4f (%d positions, %.1f%% covered)%n",
                    before.top1(), before.nll(), before.positions(), 100 * before.coverage());
            w.printf(Locale.ROOT, "test, trained weights:  top-1 %.4f, nll %.4f%n", after.top1(), after.nll());
            w.println("weights " + file);
            return 0;
        }
    }

    /** {@code primer alphago train-value}: the value network on one position per self-play game. */
    @Command(name = "train-value", mixinStandardHelpOptions = true,
            description = "Play self-play games side by side (SL policy to a random move number U, one random move, "
                    + "then the RL policy), keep one position per game labelled with the outcome for its player to "
                    + "move, train the value network by MSE, and print the held-out MSE by move number beside "
                    + "Monte Carlo estimates from light and trained rollouts (AlphaGo's Fig. 2b). Rerun with the same "
                    + "--out to resume: finished rounds of games are kept in OUT/" + ValueTraining.GAMES_DIR + " and "
                    + "training resumes from its checkpoint; the network is saved as OUT/" + ValueNet.MODEL + ".")
    static final class TrainValue extends CliCommand {
        @CommandLine.Mixin
        SelfPlayRun run;

        @Option(names = "--rl", description = "the RL policy network that finishes the games (default: the SL one)")
        Path rl;

        @Option(names = "--budget", defaultValue = "quick", description = "quick (3,000 games, 2x32 tower, 600 "
                + "steps) or full (50,000 games, 4x64 tower, 6,000 steps); default ${DEFAULT-VALUE}")
        Budget budget;

        @Option(names = "--games", description = "self-play games, replacing the budget's")
        Integer games;

        @Option(names = "--steps", description = "updates, replacing the budget's")
        Long steps;

        @Option(names = "--rollouts", defaultValue = "100", description = "rollouts per Monte Carlo estimate "
                + "(default: ${DEFAULT-VALUE})")
        int rollouts;

        @Option(names = "--threads", defaultValue = "1", description = "rounds of self-play games played at once "
                + "(the games do not depend on it; default: ${DEFAULT-VALUE})")
        int threads;

        @Override
        public Integer call() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            ValueTraining.Config c = (budget == Budget.QUICK ? ValueTraining.Config.quick()
                    : ValueTraining.Config.full()).withSeed(run.seed.value);
            if (games != null) {
                c = c.withGames(games);
            }
            if (steps != null) {
                c = c.withSteps(steps);
            }
            if (rollouts < 1) {
                throw badInput("--rollouts must be >= 1");
            }
            if (threads < 1) {
                throw badInput("--threads must be >= 1");
            }
            Net slNet = loadPolicy(this, "--sl", run.sl);
            Net rlNet = rl == null ? slNet : loadPolicy(this, "--rl", rl);
            long t0 = System.nanoTime();
            ValueTraining.Positions all = ValueTraining.generate(c, slNet, rlNet, ShippedCorpus.SIZE, run.out,
                    threads);
            double playSeconds = (System.nanoTime() - t0) / 1e9;
            ValueTraining.Positions[] split = ValueTraining.split(all, c.testShare());
            w.printf(Locale.ROOT, "%d games in %.1f s: %d training positions, %d test positions%n", c.games(),
                    playSeconds, split[0].count(), split[1].count());
            ValueTraining.Report r = ValueTraining.train(c, split[0], split[1], run.out, System.console() != null);
            for (Map<String, Double> e : Trainer.evaluations(run.out)) {
                w.printf(Locale.ROOT, "step %6.0f: train MSE %.4f, test MSE %.4f%n", e.get("step"),
                        e.get("train_mse"), e.get("test_mse"));
            }
            ValueTraining.Comparison cmp = ValueTraining.compare(r.result().net(), split[1], rollouts,
                    RolloutWeightsFile.load(RolloutWeightsFile.SHIPPED_NAME), 10, run.seed.value);
            w.println("held-out MSE against the outcome by move number (AlphaGo Fig. 2b):");
            w.printf(Locale.ROOT, "%-10s %9s %10s %14s %16s%n", "moves", "positions", "value net",
                    "light x" + rollouts, "trained x" + rollouts);
            for (ValueTraining.Bucket b : cmp.buckets()) {
                w.printf(Locale.ROOT, "%3d-%-6d %9d %10.4f %14.4f %16.4f%n", b.fromMove(), b.fromMove() + 9,
                        b.positions(), b.valueNet(), b.light(), b.trained());
            }
            ValueTraining.Bucket a = cmp.all();
            w.printf(Locale.ROOT, "%-10s %9d %10.4f %14.4f %16.4f%n", "all", a.positions(), a.valueNet(), a.light(),
                    a.trained());
            w.printf(Locale.ROOT, "ms per estimate: value net %.3f (wall, batched), light %.2f (CPU), trained %.2f "
                    + "(CPU)%n", cmp.netMillis(), cmp.lightMillis(), cmp.trainedMillis());
            w.println("model " + r.model());
            return 0;
        }
    }

    /** {@code primer alphago train-rl}: the RL policy network by REINFORCE from the SL one; rerun with the same --out to resume. */
    @Command(name = "train-rl", mixinStandardHelpOptions = true,
            description = "Improve the SL policy network by REINFORCE (Williams 1992) in self-play against a pool of "
                    + "its earlier snapshots, games side by side with batched inference; print the win rate against "
                    + "the SL network over the steps. Rerun with the same --out to resume; the network is saved as "
                    + "OUT/" + RlTraining.MODEL + ".")
    static final class TrainRl extends CliCommand {
        @CommandLine.Mixin
        SelfPlayRun run;

        @Option(names = "--budget", defaultValue = "quick", description = "quick (30 steps of 32 games) or full (500 "
                + "steps of 64 games); default ${DEFAULT-VALUE}")
        Budget budget;

        @Option(names = "--iterations", description = "REINFORCE steps, replacing the budget's")
        Integer iterations;

        @Option(names = "--games", arity = "3", paramLabel = "N", description = "games per step, steps between "
                + "snapshots and matches against SL, and games per match, replacing the budget's (e.g. 16 5 40)")
        List<Integer> games;

        @Override
        public Integer call() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            RlTraining.Config c = (budget == Budget.QUICK ? RlTraining.Config.quick() : RlTraining.Config.full())
                    .withSeed(run.seed.value);
            if (iterations != null) {
                c = c.withIterations(iterations);
            }
            if (games != null) {
                try {
                    c = c.withGames(games.get(0), games.get(1), games.get(2));
                } catch (IllegalArgumentException e) {
                    throw badInput("--games: " + e.getMessage());
                }
            }
            loadPolicy(this, "--sl", run.sl);
            for (double[] row : RlTraining.train(c, run.sl.toString(), ShippedCorpus.SIZE, run.out, System.console() != null)) {
                Wilson ci = Wilson.of95(row[1] * row[2], (int) row[2]);
                w.printf(Locale.ROOT, "step %5.0f: RL against SL %.3f of %.0f games (Wilson 95%% [%.3f, %.3f])%n",
                        row[0], row[1], row[2], ci.low(), ci.high());
            }
            w.println("model " + run.out.resolve(RlTraining.MODEL));
            return 0;
        }
    }

    /** {@code primer alphago bench-search}: simulations and batched network evaluations per second of AlphaGo's search. */
    @Command(name = "bench-search", mixinStandardHelpOptions = true,
            description = "Search the empty 9x9 board with AlphaGo's player for a few seconds at each thread count and "
                    + "print simulations, network evaluations (positions through the nets) and batches per second, "
                    + "the mean batch, and the same search with rollouts alone (lambda 1) beside it.")
    static final class BenchSearch extends CliCommand {
        @Option(names = "--model", description = "the policy network (priors): a file, 'shipped' (the default) or "
                + "'shipped-rl'")
        Path model;

        @Option(names = "--value-model", description = "the value network: a file or 'shipped' (the default)")
        String valueModel;

        @Option(names = "--threads", defaultValue = "1,2", split = ",", description = "search thread counts "
                + "(default: ${DEFAULT-VALUE})")
        List<Integer> threads;

        @Option(names = "--seconds", defaultValue = "10", description = "seconds per search (default: "
                + "${DEFAULT-VALUE})")
        double seconds;

        @Option(names = "--lambda", defaultValue = "" + AlphaGoPlayer.LAMBDA, description = "the mix "
                + "(default: ${DEFAULT-VALUE})")
        double lambda;

        @Override
        public Integer call() throws Exception {
            if (!(seconds > 0) || threads.stream().anyMatch(t -> t < 1)) {
                throw badInput("--seconds must be > 0 and --threads >= 1");
            }
            PrintWriter w = spec.commandLine().getOut();
            Net policy = loadPolicy(this, "--model", model);
            Net value = loadValue(this, "--value-model", valueModel);
            RolloutWeights weights = RolloutWeightsFile.load(RolloutWeightsFile.SHIPPED_NAME);
            Coords coords = Coords.of(ShippedCorpus.SIZE);
            w.printf(Locale.ROOT, "%-8s %7s %8s %10s %11s %10s %10s%n", "lambda", "threads", "sims/s", "net evals/s",
                    "batches/s", "mean batch", "tree");
            for (double l : new double[] {lambda, 1}) {
                AlphaGoPlayer.Setup setup = new AlphaGoPlayer.Setup(policy, value, weights, l);
                for (int t : threads) {
                    BatchingEvaluator<GoState> eval = AlphaGoPlayer.evaluator(setup, coords, t);
                    try (Search<GoState> search = new Search<>(AlphaGoPlayer.search(l, t, 1),
                            RolloutKind.LINEAR_SOFTMAX.factory(coords, weights), eval)) {
                        search.setRoot(new GoState(ShippedCorpus.SIZE, 7));
                        search.run(new Limits(Integer.MAX_VALUE, Math.min(1, seconds), false));
                        search.setRoot(new GoState(ShippedCorpus.SIZE, 7));
                        long batches0 = eval.batches();
                        long positions0 = eval.positions();
                        SearchResult r = search.run(new Limits(Integer.MAX_VALUE, seconds, false));
                        double b = eval.batches() - batches0;
                        double p = eval.positions() - positions0;
                        w.printf(Locale.ROOT, "%-8.2f %7d %8.1f %10.1f %11.1f %10.2f %10d%n", l, t,
                                r.simulations() / r.seconds(), p / r.seconds(), b / r.seconds(), b > 0 ? p / b : 0,
                                search.treeSize());
                    }
                }
            }
            return 0;
        }
    }

    /** The policy network {@code flag} names: 'shipped' (the default when {@code file} is null), 'shipped-rl' or a file. */
    static Net loadPolicy(CliCommand command, String flag, Path file) {
        return loadNet(command, flag, file == null ? SlPolicy.SHIPPED_NAME : file.toString(), SlPolicy::load);
    }

    /** The value network {@code flag} names: 'shipped' (the default when {@code spec} is null) or a checkpoint file. */
    static Net loadValue(CliCommand command, String flag, String spec) {
        return loadNet(command, flag, spec == null ? ValueNet.SHIPPED_NAME : spec, ValueNet::load);
    }

    /** Reads a network by {@code loader}; a missing or unreadable one is bad input naming {@code flag} and {@code spec}. */
    private static Net loadNet(CliCommand command, String flag, String spec, NetLoader loader) {
        try {
            return loader.load(spec);
        } catch (java.nio.file.NoSuchFileException e) {
            throw command.badInput("cannot load " + flag + " " + spec + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw command.badInput("cannot load " + flag + " " + spec + ": " + e.getMessage());
        }
    }

    /** Reads a network from a command line's name for it. */
    private interface NetLoader {
        Net load(String spec) throws IOException;
    }

    /** The options of the self-play trainers: the SL network they start from, the output directory, the seed. */
    static final class SelfPlayRun {
        @Option(names = "--sl", required = true, description = "the SL policy network (OUT/" + SlPolicy.MODEL
                + " of 'primer alphago train-sl', or 'shipped')")
        Path sl;

        @Option(names = "--out", required = true, description = "directory of checkpoints, metrics and what is trained")
        Path out;

        @CommandLine.Mixin
        SeedOption seed;
    }

    /** The options every training command shares: the corpus, the output directory, the opening left out, the seed. */
    static final class CorpusRun {
        @Option(names = "--corpus", description = "a directory of SGFs or a .sgf(.gz) collection (default: the "
                + "shipped GNU Go level-10 corpus)")
        Path corpus;

        @Option(names = "--out", required = true, description = "directory of checkpoints, metrics and what is trained")
        Path out;

        @Option(names = "--skip-opening", defaultValue = "" + ShippedCorpus.RANDOM_OPENING, description = "moves of "
                + "each game left out (default: ${DEFAULT-VALUE}, the shipped corpus's random opening)")
        int skipOpening;

        @CommandLine.Mixin
        SeedOption seed;

        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec mixee;

        /** How many games to read from the start of the corpus; all when null. */
        private Integer first;

        @Option(names = "--games", paramLabel = "N", description = "use only the first N games of the corpus (in file "
                + "name order, which a pack keeps: a prefix of the generation's ids)")
        void first(int n) {
            if (n < 1) {
                throw new CommandLine.ParameterException(mixee.commandLine(), "--games must be at least 1, not " + n);
            }
            first = n;
        }

        /**
         * Returns the games of the corpus (the shipped one by default), the first {@code --games} of them if given,
         * naming each skipped game on {@code w}.
         */
        List<GameRecord> games(PrintWriter w) throws IOException {
            List<GameRecord> games = corpus == null ? ShippedCorpus.games(s -> w.println("skipped " + s))
                    : GameCorpus.read(corpus, ShippedCorpus.SIZE, s -> w.println("skipped " + s));
            return first == null || first >= games.size() ? games : games.subList(0, first);
        }
    }
}
