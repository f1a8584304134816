package dev.primer.go.score;

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
 * Estimates which stones of an unfinished game are dead by Monte Carlo: the game is played out many times with
 * light playouts, and a stone is dead when the opponent owns its point at the end of most playouts.
 */
public final class DeadStones {
    /** Playouts the GTP engine uses for final_score and final_status_list. */
    public static final int DEFAULT_PLAYOUTS = 1_000;

    private DeadStones() {
    }

    /**
     * Returns, indexed by board point, Black's ownership in
     * [-1, 1]: +1 when Black owned the point at the end of every playout, -1 when White always did.
     */
    public static double[] ownership(GameState state, int playouts, long seed) {
        return ownership(state.board(), state.toMove(), playouts, seed);
    }

    /** Returns Black's ownership, as {@link #ownership(GameState, int, long)}, of {@code board}, {@code toMove} to play. */
    public static double[] ownership(Board board, Color toMove, int playouts, long seed) {
        Coords coords = board.coords();
        Board scratch = new Board(coords);
        byte[] owner = new byte[coords.arraySize()];
        int[] sum = new int[coords.arraySize()];
        SplitMix64 rng = new SplitMix64(seed);
        int maxMoves = Playout.defaultMaxMoves(coords);
        for (int i = 0; i < playouts; i++) {
            scratch.copyFrom(board);
            Playout.run(scratch, toMove, 0, rng, maxMoves);
            scratch.areaOwners(owner);
            for (int p : coords.points()) {
                sum[p] += owner[p] == Stone.BLACK_CODE ? 1 : owner[p] == Stone.WHITE_CODE ? -1 : 0;
            }
        }
        double[] out = new double[coords.arraySize()];
        for (int p : coords.points()) {
            out[p] = sum[p] / (double) playouts;
        }
        return out;
    }

    /**
     * Returns the stones whose point the opponent owns at the end of more playouts than their own colour does, except
     * stones in {@link #seki}: light playouts do not respect seki (whoever fills a shared liberty first loses), so
     * they would call one side of every seki dead.
     */
    public static int[] estimate(GameState state, int playouts, long seed) {
        return estimate(state.board(), state.toMove(), playouts, seed);
    }

    /** Returns the dead stones, as {@link #estimate(GameState, int, long)}, of {@code board}, {@code toMove} to play. */
    public static int[] estimate(Board board, Color toMove, int playouts, long seed) {
        double[] own = ownership(board, toMove, playouts, seed);
        boolean[] seki = sekiMask(board);
        MutableIntList dead = new IntArrayList();
        for (int p : board.coords().points()) {
            Stone s = board.stoneAt(p);
            if ((s == Stone.BLACK && own[p] < 0 || s == Stone.WHITE && own[p] > 0) && !seki[p]) {
                dead.add(p);
            }
        }
        return dead.toArray();
    }

    /**
     * Returns the stones in seki, found from the shape alone: chains whose every liberty is either an eye (an empty
     * region reaching only their colour) or a shared liberty that neither colour can fill without putting its own
     * chain in atari (or committing suicide) and without capturing, where every chain next to each such shared
     * liberty passes the same test. It is conservative: a seki that still has an open dame point next to it is
     * not found.
     */
    public static int[] seki(GameState state) {
        Board board = state.board();
        boolean[] seki = sekiMask(board);
        MutableIntList out = new IntArrayList();
        for (int p : state.coords().points()) {
            if (seki[p]) {
                out.add(p);
            }
        }
        return out.toArray();
    }

    /** Returns, indexed by point, whether the stone there is in seki (see {@link #seki}). */
    private static boolean[] sekiMask(Board board) {
        Coords coords = board.coords();
        int n = coords.arraySize();
        byte[] owner = new byte[n];
        board.areaOwners(owner);
        Board scratch = new Board(coords);
        // shared liberties that both colours would fill only as self-atari or suicide
        boolean[] mutual = new boolean[n];
        boolean any = false;
        for (int p : coords.points()) {
            if (!board.isEmpty(p)) {
                continue;
            }
            int touches = 0;
            for (int i = 0; i < Coords.NEIGHBOURS; i++) {
                int c = board.codeAt(coords.neighbour(p, i));
                touches |= isStone(c) ? c : 0;
            }
            if (touches == (Stone.BLACK_CODE | Stone.WHITE_CODE) && fillingHurts(board, scratch, p, Stone.BLACK_CODE)
                    && fillingHurts(board, scratch, p, Stone.WHITE_CODE)) {
                mutual[p] = true;
                any = true;
            }
        }
        boolean[] seki = new boolean[n];
        if (!any) {
            return seki;
        }
        // candidates: stones of chains next to a mutual point; drop chains with any other liberty, then mutual
        // points next to a dropped chain, until nothing changes
        for (int p : coords.points()) {
            if (mutual[p]) {
                for (int i = 0; i < Coords.NEIGHBOURS; i++) {
                    int q = coords.neighbour(p, i);
                    if (isStone(board.codeAt(q))) {
                        markChain(board, q, seki, true);
                    }
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int p : coords.points()) {
                if (!seki[p]) {
                    continue;
                }
                int c = board.codeAt(p);
                for (int i = 0; i < Coords.NEIGHBOURS; i++) {
                    int q = coords.neighbour(p, i);
                    if (board.isEmpty(q) && !mutual[q] && owner[q] != c) {
                        markChain(board, p, seki, false);
                        changed = true;
                        break;
                    }
                }
            }
            for (int p : coords.points()) {
                if (!mutual[p]) {
                    continue;
                }
                for (int i = 0; i < Coords.NEIGHBOURS; i++) {
                    int q = coords.neighbour(p, i);
                    if (isStone(board.codeAt(q)) && !seki[q]) {
                        // its other chains lose their seki on the next pass: this is now an ordinary liberty
                        mutual[p] = false;
                        changed = true;
                        break;
                    }
                }
            }
        }
        return seki;
    }

    /** Returns whether {@code code} playing on empty {@code p} captures nothing and leaves its chain one liberty or none. */
    private static boolean fillingHurts(Board board, Board scratch, int p, int code) {
        scratch.copyFrom(board);
        scratch.playFast(p, code);
        if (scratch.isEmpty(p)) {
            return true;
        }
        return scratch.lastCaptures() == 0 && scratch.liberties(p) <= 1;
    }

    /** Returns true when board code {@code c} is a black or white stone. */
    private static boolean isStone(int c) {
        return c == Stone.BLACK_CODE || c == Stone.WHITE_CODE;
    }

    /** Sets {@code mask} to {@code value} on every stone of the chain at {@code p}. */
    private static void markChain(Board board, int p, boolean[] mask, boolean value) {
        int head = board.chainHead(p);
        for (int q : board.coords().points()) {
            if (!board.isEmpty(q) && board.chainHead(q) == head) {
                mask[q] = value;
            }
        }
    }

    /** Returns the Tromp-Taylor score after removing {@code dead} stones from the current board. */
    public static Score scoreWithout(GameState state, int[] dead) {
        return scoreWithout(state.board(), state.komi(), dead);
    }

    /** Returns the Tromp-Taylor score of {@code board} with {@code komi}, {@code dead} removed (from a copy). */
    public static Score scoreWithout(Board board, double komi, int[] dead) {
        Board b = board.copy();
        b.setup(Stone.EMPTY, dead);
        return Score.trompTaylor(b, komi);
    }
}
