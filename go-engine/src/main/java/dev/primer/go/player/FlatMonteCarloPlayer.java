package dev.primer.go.player;

import dev.primer.go.GameState;
import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Playout;
import dev.primer.go.board.Stone;
import dev.primer.random.SplitMix64;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * Flat Monte Carlo with UCB1 over the root moves: every legal move that does not fill an own eye is a candidate
 * and is scored by light playouts to the end. Pass is a candidate only after the opponent passed (then it ends the
 * game and is scored exactly) or when nothing else is left. It never resigns.
 */
public final class FlatMonteCarloPlayer implements MoveGenerator {
    private static final double EXPLORATION = 1.0;
    private static final int CLOCK_CHECK_INTERVAL = 32;

    /**
     * @param maxPlayouts playouts per move (the effort when time is unlimited)
     * @param seed        random seed; each search draws its playouts from a generator seeded by this seed and the
     *                    position (stones, side to move, ko point, passes, komi), so the same seed and position give
     *                    the same move whatever was searched before, as long as the playout count is not cut short by
     *                    a time limit (and, under superko, the history forbids the same moves)
     */
    public record Config(int maxPlayouts, long seed) {
        /** 4,000 playouts, seed 1. */
        public static final Config DEFAULT = new Config(4_000, 1);
    }

    private final Config config;

    /** Creates a player with {@code config}. */
    public FlatMonteCarloPlayer(Config config) {
        this.config = config;
    }

    @Override
    public Decision genmove(GameState state, Color c, TimeBudget budget) {
        return Decision.play(search(state, c, budget, state.consecutivePasses() > 0));
    }

    @Override
    public Decision genmoveCleanup(GameState state, Color c, TimeBudget budget) {
        return Decision.play(search(state, c, budget, false));
    }

    private int search(GameState state, Color c, TimeBudget budget, boolean passIsCandidate) {
        Board board = state.board();
        MutableIntList candidates = new IntArrayList();
        for (int p : state.coords().points()) {
            if (board.stoneAt(p) == Stone.EMPTY && !board.isEye(p, c) && state.legality(c, p).isLegal()) {
                candidates.add(p);
            }
        }
        if (passIsCandidate || candidates.isEmpty()) {
            candidates.add(Coords.PASS);
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        int n = candidates.size();
        int[] visits = new int[n];
        double[] wins = new double[n];
        Board scratch = new Board(state.coords());
        SplitMix64 rng = new SplitMix64(searchSeed(config.seed(), state, c, passIsCandidate));
        long deadline = budget.isUnlimited() ? Long.MAX_VALUE
                : System.nanoTime() + (long) (Math.max(0.01, budget.seconds()) * 1e9);
        int maxMoves = Playout.defaultMaxMoves(state.coords());
        for (int played = 0; played < config.maxPlayouts(); played++) {
            if (played % CLOCK_CHECK_INTERVAL == 0 && System.nanoTime() > deadline) {
                break;
            }
            int i = played < n ? played : bestUcb(visits, wins, played);
            int p = candidates.get(i);
            scratch.copyFrom(board);
            scratch.play(p, c);
            if (p != Coords.PASS || state.consecutivePasses() == 0) {
                Playout.run(scratch, c.opponent(), p == Coords.PASS ? 1 : 0, rng, maxMoves);
            }
            double margin = scratch.areaScore() - state.komi();
            boolean won = c == Color.BLACK ? margin > 0 : margin < 0;
            visits[i]++;
            wins[i] += won ? 1 : margin == 0 ? 0.5 : 0;
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (visits[i] > visits[best] || visits[i] == visits[best] && wins[i] > wins[best]) {
                best = i;
            }
        }
        return candidates.get(best);
    }

    /** Mixes the configured seed with everything about the position the search depends on. */
    static long searchSeed(long seed, GameState state, Color c, boolean passIsCandidate) {
        long h = state.board().hash();
        h = mix(h ^ c.code());
        h = mix(h ^ state.board().koPoint());
        h = mix(h ^ state.consecutivePasses() ^ (passIsCandidate ? 0x100L : 0));
        h = mix(h ^ Double.doubleToLongBits(state.komi()));
        return mix(h ^ mix(seed));
    }

    /** The SplitMix64 finaliser: a bijection that spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int bestUcb(int[] visits, double[] wins, int total) {
        double logTotal = Math.log(total);
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < visits.length; i++) {
            double value = wins[i] / visits[i] + EXPLORATION * Math.sqrt(logTotal / visits[i]);
            if (value > bestValue) {
                bestValue = value;
                best = i;
            }
        }
        return best;
    }
}
