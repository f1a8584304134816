package dev.primer.mcts.go;

import dev.primer.go.board.Board;
import dev.primer.go.board.Coords;
import dev.primer.go.board.PointSet;
import dev.primer.go.board.Stone;

/**
 * Liberty tactics on the fast board for playout policies: ataris, escapes and self-ataris, over the board's own
 * {@link Board#liberties(int, int[], int)}. Holds scratch arrays: one instance per thread.
 */
public final class Tactics {
    /** More pseudo-liberties than this guarantee at least three real ones (one liberty counts at most four times). */
    private static final int SAFE_PSEUDO_LIBERTIES = 8;

    private final Coords coords;
    private final PointSet seen;
    private final int[] scratchQueue;
    private final int[] found = new int[2];
    private final int[] libs = new int[2];
    private final int[] scratch = new int[3];

    /** Creates scratch for boards of {@code coords}. */
    public Tactics(Coords coords) {
        this.coords = coords;
        seen = new PointSet(coords);
        scratchQueue = new int[coords.arraySize()];
    }

    /** Returns the liberty of the chain at {@code p} when it has exactly one, else NONE. */
    public int atariLiberty(Board b, int p) {
        if (b.pseudoLiberties(p) > 4) {
            return Coords.NONE;
        }
        int n = b.liberties(p, found, 2);
        return n == 1 ? found[0] : Coords.NONE;
    }

    /** Returns true when {@code code} playing the empty point {@code p} captures an adjacent chain. */
    public boolean captures(Board b, int p, int code) {
        int opp = Stone.opponentCode(code);
        for (int i = 0; i < Coords.NEIGHBOURS; i++) {
            int n = coords.neighbour(p, i);
            if (b.codeAt(n) == opp && atariLiberty(b, n) == p) {
                return true;
            }
        }
        return false;
    }

    /** Returns true when {@code code} playing the empty point {@code p} leaves its chain with one liberty and captures nothing. */
    public boolean isSelfAtari(Board b, int p, int code) {
        int count = 0;
        int opp = Stone.opponentCode(code);
        for (int i = 0; i < Coords.NEIGHBOURS; i++) {
            int n = coords.neighbour(p, i);
            int c = b.codeAt(n);
            if (c == Stone.EMPTY_CODE) {
                count = addLiberty(count, n);
            } else if (c == code) {
                if (b.pseudoLiberties(n) > SAFE_PSEUDO_LIBERTIES) {
                    return false;
                }
                // three liberties hold at least two besides p, all the count needs
                int k = b.liberties(n, scratch, 3);
                for (int j = 0; j < k && count < 2; j++) {
                    if (scratch[j] != p) {
                        count = addLiberty(count, scratch[j]);
                    }
                }
            } else if (c == opp && atariLiberty(b, n) == p) {
                return false;
            }
            if (count >= 2) {
                return false;
            }
        }
        return true;
    }

    private int addLiberty(int count, int n) {
        for (int j = 0; j < count; j++) {
            if (libs[j] == n) {
                return count;
            }
        }
        libs[count] = n;
        return count + 1;
    }

    /**
     * Appends to {@code out} from index {@code from} the moves that save the chain at {@code p} from atari: capturing an
     * adjacent chain in atari, or extending at its liberty without self-atari; returns the new count (at most out.length).
     * The order, which playouts draw from, is that of a depth-first walk of the chain from {@code p}.
     */
    public int escapes(Board b, int p, int[] out, int from) {
        int code = b.codeAt(p);
        int liberty = atariLiberty(b, p);
        if (liberty == Coords.NONE) {
            return from;
        }
        int opp = Stone.opponentCode(code);
        int n = from;
        int head = b.chainHead(p);
        seen.clear();
        int[] queue = scratchQueue;
        int top = 0;
        queue[top++] = p;
        seen.add(p);
        while (top > 0 && n < out.length) {
            int q = queue[--top];
            for (int i = 0; i < Coords.NEIGHBOURS && n < out.length; i++) {
                int nb = coords.neighbour(q, i);
                if (!seen.add(nb)) {
                    continue;
                }
                int c = b.codeAt(nb);
                if (c == code && b.chainHead(nb) == head) {
                    queue[top++] = nb;
                } else if (c == opp) {
                    int l = atariLiberty(b, nb);
                    if (l != Coords.NONE) {
                        out[n++] = l;
                    }
                }
            }
        }
        if (n < out.length && !isSelfAtari(b, liberty, code)) {
            out[n++] = liberty;
        }
        return n;
    }
}
