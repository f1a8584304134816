package dev.primer.rl.alphago;

import dev.primer.go.features.InputPlanes;
import dev.primer.go.features.Plane;
import dev.primer.go.features.Symmetry;
import dev.primer.mcts.Trace;
import dev.primer.mcts.go.GoRollout;
import dev.primer.mcts.go.GoState;
import dev.primer.mcts.go.LightPolicy;
import dev.primer.mcts.go.LinearSoftmaxPolicy;
import dev.primer.mcts.go.RolloutWeights;
import dev.primer.nn.Net;
import dev.primer.nn.norm.BatchNormFolding;
import dev.primer.nn.data.Batches;
import dev.primer.nn.train.Checkpoint;
import dev.primer.nn.train.Trainer;
import dev.primer.random.SplitMix64;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Data and training of the value network (Silver et al. 2016, "Reinforcement learning of value networks"): one position
 * per self-play game, to keep successive positions of a game from being learnt as one (the paper's cure for
 * overfitting): a move number U drawn uniformly, the SL policy plays moves 0..U-1, move U is uniformly random, the
 * RL (or SL) policy plays the rest; the position after move U is labelled with the outcome z = ±1 for its player to
 * move (0 for jigo). Trained by MSE, each example under a random one of the 8 symmetries.
 */
public final class ValueTraining {
    private static final int SIDE_BY_SIDE_SEED = 0x5EED;
    private static final Symmetry[] SYMMETRIES = Symmetry.values();

    private ValueTraining() {
    }

    /**
     * A run.
     *
     * @param shape        the network
     * @param games        self-play games, one position each
     * @param sideBySide   games played at once (one batched forward pass per move)
     * @param maxU         U is drawn from [0, maxU)
     * @param testShare    share of the games held out for the test MSE
     * @param batchSize    positions per update
     * @param steps        updates
     * @param evalEvery    updates between MSE evaluations
     * @param komi         komi of the games (the 7)
     * @param seed         seed of the games, the weights and the order
     */
    public record Config(ValueNet.Shape shape, int games, int sideBySide, int maxU, double testShare, int batchSize,
                         long steps, int evalEvery, double komi, long seed) {
        /** Rejects runs that cannot work. */
        public Config {
            if (games < 2 || sideBySide < 1 || maxU < 1 || !(testShare > 0 && testShare < 1) || batchSize < 1
                    || steps < 1 || evalEvery < 1) {
                throw new IllegalArgumentException("invalid value-network run: " + this);
            }
        }

        /** A small run for the tour: 2x32 tower, 3,000 games, 600 steps of 64. */
        public static Config quick() {
            return new Config(new ValueNet.Shape(32, 2, 64, 1e-3, 1e-4, 1), 3_000, 250, 60, 0.1, 64, 600, 200, 7, 1);
        }

        /** The data size: 50,000 games; a 4x64 tower, 6,000 steps of 128. */
        public static Config full() {
            return new Config(new ValueNet.Shape(64, 4, 64, 1e-3, 1e-4, 1), 50_000, 500, 60, 0.05, 128, 6_000, 500,
                    7, 1);
        }

        /** Returns this run with {@code n} games. */
        public Config withGames(int n) {
            return new Config(shape, n, sideBySide, maxU, testShare, batchSize, steps, evalEvery, komi, seed);
        }

        /** Returns this run with {@code n} updates. */
        public Config withSteps(long n) {
            return new Config(shape, games, sideBySide, maxU, testShare, batchSize, n, evalEvery, komi, seed);
        }

        /** Returns this run with seed {@code s}. */
        public Config withSeed(long s) {
            return new Config(new ValueNet.Shape(shape.filters(), shape.blocks(), shape.hidden(),
                    shape.learningRate(), shape.l2(), s), games, sideBySide, maxU, testShare, batchSize, steps,
                    evalEvery, komi, s);
        }
    }

    /**
     * Labelled positions, one per game.
     *
     * @param boardSize side of the board
     * @param planes    the input planes, position after position
     * @param z         outcome for the player to move: 1, 0 (jigo) or -1
     * @param move      moves played before the position (U + 1)
     * @param states    the positions themselves, for the rollout estimates
     */
    public record Positions(int boardSize, float[] planes, float[] z, int[] move, List<GoState> states) {
        /** Returns the number of positions. */
        public int count() {
            return z.length;
        }

        /** Returns the positions whose indices {@code rows} lists. */
        public Positions subset(int[] rows) {
            int stride = planes.length / Math.max(1, z.length);
            float[] p = new float[rows.length * stride];
            float[] zz = new float[rows.length];
            int[] m = new int[rows.length];
            List<GoState> s = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(planes, rows[i] * stride, p, i * stride, stride);
                zz[i] = z[rows[i]];
                m[i] = move[rows[i]];
                s.add(states.get(rows[i]));
            }
            return new Positions(boardSize, p, zz, m, s);
        }
    }

    /** Directory of a run's self-play rounds, one file of positions per round of {@code sideBySide} games. */
    public static final String GAMES_DIR = "value-games";
    private static final int ROUND_MAGIC = 0x56414C31;

    /**
     * Plays {@code c.games()} self-play games on boards of side {@code size}, {@code c.sideBySide()} at a time (a round),
     * SL policy {@code sl} up to the random move and {@code rl} after it, and returns one labelled position per game
     * that reaches move U + 1, rounds in order. Each finished round is kept in {@code out}/{@link #GAMES_DIR} as the
     * moves that lead to its positions, so a rerun replays only the rounds missing there; {@code threads} rounds are
     * played at once, each with its own seed, so the data do not depend on the thread count. Each thread folds the
     * networks once and keeps them for its rounds (a fold per round compiled their op sequences anew each time).
     */
    public static Positions generate(Config c, Net sl, Net rl, int size, Path out, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, not " + threads);
        }
        Path dir = out.resolve(GAMES_DIR);
        Files.createDirectories(dir);
        int rounds = (c.games() + c.sideBySide() - 1) / c.sideBySide();
        List<Integer> missing = IntStream.range(0, rounds).filter(r -> !Files.exists(roundFile(dir, r))).boxed()
                .toList();
        ThreadLocal<Net[]> folded = ThreadLocal.withInitial(() -> {
            Net s = BatchNormFolding.forInference(sl);
            return new Net[] {s, rl == sl ? s : BatchNormFolding.forInference(rl)};
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int r : missing) {
                work.add(pool.submit(() -> {
                    Net[] nets = folded.get();
                    writeRound(roundFile(dir, r), size, playRound(c, nets[0], nets[1], size, r));
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while playing the value network's games", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            samples.addAll(readRound(roundFile(dir, r), size));
        }
        return positions(samples, size, c.komi());
    }

    /** A position of a self-play game: the actions from the empty board to it and the outcome for its player to move. */
    private record Sample(short[] actions, byte z) {
    }

    private static Path roundFile(Path dir, int round) {
        return dir.resolve(String.format(Locale.ROOT, "round-%05d.bin", round));
    }

    /** Plays round {@code round} of run {@code c}: its games, seeded by the run's seed and the round. */
    private static List<Sample> playRound(Config c, Net sl, Net rl, int size, int round) {
        SplitMix64 rng = new SplitMix64(c.seed() * SIDE_BY_SIDE_SEED + round);
        int n = Math.min(c.sideBySide(), c.games() - round * c.sideBySide());
        int[] u = new int[n];
        for (int g = 0; g < n; g++) {
            u[g] = rng.nextIntModulo(c.maxU());
        }
        short[][] played = new short[n][c.maxU() + 1];
        short[][] actions = new short[n][];
        int[] toMove = new int[n];
        SelfPlay.Recorder recorder = (g, move, state, x, action) -> {
            if (move == u[g] + 1) {
                actions[g] = Arrays.copyOf(played[g], move);
                toMove[g] = state.toMove();
            } else if (move <= u[g]) {
                played[g][move] = (short) action;
            }
        };
        float[] black = SelfPlay.play(n, size, c.komi(), (g, move) -> move < u[g] ? sl : move == u[g] ? null : rl,
                recorder, rng);
        List<Sample> out = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            if (actions[g] != null) {
                int blackZ = Math.round(2 * black[g] - 1);
                out.add(new Sample(actions[g], (byte) (toMove[g] == 0 ? blackZ : -blackZ)));
            }
        }
        return out;
    }

    /** Writes a round's samples to {@code file} through a temporary file, so a killed write leaves no round behind. */
    private static void writeRound(Path file, int size, List<Sample> samples) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            o.writeInt(ROUND_MAGIC);
            o.writeInt(size);
            o.writeInt(samples.size());
            for (Sample s : samples) {
                o.writeByte(s.z());
                o.writeShort(s.actions().length);
                for (short a : s.actions()) {
                    o.writeShort(a);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<Sample> readRound(Path file, int size) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != ROUND_MAGIC || in.readInt() != size) {
                throw new IOException(file + " is not a round of " + size + "x" + size + " value-network games; "
                        + "delete it to replay the round");
            }
            int n = in.readInt();
            List<Sample> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte z = in.readByte();
                short[] a = new short[in.readShort()];
                for (int k = 0; k < a.length; k++) {
                    a[k] = in.readShort();
                }
                out.add(new Sample(a, z));
            }
            return out;
        } catch (EOFException e) {
            throw new IOException(file + " is truncated; delete it to replay the round", e);
        }
    }

    /** Replays each sample's actions from the empty board and encodes the position it reaches. */
    private static Positions positions(List<Sample> samples, int size, double komi) {
        int stride = Plane.COUNT * size * size;
        float[] x = new float[samples.size() * stride];
        float[] z = new float[samples.size()];
        int[] moves = new int[samples.size()];
        List<GoState> states = new ArrayList<>(samples.size());
        InputPlanes encoder = new InputPlanes();
        float[] one = new float[stride];
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            GoState s = new GoState(size, komi);
            for (short a : sample.actions()) {
                s.apply(a);
            }
            encoder.encodeInto(s.board(), s.color(), s::recentMove, one);
            System.arraycopy(one, 0, x, i * stride, stride);
            z[i] = sample.z();
            moves[i] = sample.actions().length;
            states.add(s);
        }
        return new Positions(size, x, z, moves, states);
    }

    /** Minibatches of positions, each under a random symmetry drawn per example and epoch, labels z as a column. */
    public static Batches batches(Positions data) {
        int size = data.boardSize();
        int stride = Plane.COUNT * size * size;
        return new Batches() {
            @Override
            public int size() {
                return data.count();
            }

            @Override
            public Iterator<DataSet> batches(int batchSize, long seed, int epoch) {
                return PolicyBatches.epoch(data.count(), batchSize, seed, epoch, (rows, sym) -> {
                    float[] x = new float[rows.length * stride];
                    float[] y = new float[rows.length];
                    float[] one = new float[stride];
                    for (int i = 0; i < rows.length; i++) {
                        System.arraycopy(data.planes(), rows[i] * stride, one, 0, stride);
                        float[] t = SYMMETRIES[sym[i]].transform(one, Plane.COUNT, size);
                        System.arraycopy(t, 0, x, i * stride, stride);
                        y[i] = data.z()[rows[i]];
                    }
                    return new DataSet(Nd4j.create(x, new long[] {rows.length, Plane.COUNT, size, size}, 'c'),
                            Nd4j.create(y, new long[] {rows.length, 1}, 'c'));
                });
            }
        };
    }

    /** Returns the network's value of each position, in [-1, 1] for its player to move. */
    public static float[] predict(Net net, Positions data) {
        int size = data.boardSize();
        int stride = Plane.COUNT * size * size;
        float[] out = new float[data.count()];
        int chunk = 512;
        for (int start = 0; start < data.count(); start += chunk) {
            int b = Math.min(chunk, data.count() - start);
            float[] x = Arrays.copyOfRange(data.planes(), start * stride, (start + b) * stride);
            float[] v = net.output(Nd4j.create(x, new long[] {b, Plane.COUNT, size, size}, 'c'))[0].reshape(b)
                    .toFloatVector();
            System.arraycopy(v, 0, out, start, b);
        }
        return out;
    }

    /** Returns the mean of (estimate - z)² over the positions. */
    public static double mse(float[] estimate, float[] z) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double d = estimate[i] - z[i];
            sum += d * d;
        }
        return sum / z.length;
    }

    /**
     * Monte Carlo estimates: for each position, the mean outcome in [-1, 1] for its player to move of {@code rollouts}
     * rollouts by the light policy ({@code weights} null) or by the linear-softmax policy with {@code weights}.
     */
    public static float[] rolloutEstimates(Positions data, int rollouts, RolloutWeights weights, long seed) {
        float[] out = new float[data.count()];
        for (int i = 0; i < data.count(); i++) {
            GoState start = data.states().get(i);
            GoRollout rollout = new GoRollout(weights == null ? new LightPolicy(seed + i)
                    : new LinearSoftmaxPolicy(start.coords(), weights, seed + i));
            GoState s = start.copy();
            Trace trace = new Trace(4 * s.actionSpace());
            double black = 0;
            for (int r = 0; r < rollouts; r++) {
                s.copyFrom(start);
                trace.clear();
                black += rollout.run(s, trace);
            }
            float blackZ = (float) (2 * black / rollouts - 1);
            out[i] = start.toMove() == 0 ? blackZ : -blackZ;
        }
        return out;
    }

    /**
     * A finished run.
     *
     * @param train   the training positions
     * @param test    the held-out positions
     * @param result  the trainer's result
     * @param model   the saved network
     */
    public record Report(Positions train, Positions test, Trainer.Result result, Path model) {
    }

    /** Splits {@code data} into training and test positions by game: the last {@code testShare} of the games are held out. */
    public static Positions[] split(Positions data, double testShare) {
        int n = data.count();
        int test = Math.max(1, (int) Math.round(n * testShare));
        int[] trainRows = new int[n - test];
        int[] testRows = new int[test];
        Arrays.setAll(trainRows, i -> i);
        Arrays.setAll(testRows, i -> n - test + i);
        return new Positions[] {data.subset(trainRows), data.subset(testRows)};
    }

    /**
     * Trains the value network of {@code c} on {@code train}, scoring MSE on a training sample and on {@code test} every
     * {@code c.evalEvery()} updates; checkpoints in {@code out} resume a killed run, and the network is saved as
     * {@link ValueNet#MODEL}.
     */
    public static Report train(Config c, Positions train, Positions test, Path out, boolean progress)
            throws IOException {
        int sample = Math.min(train.count(), test.count());
        int[] rows = new int[sample];
        Arrays.setAll(rows, i -> i);
        Positions trainSample = train.subset(rows);
        Trainer trainer = new Trainer(Trainer.Config.of(c.batchSize(), Integer.MAX_VALUE, c.seed())
                .withMaxSteps(c.steps())
                .withEvalEvery(c.evalEvery())
                .withOutput(out, c.evalEvery())
                .withProgress(progress));
        Trainer.Result r = trainer.run(() -> ValueNet.network(c.shape(), train.boardSize()), batches(train),
                (net, step) -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("train_mse", mse(predict(net, trainSample), trainSample.z()));
                    m.put("test_mse", mse(predict(net, test), test.z()));
                    return m;
                });
        Path model = out.resolve(ValueNet.MODEL);
        Checkpoint.writeWeights(model, r.net(), r.state());
        return new Report(train, test, r, model);
    }

    /**
     * One bucket of AlphaGo's Fig. 2b: positions whose move number lies in [fromMove, fromMove + width), and the MSE
     * against the outcome of the value network and of the two Monte Carlo estimates.
     *
     * @param fromMove  first move number of the bucket
     * @param positions positions in it
     * @param valueNet  the value network's MSE
     * @param light     MSE of the light-rollout estimate
     * @param trained   MSE of the trained rollout policy's estimate
     */
    public record Bucket(int fromMove, int positions, double valueNet, double light, double trained) {
    }

    /**
     * The value network against Monte Carlo estimates on the same positions, by move number, with each estimate's cost.
     *
     * @param buckets         the MSE by move number
     * @param all             the same over all positions (fromMove 0)
     * @param rollouts        rollouts per Monte Carlo estimate
     * @param netMillis       wall-clock milliseconds per value-network estimate (batches of 512, one thread)
     * @param lightMillis     CPU milliseconds per light-rollout estimate
     * @param trainedMillis   CPU milliseconds per trained-rollout estimate
     */
    public record Comparison(List<Bucket> buckets, Bucket all, int rollouts, double netMillis, double lightMillis,
                             double trainedMillis) {
    }

    /**
     * Compares {@code net} on {@code test} with {@code rollouts}-rollout estimates by the light policy and by the
     * linear-softmax policy with {@code trained}, in buckets of {@code width} moves.
     */
    public static Comparison compare(Net net, Positions test, int rollouts, RolloutWeights trained, int width,
                                     long seed) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        float[] v = predict(net, test);
        double netMillis = (System.nanoTime() - t0) / 1e6 / test.count();
        long c0 = bean.getCurrentThreadCpuTime();
        float[] light = rolloutEstimates(test, rollouts, null, seed);
        long c1 = bean.getCurrentThreadCpuTime();
        float[] softmax = rolloutEstimates(test, rollouts, trained, seed);
        long c2 = bean.getCurrentThreadCpuTime();
        int maxMove = Arrays.stream(test.move()).max().orElse(0);
        List<Bucket> buckets = new ArrayList<>();
        for (int from = 0; from <= maxMove; from += width) {
            int lo = from;
            int[] rows = IntStream.range(0, test.count())
                    .filter(i -> test.move()[i] >= lo && test.move()[i] < lo + width).toArray();
            if (rows.length > 0) {
                buckets.add(bucket(from, rows, v, light, softmax, test.z()));
            }
        }
        int[] every = IntStream.range(0, test.count()).toArray();
        return new Comparison(buckets, bucket(0, every, v, light, softmax, test.z()), rollouts, netMillis,
                (c1 - c0) / 1e6 / test.count(), (c2 - c1) / 1e6 / test.count());
    }

    private static Bucket bucket(int from, int[] rows, float[] v, float[] light, float[] softmax, float[] z) {
        float[] zz = new float[rows.length];
        float[] a = new float[rows.length];
        float[] b = new float[rows.length];
        float[] c = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            zz[i] = z[rows[i]];
            a[i] = v[rows[i]];
            b[i] = light[rows[i]];
            c[i] = softmax[rows[i]];
        }
        return new Bucket(from, rows.length, mse(a, zz), mse(b, zz), mse(c, zz));
    }
}
