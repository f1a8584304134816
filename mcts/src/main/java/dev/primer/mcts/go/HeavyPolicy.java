package dev.primer.mcts.go;

import dev.primer.go.board.Board;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Stone;
import dev.primer.random.SplitMix64;

/**
 * MoGo-style heavy playouts (Gelly, Wang, Munos and Teytaud 2006, section 3.2): answer the last move first, by
 * capturing the stone just played when it is in atari or saving own stones it put in atari, then by a 3x3 pattern
 * move next to it; otherwise a random non-eye move that is not a self-atari (a few tries, then any random move).
 */
public final class HeavyPolicy implements PlayoutPolicy {
    private static final int RANDOM_TRIES = 10;
    private static final int MAX_CANDIDATES = 16;

    private final SplitMix64 rng;
    private final Tactics tactics;
    private final Coords coords;
    private final int[] candidates = new int[MAX_CANDIDATES];

    /** Creates a policy for boards of {@code coords} whose choices are fixed by {@code seed}. */
    public HeavyPolicy(Coords coords, long seed) {
        rng = new SplitMix64(seed);
        tactics = new Tactics(coords);
        this.coords = coords;
    }

    @Override
    public int play(GoState s) {
        Board b = s.board();
        int code = s.code();
        int last = s.lastMove();
        if (last > Coords.PASS) {
            int p = reply(b, code, last);
            if (p != Coords.NONE) {
                b.playFast(p, code);
                return p;
            }
        }
        for (int t = 0; t < RANDOM_TRIES && b.emptyCount() > 0; t++) {
            int p = b.emptyPoint(rng.nextIntMultiplyShift(b.emptyCount()));
            if (!b.isEyeFast(p, code) && b.isLegalFast(p, code) && !tactics.isSelfAtari(b, p, code)) {
                b.playFast(p, code);
                return p;
            }
        }
        return b.playRandomMove(code, rng);
    }

    /** Returns a tactical or pattern answer to the move at {@code last}, or NONE. */
    private int reply(Board b, int code, int last) {
        int n = 0;
        if (b.codeAt(last) == Stone.opponentCode(code)) {
            int l = tactics.atariLiberty(b, last);
            if (l != Coords.NONE) {
                candidates[n++] = l;
            }
        }
        for (int i = 0; i < Coords.NEIGHBOURS; i++) {
            int nb = coords.neighbour(last, i);
            if (b.codeAt(nb) == code) {
                n = tactics.escapes(b, nb, candidates, n);
            }
        }
        int p = pickLegal(b, code, n);
        if (p != Coords.NONE) {
            return p;
        }
        n = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int q = last + dy * coords.stride() + dx;
                if (b.isEmpty(q) && Pattern3x3.isMogo(b, q) && !b.isEyeFast(q, code)
                        && b.isLegalFast(q, code) && !tactics.isSelfAtari(b, q, code)) {
                    candidates[n++] = q;
                }
            }
        }
        return n == 0 ? Coords.NONE : candidates[rng.nextIntMultiplyShift(n)];
    }

    /** Returns a random legal candidate among the first {@code n}, or NONE. */
    private int pickLegal(Board b, int code, int n) {
        while (n > 0) {
            int i = rng.nextIntMultiplyShift(n);
            int p = candidates[i];
            if (b.isEmpty(p) && b.isLegalFast(p, code)) {
                return p;
            }
            candidates[i] = candidates[--n];
        }
        return Coords.NONE;
    }
}
