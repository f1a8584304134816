package dev.primer.rl.alphago;

import dev.primer.go.corpus.GameRecord;
import dev.primer.go.corpus.PositionSet;
import dev.primer.go.corpus.Split;
import dev.primer.go.features.Plane;
import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.Networks.TowerSpec;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.train.Checkpoint;
import dev.primer.nn.train.Trainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AlphaGo's supervised-learning policy network (Silver et al. 2016, "Supervised learning of policy networks"): a
 * residual tower over go-engine's input planes, trained by cross-entropy to predict the expert's move, each example
 * under a random one of the 8 symmetries. Games are split train / validation / test by {@link Split}; the opening
 * moves of each game (random in a self-play corpus) are left out of every split.
 */
public final class SlPolicy {
    /**
     * File name of the trained network in the output directory: a sealed checkpoint, checked on load, without the
     * updater's state ({@link Checkpoint#writeWeights}).
     */
    public static final String MODEL = "sl-policy.ckpt";
    /** The network that ships with primer (a class-path resource beside this class); see rl/docs/go-corpus.md. */
    public static final String SHIPPED = "weights/sl-policy-9x9.ckpt";
    /** What a command line writes to mean {@link #SHIPPED}. */
    public static final String SHIPPED_NAME = "shipped";

    private SlPolicy() {
    }

    /**
     * A training run; serializable, so that a data-parallel trainer can ship it to the executors that build the
     * batches.
     *
     * @param filters       tower width
     * @param blocks        residual blocks
     * @param batchSize     positions per update
     * @param learningRate  Adam's step size at the first update (it decays linearly to 0 at the last)
     * @param l2            L2 weight decay
     * @param steps         updates
     * @param evalEvery     updates between validation scores
     * @param evalPositions positions scored at each evaluation (the first of the validation split and of training)
     * @param skipOpening   moves of each game left out (the corpus's random opening)
     * @param seed          seed of the initial weights, the order and the symmetries
     */
    public record Config(int filters, int blocks, int batchSize, double learningRate, double l2, long steps,
                         int evalEvery, int evalPositions, int skipOpening, long seed) implements Serializable {
        /** Rejects settings that cannot run. */
        public Config {
            if (filters < 1 || blocks < 0 || batchSize < 1 || !(learningRate > 0) || l2 < 0 || steps < 1
                    || evalEvery < 1 || evalPositions < 1 || skipOpening < 0) {
                throw new IllegalArgumentException("invalid SL policy run: " + this);
            }
        }

        /**
         * About a minute on one core: 2 blocks of 32 filters, batch 64, 1,500 Adam steps from 3e-3, L2 1e-4 (from 1e-3
         * the linearly decaying rate left the tower at 13.9% test top-1 on the shipped corpus, from 3e-3 at 38.9%).
         */
        public static Config quick() {
            return new Config(32, 2, 64, 3e-3, 1e-4, 1_500, 250, 2_000, 4, 1);
        }

        /** The tower: 6 blocks of 64 filters, batch 128, 20,000 Adam steps from 1e-3, L2 1e-4. */
        public static Config full() {
            return new Config(64, 6, 128, 1e-3, 1e-4, 20_000, 1_000, 10_000, 4, 1);
        }

        /** Returns this run with {@code n} updates. */
        public Config withSteps(long n) {
            return new Config(filters, blocks, batchSize, learningRate, l2, n, evalEvery, evalPositions, skipOpening,
                    seed);
        }

        /** Returns this run with Adam starting from {@code lr}. */
        public Config withLearningRate(double lr) {
            return new Config(filters, blocks, batchSize, lr, l2, steps, evalEvery, evalPositions, skipOpening, seed);
        }

        /** Returns this run with seed {@code s}. */
        public Config withSeed(long s) {
            return new Config(filters, blocks, batchSize, learningRate, l2, steps, evalEvery, evalPositions,
                    skipOpening, s);
        }

        /** Returns this run leaving out the first {@code k} moves of every game. */
        public Config withSkipOpening(int k) {
            return new Config(filters, blocks, batchSize, learningRate, l2, steps, evalEvery, evalPositions, k, seed);
        }
    }

    /**
     * A finished run.
     *
     * @param trainGames          games in the training split
     * @param validationGames     games in the validation split
     * @param testGames           games in the test split
     * @param trainPositions      training positions
     * @param testPositions       test positions
     * @param test                the test split, one view
     * @param testSymmetries      the test split, the 8 symmetric views averaged
     * @param evaluations         every evaluation: step, train_top1, validation_top1, validation_top3, validation_nll
     * @param result              the trainer's result
     * @param model               the saved network
     */
    public record Report(int trainGames, int validationGames, int testGames, int trainPositions, int testPositions,
                         PolicyAccuracy test, PolicyAccuracy testSymmetries, List<Map<String, Double>> evaluations,
                         Trainer.Result result, Path model) {
    }

    /**
     * Returns the tower of {@code c} for {@code boardSize}: Adam whose step size decays linearly from the configured
     * rate to 0 at the run's last update, and L2 as configured.
     */
    public static Net network(Config c, int boardSize) {
        TowerSpec spec = TowerSpec.policy(Plane.COUNT, boardSize, c.filters(), c.blocks());
        LearningRate lr = LearningRate.poly(c.learningRate(), 1, (int) Math.min(c.steps(), Integer.MAX_VALUE));
        Updates updates = new Updates(Optimizer.adam(), lr, c.l2(), 0);
        return Net.of(Networks.residualTower(spec, updates, c.seed()));
    }

    /**
     * A corpus split by {@link Split} into the positions a run trains on, scores at each evaluation and tests on.
     *
     * @param trainGames       games in the training split
     * @param validationGames  games in the validation split
     * @param testGames        games in the test split
     * @param train            training positions
     * @param test             test positions
     * @param trainSample      the first {@code evalPositions} or so of the training positions
     * @param validationSample the first {@code evalPositions} or so of the validation positions
     */
    public record Data(int trainGames, int validationGames, int testGames, PositionSet train, PositionSet test,
                       PositionSet trainSample, PositionSet validationSample) {
        /** Splits {@code games} (all of one size) for run {@code c}; throws if nothing is left to train on. */
        public static Data of(Config c, List<GameRecord> games) {
            if (games.isEmpty()) {
                throw new IllegalArgumentException("no games to train on");
            }
            List<GameRecord> train = new ArrayList<>();
            List<GameRecord> validation = new ArrayList<>();
            List<GameRecord> test = new ArrayList<>();
            for (GameRecord g : games) {
                switch (Split.of(g)) {
                    case TRAIN -> train.add(g);
                    case VALIDATION -> validation.add(g);
                    case TEST -> test.add(g);
                }
            }
            PositionSet trainSet = PositionSet.of(train, c.skipOpening());
            if (trainSet.count() == 0) {
                throw new IllegalArgumentException("no training positions: " + train.size() + " training games, "
                        + "none longer than the " + c.skipOpening() + " opening moves left out");
            }
            return new Data(train.size(), validation.size(), test.size(), trainSet,
                    PositionSet.of(test, c.skipOpening()),
                    PositionSet.of(sample(train, c.evalPositions(), c.skipOpening()), c.skipOpening()),
                    PositionSet.of(sample(validation, c.evalPositions(), c.skipOpening()), c.skipOpening()));
        }

        /** Returns an evaluation of {@code net}: train_top1, validation_top1, validation_top3, validation_nll. */
        public Map<String, Double> evaluate(Net net) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("train_top1", PolicyAccuracy.of(net, trainSample, false).top1());
            PolicyAccuracy v = PolicyAccuracy.of(net, validationSample, false);
            m.put("validation_top1", v.top1());
            m.put("validation_top3", v.top3());
            m.put("validation_nll", v.nll());
            return m;
        }
    }

    /**
     * Trains on {@code games} (all of one size) into {@code out}: checkpoints there resume a killed run, metrics go to
     * its CSV files, and the final network is saved as {@link #MODEL}.
     */
    public static Report train(Config c, List<GameRecord> games, Path out, boolean progress) throws IOException {
        return train(c, games, null, out, progress);
    }

    /**
     * As {@link #train(Config, List, Path, boolean)}, starting from the weights (and batch-norm statistics) of
     * {@code init}, a tower of the run's shape, when it is not null: a fine-tune with fresh Adam moments and the run's
     * own rate schedule. Throws if {@code init} has another shape.
     */
    public static Report train(Config c, List<GameRecord> games, Net init, Path out, boolean progress)
            throws IOException {
        Data data = Data.of(c, games);
        int boardSize = games.get(0).size();
        Trainer trainer = new Trainer(Trainer.Config.of(c.batchSize(), Integer.MAX_VALUE, c.seed())
                .withMaxSteps(c.steps())
                .withEvalEvery(c.evalEvery())
                .withOutput(out, c.evalEvery())
                .withProgress(progress));
        if (init != null) {
            long want = network(c, boardSize).params().length();
            if (init.params().length() != want) {
                throw new IllegalArgumentException("the starting network has " + init.params().length()
                        + " parameters; a " + c.blocks() + "x" + c.filters() + " tower on " + boardSize + "x"
                        + boardSize + " has " + want);
            }
        }
        Trainer.Result r = trainer.run(() -> {
            Net net = network(c, boardSize);
            if (init != null) {
                net.params().assign(init.params());
            }
            return net;
        }, new PolicyBatches(data.train()),
                (net, step) -> data.evaluate(net));
        Path model = out.resolve(MODEL);
        Checkpoint.writeWeights(model, r.net(), r.state());
        return new Report(data.trainGames(), data.validationGames(), data.testGames(), data.train().count(),
                data.test().count(), PolicyAccuracy.of(r.net(), data.test(), false),
                PolicyAccuracy.of(r.net(), data.test(), true), Trainer.evaluations(out), r, model);
    }

    /** Returns the network that ships with primer; fails naming {@link #SHIPPED} if it is missing or damaged. */
    public static Net shipped() throws IOException {
        return resource(SHIPPED);
    }

    /**
     * Returns a policy network: the shipped SL one for {@link #SHIPPED_NAME}, the shipped RL one for
     * {@link RlTraining#SHIPPED_NAME}, else the checkpoint at {@code spec}.
     */
    public static Net load(String spec) throws IOException {
        return switch (spec) {
            case SHIPPED_NAME -> shipped();
            case RlTraining.SHIPPED_NAME -> resource(RlTraining.SHIPPED);
            default -> Checkpoint.read(Path.of(spec)).net();
        };
    }

    /** Reads the network at class-path resource {@code name} beside this class; fails naming it. */
    static Net resource(String name) throws IOException {
        try (InputStream in = SlPolicy.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no resource " + name + " beside " + SlPolicy.class.getName());
            }
            return Checkpoint.read(name, in.readAllBytes()).net();
        }
    }

    /** Returns the first games of {@code games} holding at least {@code positions} positions after the opening. */
    private static List<GameRecord> sample(List<GameRecord> games, int positions, int skipOpening) {
        List<GameRecord> out = new ArrayList<>();
        int n = 0;
        for (GameRecord g : games) {
            if (n >= positions) {
                break;
            }
            out.add(g);
            n += Math.max(0, g.moves().size() - skipOpening);
        }
        return out;
    }
}
