package dev.primer.mcts.go;

import dev.primer.go.board.Board;
import dev.primer.go.board.Coords;
import dev.primer.random.SplitMix64;

/**
 * A linear-softmax policy over move features (AlphaGo's fast rollout policy, Silver et al. 2016): every legal
 * non-eye move m gets probability exp(w · φ(m)) / Σ exp(w · φ(m')). It plays rollouts and gives the tree its priors.
 * One instance per thread.
 */
public final class LinearSoftmaxPolicy implements PlayoutPolicy {
    private final RolloutWeights weights;
    private final SplitMix64 rng;
    private final Tactics tactics;
    private final Coords coords;
    private final int[] moves;
    private final double[] cumulative;

    /** Creates a policy for boards of {@code coords} with {@code weights}, random choices fixed by {@code seed}. */
    public LinearSoftmaxPolicy(Coords coords, RolloutWeights weights, long seed) {
        this.weights = weights;
        this.rng = new SplitMix64(seed);
        this.tactics = new Tactics(coords);
        this.coords = coords;
        this.moves = new int[coords.area()];
        this.cumulative = new double[coords.area()];
    }

    /** Writes the 0/1 features of empty point {@code p} for {@code code}, after the move at {@code last}, into {@code out} by ordinal. */
    public void features(Board b, int code, int last, int p, float[] out) {
        out[RolloutFeature.CAPTURE.ordinal()] = tactics.captures(b, p, code) ? 1 : 0;
        out[RolloutFeature.ATARI_ESCAPE.ordinal()] = escapesAtari(b, code, p) ? 1 : 0;
        out[RolloutFeature.SELF_ATARI.ordinal()] = tactics.isSelfAtari(b, p, code) ? 1 : 0;
        out[RolloutFeature.NEAR_LAST_MOVE.ordinal()] = isNear(last, p) ? 1 : 0;
        out[RolloutFeature.MOGO_PATTERN.ordinal()] = Pattern3x3.isMogo(b, p) ? 1 : 0;
    }

    /** Returns w · φ(p) for empty point {@code p}. */
    public double logit(Board b, int code, int last, int p) {
        float[] w = weights.features();
        int pattern = Pattern3x3.relativeCode(b, p, code);
        double z = weights.patterns()[pattern];
        if (tactics.captures(b, p, code)) {
            z += w[RolloutFeature.CAPTURE.ordinal()];
        }
        if (escapesAtari(b, code, p)) {
            z += w[RolloutFeature.ATARI_ESCAPE.ordinal()];
        }
        if (tactics.isSelfAtari(b, p, code)) {
            z += w[RolloutFeature.SELF_ATARI.ordinal()];
        }
        if (isNear(last, p)) {
            z += w[RolloutFeature.NEAR_LAST_MOVE.ordinal()] + weights.responses()[pattern];
        }
        if (Pattern3x3.isMogo(b, p)) {
            z += w[RolloutFeature.MOGO_PATTERN.ordinal()];
        }
        return z;
    }

    @Override
    public int play(GoState s) {
        Board b = s.board();
        int code = s.code();
        int n = 0;
        double total = 0;
        for (int i = 0; i < b.emptyCount(); i++) {
            int p = b.emptyPoint(i);
            if (!b.isEyeFast(p, code) && b.isLegalFast(p, code)) {
                total += Math.exp(logit(b, code, s.lastMove(), p));
                moves[n] = p;
                cumulative[n++] = total;
            }
        }
        if (n == 0) {
            b.playFast(Coords.PASS, code);
            return Coords.PASS;
        }
        double r = rng.nextDouble() * total;
        int i = 0;
        while (i < n - 1 && cumulative[i] <= r) {
            i++;
        }
        b.playFast(moves[i], code);
        return moves[i];
    }

    private boolean escapesAtari(Board b, int code, int p) {
        for (int i = 0; i < Coords.NEIGHBOURS; i++) {
            int n = coords.neighbour(p, i);
            if (b.codeAt(n) == code && tactics.atariLiberty(b, n) == p) {
                return !tactics.isSelfAtari(b, p, code) || tactics.captures(b, p, code);
            }
        }
        return false;
    }

    private boolean isNear(int last, int p) {
        if (last <= Coords.PASS) {
            return false;
        }
        int d = Math.abs(p - last);
        int stride = coords.stride();
        return d == 1 || d == stride - 1 || d == stride || d == stride + 1;
    }
}
