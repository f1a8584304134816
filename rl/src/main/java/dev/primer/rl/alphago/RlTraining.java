package dev.primer.rl.alphago;

import dev.primer.go.features.Plane;
import dev.primer.nn.Net;
import dev.primer.nn.norm.BatchNormFolding;
import dev.primer.nn.train.Checkpoint;
import dev.primer.nn.train.Progress;
import dev.primer.nn.train.RunDirectory;
import dev.primer.nn.train.StepCsv;
import dev.primer.nn.train.TrainState;
import dev.primer.random.SplitMix64;
import dev.primer.rl.nets.PolicyGradientLoss;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * AlphaGo's RL policy network (Silver et al. 2016, "Reinforcement learning of policy networks"): starting from the SL
 * policy, each iteration plays a minibatch of games side by side between the current network and an opponent drawn
 * uniformly from a pool of its earlier snapshots, colours alternating, and takes one REINFORCE step (Williams 1992)
 * along Σ_t z ∇log p(a_t|s_t) over the current network's moves, z = ±1 its result (0 for jigo). A snapshot joins the
 * pool every {@code snapshotEvery} iterations; every {@code evalEvery} the current network plays the SL network.
 */
public final class RlTraining {
    /** File name of the trained network in the output directory, without the updater's state. */
    public static final String MODEL = "rl-policy.ckpt";
    /** The RL network that ships with primer (a class-path resource beside this class); see rl/docs/alphago-part2.md. */
    public static final String SHIPPED = "weights/rl-policy-9x9.ckpt";
    /** What a command line writes to mean {@link #SHIPPED}. */
    public static final String SHIPPED_NAME = "shipped-rl";
    /** File name of the evaluations against the SL policy: step, win rate, games. */
    public static final String VS_SL = "vs-sl.csv";
    private static final String POOL_PREFIX = "pool-";
    /**
     * Positions per forward and backward pass of a step: its memory (im2col buffers of every convolution, batch norm's
     * activations) is that of this many positions, whatever the number and length of the games.
     */
    static final int CHUNK = 256;

    private RlTraining() {
    }

    /**
     * A run.
     *
     * @param iterations    REINFORCE steps
     * @param games         games per step, played side by side (AlphaGo: 128)
     * @param learningRate  Adam's step size for the policy (AlphaGo: SGD at 0.001)
     * @param snapshotEvery steps between snapshots joining the opponent pool (AlphaGo: 500)
     * @param evalEvery     steps between matches against the SL policy
     * @param evalGames     games of each such match, colours alternating
     * @param komi          komi of the games
     * @param seed          seed of the games and the opponent draws
     */
    public record Config(int iterations, int games, double learningRate, int snapshotEvery, int evalEvery,
                         int evalGames, double komi, long seed) {
        /** Rejects runs that cannot work. */
        public Config {
            if (iterations < 1 || games < 2 || !(learningRate > 0) || snapshotEvery < 1 || evalEvery < 1
                    || evalGames < 2) {
                throw new IllegalArgumentException("invalid RL run: " + this);
            }
        }

        /**
         * A short run for the tour: 30 steps of 32 games at Adam 1e-5, a snapshot every 10, 100 games against SL every
         * 10 (64 games a step at 1e-5 from the folded SL net scored 0.521, 0.604 and 0.648 against SL at steps 25, 50
         * and 75 once games ended on two passes: rl/docs/alphago-part2.md).
         */
        public static Config quick() {
            return new Config(30, 32, 1e-5, 10, 10, 100, 7, 1);
        }

        /** A longer run: 500 steps of 64 games at Adam 1e-5, a snapshot every 50, 400 games against SL every 50. */
        public static Config full() {
            return new Config(500, 64, 1e-5, 50, 50, 400, 7, 1);
        }

        /** Returns this run with {@code n} steps. */
        public Config withIterations(int n) {
            return new Config(n, games, learningRate, snapshotEvery, evalEvery, evalGames, komi, seed);
        }

        /** Returns this run with seed {@code s}. */
        public Config withSeed(long s) {
            return new Config(iterations, games, learningRate, snapshotEvery, evalEvery, evalGames, komi, s);
        }

        /** Returns this run with {@code n} games per step, snapshots and matches against SL every {@code every} steps of {@code evalN} games. */
        public Config withGames(int n, int every, int evalN) {
            return new Config(iterations, n, learningRate, every, every, evalN, komi, seed);
        }
    }

    /**
     * A match between two policies.
     *
     * @param wins  games the first policy won (a jigo counts one half)
     * @param games games played
     */
    public record Match(double wins, int games) {
        /** Returns the first policy's share of the points. */
        public double rate() {
            return wins / games;
        }
    }

    /**
     * Plays {@code games} games side by side between policies {@code a} and {@code b} sampling their moves, {@code a}
     * Black in the even games, and returns a's score.
     */
    public static Match match(Net a, Net b, int games, int size, double komi, SplitMix64 rng) {
        float[] black = SelfPlay.play(games, size, komi, (g, move) -> (g + move) % 2 == 0 ? a : b,
                (g, move, s, x, action) -> { }, rng);
        double wins = 0;
        for (int g = 0; g < games; g++) {
            wins += g % 2 == 0 ? black[g] : 1 - black[g];
        }
        return new Match(wins, games);
    }

    /**
     * Takes one REINFORCE step on {@code net} (a policy tower, output "policy") from {@code planes} (n positions), their
     * moves and their players' results z: one update of the network's own updater along the mean over the positions
     * of z ∇log p(a|s), its gradient accumulated over equal chunks of at most {@code chunk} positions
     * ({@link Net#fitAccumulated}), p from the same forward pass as the gradient ({@link PolicyGradientLoss} on labels
     * z·onehot(a), in place of the tower's cross-entropy for the step). Returns the mean of −z log p(a|s).
     */
    static double step(Net net, float[] planes, int[] actions, float[] z, int size, int chunk) {
        int n = actions.length;
        int stride = Plane.COUNT * size * size;
        int outputs = size * size + 1;
        // equal chunks (sizes differ by at most one), so that no chunk's batch-norm statistics come from a few positions
        int parts = (n + chunk - 1) / chunk;
        Iterator<MultiDataSet> chunks = new Iterator<>() {
            private int part;

            @Override
            public boolean hasNext() {
                return part < parts;
            }

            @Override
            public MultiDataSet next() {
                int from = (int) ((long) part * n / parts);
                int m = (int) ((long) (part + 1) * n / parts) - from;
                var x = Nd4j.create(Arrays.copyOfRange(planes, from * stride, (from + m) * stride),
                        new long[] {m, Plane.COUNT, size, size}, 'c');
                float[] labels = new float[m * outputs];
                for (int i = 0; i < m; i++) {
                    labels[i * outputs + actions[from + i]] = z[from + i];
                }
                part++;
                return new MultiDataSet(x, Nd4j.create(labels, new long[] {m, outputs}, 'c'));
            }
        };
        var policy = (BaseOutputLayer) ((ComputationGraph) net.model()).getLayer("policy").conf().getLayer();
        ILossFunction crossEntropy = policy.getLossFn();
        policy.setLossFn(new PolicyGradientLoss());
        try {
            return net.fitAccumulated(chunks);
        } finally {
            policy.setLossFn(crossEntropy);
        }
    }

    /**
     * Trains from the SL network {@code slSpec} (a checkpoint file, or {@link SlPolicy#SHIPPED_NAME}; boards of side
     * {@code size}) into {@code out}; a checkpoint there resumes a killed run at its last step. Returns the rows of
     * {@link #VS_SL} (step, win rate against SL, games).
     */
    public static List<double[]> train(Config c, String slSpec, int size, Path out, boolean progress)
            throws IOException {
        RunDirectory dir = new RunDirectory(out);
        dir.create();
        Net sl = SlPolicy.load(slSpec);
        Checkpoint.Loaded resumed = dir.resume(Checkpoint::read);
        Net current = resumed != null ? resumed.net() : start(slSpec);
        long start = resumed != null ? resumed.state().step() : 0;
        ((ComputationGraph) current.model()).setLearningRate(c.learningRate());
        List<Net> opponents = new ArrayList<>(List.of(sl));
        for (Path p : pool(out, start)) {
            opponents.add(Checkpoint.read(p).net());
        }
        try (StepCsv train = dir.csv(RunDirectory.TRAIN, "step,win_rate,positions,moves_per_game,play_s,update_s",
                start);
             StepCsv vsSl = dir.csv(VS_SL, "step,win_rate_vs_sl,games", start);
             ProgressBar bar = Progress.bar(progress, c.iterations(), start)) {
            for (long it = start + 1; it <= c.iterations(); it++) {
                SplitMix64 rng = new SplitMix64(c.seed() * 0x9E3779B97F4A7C15L + it);
                Net opponent = opponents.get(rng.nextIntModulo(opponents.size()));
                Net me = current;
                long t0 = System.nanoTime();
                int stride = Plane.COUNT * size * size;
                List<float[]> planes = new ArrayList<>();
                List<int[]> moves = new ArrayList<>();
                float[] black = SelfPlay.play(c.games(), size, c.komi(),
                        (g, move) -> (g + move) % 2 == 0 ? me : opponent,
                        (g, move, s, x, action) -> {
                            if ((g + move) % 2 == 0) {
                                planes.add(x);
                                moves.add(new int[] {g, action});
                            }
                        }, rng);
                float[] x = new float[planes.size() * stride];
                int[] actions = new int[planes.size()];
                float[] z = new float[planes.size()];
                double won = 0;
                for (int g = 0; g < c.games(); g++) {
                    won += g % 2 == 0 ? black[g] : 1 - black[g];
                }
                for (int i = 0; i < planes.size(); i++) {
                    System.arraycopy(planes.get(i), 0, x, i * stride, stride);
                    int g = moves.get(i)[0];
                    actions[i] = moves.get(i)[1];
                    float mine = g % 2 == 0 ? black[g] : 1 - black[g];
                    z[i] = 2 * mine - 1;
                }
                long t1 = System.nanoTime();
                step(current, x, actions, z, size, CHUNK);
                train.row(it, won / c.games(), planes.size(), 2.0 * planes.size() / c.games(), (t1 - t0) / 1e9,
                        (System.nanoTime() - t1) / 1e9);
                if (it % c.snapshotEvery() == 0) {
                    Path snap = out.resolve(String.format("%s%06d.ckpt", POOL_PREFIX, it));
                    Checkpoint.write(snap, current, TrainState.start(c.seed(), c.games()));
                    opponents.add(Checkpoint.read(snap).net());
                }
                if (it % c.evalEvery() == 0 || it == c.iterations()) {
                    Match m = match(current, sl, c.evalGames(), size, c.komi(),
                            new SplitMix64(c.seed() * 31 + it));
                    vsSl.row(it, m.rate(), m.games());
                }
                Checkpoint.write(dir.checkpoint(), current, new TrainState(it, 0, 0, c.seed(), c.games(), c.seed(),
                        Double.NaN, 0, won / c.games()));
                if (bar != null) {
                    bar.stepTo(it);
                }
            }
        }
        Checkpoint.writeWeights(out.resolve(MODEL), current, TrainState.start(c.seed(), c.games()));
        return StepCsv.rows(dir.file(VS_SL));
    }

    /**
     * Returns the SL network {@code slSpec} as a new run's start: batch norm folded into the convolutions
     * ({@link BatchNormFolding#forInference}), so that REINFORCE follows the gradient of the policy that plays, whose
     * running statistics are constants, and no statistic drifts toward self-play's; no weight penalty (Silver et al.
     * 2016 name none for RL); the update counter at 0. A shipped network carries no updater state, so Adam starts from
     * zero moments, and with the SL run's counter (20,000) its bias correction (Kingma &amp; Ba 2015, Algorithm 1) would
     * vanish: the first updates would be √10 to 6.5 times the step size.
     */
    static Net start(String slSpec) throws IOException {
        Net net = BatchNormFolding.forInference(SlPolicy.load(slSpec));
        for (Layer l : ((ComputationGraph) net.model()).getLayers()) {
            if (l.conf().getLayer() instanceof BaseLayer b) {
                b.setRegularization(List.of());
                b.setRegularizationBias(List.of());
            }
        }
        net.setIterations(0);
        return net;
    }

    /** Returns the snapshots in {@code out} taken at or before step {@code upTo}, oldest first (the SL network is the pool's first member, not among them). */
    private static List<Path> pool(Path out, long upTo) {
        try (Stream<Path> files = Files.list(out)) {
            return new ArrayList<>(files.filter(p -> p.getFileName().toString().startsWith(POOL_PREFIX))
                    .filter(p -> Long.parseLong(p.getFileName().toString().substring(POOL_PREFIX.length(),
                            POOL_PREFIX.length() + 6)) <= upTo)
                    .sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
