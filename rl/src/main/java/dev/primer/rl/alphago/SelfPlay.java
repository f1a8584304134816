package dev.primer.rl.alphago;

import dev.primer.go.board.Coords;
import dev.primer.go.features.InputPlanes;
import dev.primer.go.features.Plane;
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
 * distribution over the legal points that do not fill the mover's own one-point eye; a player passes only when no
 * such point is left, so a game ends with every dead stone captured and its Tromp-Taylor area score (komi added) is
 * the result. Positions use the search's rules (simple ko, suicide forbidden); {@link GoState#maxMoves()} ends a
 * cycling game. Each network plays as a batch-norm-folded copy made at the start of the call
 * ({@link BatchNormFolding#forInference}), which gives its inference outputs to float rounding.
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
                int a = actions[rng.nextIntModulo(n)];
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
            results[g] = states[g].terminalValue();
        }
        return results;
    }

    /** Writes the moves a self-play player may make into {@code out}: legal non-eye points, else pass alone; returns how many. */
    static int candidates(GoState s, int[] out) {
        int n = s.legalActions(out);
        int pass = s.coords().area();
        if (n > 1 && out[n - 1] == pass) {
            n--;
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
