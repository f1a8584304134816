package dev.primer.mcts.go;

import dev.primer.go.board.Board;
import dev.primer.go.board.Coords;
import java.util.Arrays;

/**
 * Liberty tactics on the fast board for playout policies: liberties of a chain, ataris, escapes and self-ataris.
 * Holds scratch arrays: one instance per thread.
 */
public final class Tactics {
    /** More pseudo-liberties than this guarantee at least three real ones (one liberty counts at most four times). */
    private static final int SAFE_PSEUDO_LIBERTIES = 8;

    private final int stride;
    private final int[] mark;
    private final int[] stack;
    private int stamp;
    private final int[] outerMark;
    private final int[] scratchQueue;
    private int outerStamp;
    private final int[] found = new int[2];
    private final int[] libs = new int[2];
    private final int[] scratch = new int[3];

    /** Creates scratch for boards of {@code coords}. */
    public Tactics(Coords coords) {
        stride = coords.stride();
        mark = new int[coords.arraySize()];
        stack = new int[coords.arraySize()];
        outerMark = new int[coords.arraySize()];
        scratchQueue = new int[coords.arraySize()];
    }

    /**
     * Writes up to {@code max} distinct liberties of the chain at stone {@code p} into {@code out} (skipping
     * {@code except}) and returns how many it found.
     */
    public int liberties(Board b, int p, int except, int[] out, int max) {
        int head = b.chainHead(p);
        int s = nextStamp();
        int top = 0;
        int found = 0;
        stack[top++] = p;
        mark[p] = s;
        while (top > 0) {
            int q = stack[--top];
            for (int i = 0; i < 4; i++) {
                int n = neighbour(q, i);
                if (mark[n] == s) {
                    continue;
                }
                int c = b.codeAt(n);
                if (c == 0) {
                    mark[n] = s;
                    if (n != except) {
                        out[found++] = n;
                        if (found == max) {
                            return found;
                        }
                    }
                } else if (c != 3 && b.chainHead(n) == head) {
                    mark[n] = s;
                    stack[top++] = n;
                }
            }
        }
        return found;
    }

    /** Returns the liberty of the chain at {@code p} when it has exactly one, else NONE. */
    public int atariLiberty(Board b, int p) {
        if (b.pseudoLiberties(p) > 4) {
            return Coords.NONE;
        }
        int n = liberties(b, p, Coords.NONE, found, 2);
        return n == 1 ? found[0] : Coords.NONE;
    }

    /** Returns true when {@code code} playing the empty point {@code p} captures an adjacent chain. */
    public boolean captures(Board b, int p, int code) {
        int opp = 3 - code;
        for (int i = 0; i < 4; i++) {
            int n = neighbour(p, i);
            if (b.codeAt(n) == opp && atariLiberty(b, n) == p) {
                return true;
            }
        }
        return false;
    }

    /** Returns true when {@code code} playing the empty point {@code p} leaves its chain with one liberty and captures nothing. */
    public boolean isSelfAtari(Board b, int p, int code) {
        int count = 0;
        int opp = 3 - code;
        for (int i = 0; i < 4; i++) {
            int n = neighbour(p, i);
            int c = b.codeAt(n);
            if (c == 0) {
                count = addLiberty(count, n);
            } else if (c == code) {
                if (b.pseudoLiberties(n) > SAFE_PSEUDO_LIBERTIES) {
                    return false;
                }
                int k = liberties(b, n, p, scratch, 3);
                for (int j = 0; j < k && count < 2; j++) {
                    count = addLiberty(count, scratch[j]);
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
     */
    public int escapes(Board b, int p, int[] out, int from) {
        int code = b.codeAt(p);
        int liberty = atariLiberty(b, p);
        if (liberty == Coords.NONE) {
            return from;
        }
        int n = from;
        int head = b.chainHead(p);
        if (++outerStamp == Integer.MAX_VALUE) {
            Arrays.fill(outerMark, 0);
            outerStamp = 1;
        }
        int s = outerStamp;
        int[] queue = scratchQueue;
        int top = 0;
        queue[top++] = p;
        outerMark[p] = s;
        while (top > 0 && n < out.length) {
            int q = queue[--top];
            for (int i = 0; i < 4 && n < out.length; i++) {
                int nb = neighbour(q, i);
                if (outerMark[nb] == s) {
                    continue;
                }
                outerMark[nb] = s;
                int c = b.codeAt(nb);
                if (c == code && b.chainHead(nb) == head) {
                    queue[top++] = nb;
                } else if (c == 3 - code) {
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

    private int neighbour(int p, int i) {
        return switch (i) {
            case 0 -> p - stride;
            case 1 -> p - 1;
            case 2 -> p + 1;
            default -> p + stride;
        };
    }

    private int nextStamp() {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(mark, 0);
            stamp = 1;
        }
        return stamp;
    }
}
