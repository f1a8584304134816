package dev.primer.experiments.cli;

import dev.primer.experiments.core.Budget;
import dev.primer.go.corpus.GameCorpus;
import dev.primer.go.corpus.GameRecord;
import dev.primer.go.corpus.Split;
import dev.primer.mcts.go.RolloutWeights;
import dev.primer.rl.alphago.PolicyAccuracy;
import dev.primer.rl.alphago.RolloutTraining;
import dev.primer.rl.alphago.RolloutWeightsFile;
import dev.primer.rl.alphago.ShippedCorpus;
import dev.primer.rl.alphago.SlPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code primer alphago}: the AlphaGo training pipeline on 9x9. */
@Command(name = "alphago", mixinStandardHelpOptions = true,
        description = "AlphaGo's training pipeline on 9x9 (Silver et al. 2016): the supervised policy network and the "
                + "fast rollout policy.",
        subcommands = {AlphaGoCommand.TrainSl.class, AlphaGoCommand.TrainRollout.class})
final class AlphaGoCommand extends CommandGroup {

    /** {@code primer alphago train-sl}: the SL policy network on a corpus; rerun with the same --out to resume. */
    @Command(name = "train-sl", mixinStandardHelpOptions = true,
            description = "Train the SL policy network (residual tower, Adam, one random symmetry per example) on a "
                    + "corpus split 90/5/5 by game; print validation and test accuracy. Rerun with the same --out to "
                    + "resume a killed run; the network is saved as OUT/" + SlPolicy.MODEL + ".")
    static final class TrainSl extends CliCommand {
        @CommandLine.Mixin
        CorpusRun run;

        @Option(names = "--budget", defaultValue = "quick",
                description = "quick (2x32 tower, 1,500 steps) or full (6x64 tower, 20,000 steps); "
                        + "default ${DEFAULT-VALUE}")
        Budget budget;

        @Option(names = "--steps", description = "updates, replacing the budget's")
        Long steps;

        @Override
        public Integer call() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            SlPolicy.Config c = (budget == Budget.QUICK ? SlPolicy.Config.quick() : SlPolicy.Config.full())
                    .withSeed(run.seed.value).withSkipOpening(run.skipOpening);
            if (steps != null) {
                c = c.withSteps(steps);
            }
            List<GameRecord> games = run.games(w);
            SlPolicy.Report r;
            try {
                r = SlPolicy.train(c, games, run.out, System.console() != null);
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
            w.println("test " + line(r.test()));
            w.println("test, 8 symmetries averaged " + line(r.testSymmetries()));
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

        /** Returns the games of the corpus (the shipped one by default), naming each skipped game on {@code w}. */
        List<GameRecord> games(PrintWriter w) throws IOException {
            return corpus == null ? ShippedCorpus.games(s -> w.println("skipped " + s))
                    : GameCorpus.read(corpus, ShippedCorpus.SIZE, s -> w.println("skipped " + s));
        }
    }

    /** Returns an accuracy as one line. */
    static String line(PolicyAccuracy a) {
        return String.format(Locale.ROOT, "%d positions: top-1 %.4f, top-3 %.4f, nll %.4f", a.positions(), a.top1(),
                a.top3(), a.nll());
    }
}
