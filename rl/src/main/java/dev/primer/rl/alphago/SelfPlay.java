package dev.primer.rl.alphago;

import dev.primer.go.board.Board;
import dev.primer.go.board.Coords;
import dev.primer.go.features.InputPlanes;
import dev.primer.go.features.Plane;
import dev.primer.go.score.DeadStones;
import dev.primer.mcts.go.GoState;
import dev.primer.nn.Net;
import dev.primer.nn.norm.BatchNormFolding;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Games played side by side by policy networks, one batched forward pass per network and move: AlphaGo's self-play
 * (Silver et al. 2016, "Reinforcement learning of policy networks"). Each move is drawn from the network's
 * distribution over the legal points that do not fill the mover's own one-point eye and pass; a random move is drawn
 * uniformly from the same points, passing only when none is left. Two passes in a row end a game, as they ended the
 * expert's games the SL policy learnt from, and it is scored by Tromp-Taylor area (komi added) after removing the
 * stones that {@link DeadStones#estimate} calls dead ({@link DeadStones#DEFAULT_PLAYOUTS} light playouts): forcing
 * play on until no point is left instead made the SL policy play some 50 more moves a game, each one it gave a
 * probability of e^-4 to e^-7 beside 0.6 to 0.99 for pass, and those moves decided results and dominated the
 * policy gradient. Positions use the search's rules (simple ko, suicide forbidden); {@link GoState#maxMoves()} ends
 * a cycling game. Each network plays as a batch-norm-folded copy made at the start of the call
 * ({@link BatchNormFolding#forInference}), which gives its inference outputs to float rounding; a caller that plays
 * many calls with fixed networks passes folded ones, which are used as they are.
 */
public final class SelfPlay {
    private SelfPlay() {
    }

    /** Who moves: a network, or null for one uniformly random move. */
    @FunctionalInterface
    public interface Movers {
        /** Returns the network choosing move number {@code move} (0 first) of game {@code game}, or null for a random move. */
        Net net(int game, int move);
    }

    /** Sees each move before it is played. */
    @FunctionalInterface
    public interface Recorder {
        /**
         * Called with game {@code game}'s position before move number {@code move}, its input planes (null for a random
         * move; the array is the caller's to keep) and the chosen action.
         */
        void move(int game, int move, GoState state, float[] planes, int action);
    }

    /**
     * Plays {@code games} games from the empty board of side {@code size} with {@code komi} and returns Black's result
     * of each (1 win, 0.5 jigo, 0 loss).
     */
    public static float[] play(int games, int size, double komi, Movers movers, Recorder recorder, SplitMix64 rng) {
        Coords coords = Coords.of(size);
        int area = coords.area();
        int stride = Plane.COUNT * area;
        GoState[] states = new GoState[games];
        for (int g = 0; g < games; g++) {
            states[g] = new GoState(size, komi);
        }
        InputPlanes encoder = new InputPlanes();
        int[] actions = new int[area + 1];
        float[] one = new float[stride];
        Map<Net, Net> folded = new IdentityHashMap<>();
        List<Integer> live = new ArrayList<>();
        while (true) {
            live.clear();
            for (int g = 0; g < games; g++) {
                if (!states[g].isTerminal()) {
                    live.add(g);
                }
            }
            if (live.isEmpty()) {
                break;
            }
            Map<Net, List<Integer>> groups = new IdentityHashMap<>();
            List<Integer> random = new ArrayList<>();
            for (int g : live) {
                Net net = movers.net(g, states[g].movesPlayed());
                if (net == null) {
                    random.add(g);
                } else {
                    Net inference = folded.computeIfAbsent(net, BatchNormFolding::forInference);
                    groups.computeIfAbsent(inference, k -> new ArrayList<>()).add(g);
                }
            }
            for (int g : random) {
                GoState s = states[g];
                int n = candidates(s, actions);
                int a = actions[rng.nextIntModulo(n > 1 ? n - 1 : n)];
                recorder.move(g, s.movesPlayed(), s, null, a);
                s.apply(a);
            }
            for (Map.Entry<Net, List<Integer>> e : groups.entrySet()) {
                List<Integer> group = e.getValue();
                float[] x = new float[group.size() * stride];
                for (int i = 0; i < group.size(); i++) {
                    GoState s = states[group.get(i)];
                    encoder.encodeInto(s.board(), s.color(), s::recentMove, one);
                    System.arraycopy(one, 0, x, i * stride, stride);
                }
                float[] p = e.getKey().output(Nd4j.create(x, new long[] {group.size(), Plane.COUNT, size, size}, 'c'))[0]
                        .reshape((long) group.size() * (area + 1)).toFloatVector();
                for (int i = 0; i < group.size(); i++) {
                    int g = group.get(i);
                    GoState s = states[g];
                    int a = sample(p, i * (area + 1), actions, candidates(s, actions), rng);
                    float[] planes = new float[stride];
                    System.arraycopy(x, i * stride, planes, 0, stride);
                    recorder.move(g, s.movesPlayed(), s, planes, a);
                    s.apply(a);
                }
            }
        }
        float[] results = new float[games];
        for (int g = 0; g < games; g++) {
            results[g] = result(states[g], rng.nextLong());
        }
        return results;
    }

    /** Returns Black's result of finished game {@code s} (1 win, 0.5 jigo, 0 loss), its dead stones removed first. */
    static float result(GoState s, long seed) {
        Board board = s.board();
        int[] dead = DeadStones.estimate(board, s.color(), DeadStones.DEFAULT_PLAYOUTS, seed);
        return GoState.value(DeadStones.scoreWithout(board, s.komi(), dead).margin());
    }

    /**
     * Writes the moves a self-play player may make into {@code out}: the legal points that fill no own one-point eye,
     * then pass, always last; returns how many.
     */
    static int candidates(GoState s, int[] out) {
        int n = s.legalActions(out);
        int pass = s.coords().area();
        if (n == 0 || out[n - 1] != pass) {
            out[n++] = pass;
        }
        return n;
    }

    /** Draws one of {@code actions[0..n)} with probability proportional to {@code p[offset + action]}; uniformly when they sum to 0. */
    static int sample(float[] p, int offset, int[] actions, int n, SplitMix64 rng) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Math.max(0, p[offset + actions[k]]);
        }
        if (!(sum > 0)) {
            return actions[rng.nextIntModulo(n)];
        }
        double u = rng.nextDouble() * sum;
        for (int k = 0; k < n; k++) {
            u -= Math.max(0, p[offset + actions[k]]);
            if (u < 0) {
                return actions[k];
            }
        }
        return actions[n - 1];
    }
}
