package dev.primer.rl.alphago;

import dev.primer.go.GameState;
import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.corpus.GameRecord;
import dev.primer.mcts.go.LinearSoftmaxPolicy;
import dev.primer.mcts.go.Pattern3x3;
import dev.primer.mcts.go.RolloutFeature;
import dev.primer.mcts.go.RolloutWeights;
import dev.primer.random.SplitMix64;
import java.util.Arrays;
import java.util.List;
import org.eclipse.collections.api.list.primitive.MutableByteList;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.impl.list.mutable.primitive.ByteArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * Maximum-likelihood training of the linear-softmax rollout policy (AlphaGo's fast rollout policy, Silver et al. 2016,
 * Methods): over the moves the policy samples from (legal, not filling an own eye), p(m) = exp(w · φ(m)) / Σ exp(w ·
 * φ(m')) is fitted to the expert's move by stochastic gradient ascent on log p(expert) with L2 decay. φ is what
 * {@link LinearSoftmaxPolicy} scores: its {@link RolloutFeature}s, the move's 3x3 code as the player sees it, and the
 * same code as a response next to the last move.
 */
public final class RolloutTraining {
    private static final int FEATURES = RolloutFeature.values().length;
    /** The feature bit of a move among the 8 points around the last move, where response weights apply. */
    private static final int NEAR = 1 << RolloutFeature.NEAR_LAST_MOVE.ordinal();
    /** Floor on a probability before its log, as {@link PolicyAccuracy} has. */
    private static final double MIN_PROBABILITY = 1e-7;

    static {
        if (FEATURES > Byte.SIZE) {
            throw new ExceptionInInitializerError("feature bits are kept in a byte: at most 8 rollout features");
        }
    }

    private RolloutTraining() {
    }

    /**
     * A training run.
     *
     * @param epochs       passes over the positions
     * @param learningRate step size of the gradient ascent
     * @param l2           L2 decay, applied to a weight with each gradient term that uses it
     * @param seed         seed of the order of positions
     */
    public record Config(int epochs, double learningRate, double l2, long seed) {
        /** Rejects settings that cannot run. */
        public Config {
            if (epochs < 1 || !(learningRate > 0) || l2 < 0) {
                throw new IllegalArgumentException("invalid rollout training: " + this);
            }
        }

        /** 3 epochs, step 0.1, L2 1e-4, seed 1. */
        public static Config defaults() {
            return new Config(3, 0.1, 1e-4, 1);
        }
    }

    /**
     * Every position's candidate moves as the policy sees them, precomputed once: for position i, candidates
     * {@code start[i]} to {@code start[i + 1]} with their feature bits (bit f for feature ordinal f) and relative 3x3
     * codes, and
     * the index of the expert's move among them (-1 when the expert passed or filled an own eye, which the policy never
     * does). A class, not a record of arrays: two sets are never compared.
     */
    public static final class Examples {
        private final int[] start;
        private final byte[] bits;
        private final int[] patterns;
        private final int[] expert;

        private Examples(int[] start, byte[] bits, int[] patterns, int[] expert) {
            this.start = start;
            this.bits = bits;
            this.patterns = patterns;
            this.expert = expert;
        }

        /** Returns the number of positions. */
        public int positions() {
            return expert.length;
        }
    }

    /** Returns the candidates of every move after the first {@code skipOpening} of each game. */
    public static Examples examples(List<GameRecord> games, int skipOpening) {
        MutableIntList start = new IntArrayList();
        MutableByteList bits = new ByteArrayList();
        MutableIntList patterns = new IntArrayList();
        MutableIntList expert = new IntArrayList();
        LinearSoftmaxPolicy features = null;
        int featuresSize = 0;
        float[] phi = new float[FEATURES];
        for (GameRecord g : games) {
            GameState game = g.start();
            Coords coords = game.coords();
            if (featuresSize != coords.size()) {
                features = new LinearSoftmaxPolicy(coords, RolloutWeights.defaults(), 0);
                featuresSize = coords.size();
            }
            int last = Coords.NONE;
            for (int t = 0; t < g.moves().size(); t++) {
                Color c = game.toMove();
                int move = g.moves().get(t);
                if (t >= skipOpening) {
                    Board b = game.board();
                    int code = c.code();
                    start.add(patterns.size());
                    int found = -1;
                    int n = 0;
                    for (int i = 0; i < b.emptyCount(); i++) {
                        int p = b.emptyPoint(i);
                        if (b.isEyeFast(p, code) || !b.isLegalFast(p, code)) {
                            continue;
                        }
                        features.features(b, code, last, p, phi);
                        byte mask = 0;
                        for (int f = 0; f < FEATURES; f++) {
                            mask |= phi[f] != 0 ? (byte) (1 << f) : 0;
                        }
                        bits.add(mask);
                        patterns.add(Pattern3x3.relativeCode(b, p, code));
                        if (p == move) {
                            found = n;
                        }
                        n++;
                    }
                    expert.add(found);
                }
                if (game.play(c, move) != Legality.OK) {
                    throw new IllegalArgumentException(g.source() + ": move " + (t + 1) + " is illegal");
                }
                last = move;
            }
        }
        start.add(patterns.size());
        return new Examples(start.toArray(), bits.toArray(), patterns.toArray(), expert.toArray());
    }

    /** Returns weights fitted to {@code ex}, starting from {@code init} (which is not changed). */
    public static RolloutWeights train(Examples ex, Config c, RolloutWeights init) {
        float[] w = init.features().clone();
        float[] pattern = init.patterns().clone();
        float[] response = init.responses().clone();
        int[] order = new int[ex.positions()];
        Arrays.setAll(order, i -> i);
        double[] p = new double[maxCandidates(ex)];
        for (int epoch = 0; epoch < c.epochs(); epoch++) {
            new SplitMix64(c.seed() * 0x9E3779B97F4A7C15L + epoch).shuffle(order);
            for (int i : order) {
                int e = ex.expert[i];
                if (e < 0) {
                    continue;
                }
                int from = ex.start[i];
                int n = ex.start[i + 1] - from;
                softmax(ex, from, n, w, pattern, response, p);
                // d log p(e) / d z_m = 1[m = e] - p(m); z_m = pattern[code(m)] + near(m)·response[code(m)] + Σ_f w_f φ_f(m)
                for (int m = 0; m < n; m++) {
                    double g = (m == e ? 1 : 0) - p[m];
                    int code = ex.patterns[from + m];
                    pattern[code] += (float) (c.learningRate() * (g - c.l2() * pattern[code]));
                    int bitsOf = ex.bits[from + m];
                    if ((bitsOf & NEAR) != 0) {
                        response[code] += (float) (c.learningRate() * (g - c.l2() * response[code]));
                    }
                    for (int f = 0; f < FEATURES; f++) {
                        if ((bitsOf & (1 << f)) != 0) {
                            w[f] += (float) (c.learningRate() * g);
                        }
                    }
                }
                for (int f = 0; f < FEATURES; f++) {
                    w[f] -= (float) (c.learningRate() * c.l2() * w[f]);
                }
            }
        }
        return new RolloutWeights(w, pattern, response);
    }

    /**
     * How well weights predict the expert.
     *
     * @param positions positions scored
     * @param top1      fraction whose expert move is the policy's most likely move (ties and uncovered moves miss)
     * @param top3      fraction whose expert move is among its 3 most likely moves (ties count against it)
     * @param nll       mean -log p(expert) over the positions whose expert move is a candidate
     * @param coverage  fraction of positions whose expert move is a candidate at all
     */
    public record Accuracy(int positions, double top1, double top3, double nll, double coverage) {
    }

    /** Scores {@code weights} on {@code ex}. */
    public static Accuracy accuracy(Examples ex, RolloutWeights weights) {
        double[] p = new double[maxCandidates(ex)];
        int hits = 0;
        int hits3 = 0;
        int covered = 0;
        double nll = 0;
        for (int i = 0; i < ex.positions(); i++) {
            int e = ex.expert[i];
            if (e < 0) {
                continue;
            }
            covered++;
            int from = ex.start[i];
            int n = ex.start[i + 1] - from;
            softmax(ex, from, n, weights.features(), weights.patterns(), weights.responses(), p);
            int better = 0;
            for (int m = 0; m < n; m++) {
                better += m != e && p[m] >= p[e] ? 1 : 0;
            }
            hits += better == 0 ? 1 : 0;
            hits3 += better < 3 ? 1 : 0;
            nll -= Math.log(Math.max(p[e], MIN_PROBABILITY));
        }
        int positions = ex.positions();
        return new Accuracy(positions, positions == 0 ? Double.NaN : (double) hits / positions,
                positions == 0 ? Double.NaN : (double) hits3 / positions, covered == 0 ? Double.NaN : nll / covered,
                positions == 0 ? Double.NaN : (double) covered / positions);
    }

    /** Writes the policy's probabilities of the {@code n} candidates from {@code from} into {@code p}. */
    private static void softmax(Examples ex, int from, int n, float[] w, float[] pattern, float[] response,
                                double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < n; m++) {
            int code = ex.patterns[from + m];
            int bitsOf = ex.bits[from + m];
            double z = pattern[code] + ((bitsOf & NEAR) != 0 ? response[code] : 0);
            for (int f = 0; f < FEATURES; f++) {
                if ((bitsOf & (1 << f)) != 0) {
                    z += w[f];
                }
            }
            p[m] = z;
            max = Math.max(max, z);
        }
        double total = 0;
        for (int m = 0; m < n; m++) {
            p[m] = Math.exp(p[m] - max);
            total += p[m];
        }
        for (int m = 0; m < n; m++) {
            p[m] /= total;
        }
    }

    private static int maxCandidates(Examples ex) {
        int max = 1;
        for (int i = 0; i < ex.positions(); i++) {
            max = Math.max(max, ex.start[i + 1] - ex.start[i]);
        }
        return max;
    }
}
