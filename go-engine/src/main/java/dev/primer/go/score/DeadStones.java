package dev.primer.go.score;

import dev.primer.go.GameState;
import dev.primer.go.board.Board;
import dev.primer.go.board.Coords;
import dev.primer.go.board.FastRandom;
import dev.primer.go.board.Playout;
import dev.primer.go.board.Stone;
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
        Coords coords = state.coords();
        Board scratch = new Board(coords);
        byte[] owner = new byte[coords.arraySize()];
        int[] sum = new int[coords.arraySize()];
        FastRandom rng = new FastRandom(seed);
        int maxMoves = Playout.defaultMaxMoves(coords);
        for (int i = 0; i < playouts; i++) {
            scratch.copyFrom(state.board());
            Playout.run(scratch, state.toMove(), 0, rng, maxMoves);
            scratch.areaOwners(owner);
            for (int p : coords.points()) {
                sum[p] += owner[p] == Stone.BLACK.ordinal() ? 1 : owner[p] == Stone.WHITE.ordinal() ? -1 : 0;
            }
        }
        double[] out = new double[coords.arraySize()];
        for (int p : coords.points()) {
            out[p] = sum[p] / (double) playouts;
        }
        return out;
    }

    /** Returns the stones whose point the opponent owns at the end of more playouts than their own colour does. */
    public static int[] estimate(GameState state, int playouts, long seed) {
        double[] own = ownership(state, playouts, seed);
        MutableIntList dead = new IntArrayList();
        Board board = state.board();
        for (int p : state.coords().points()) {
            Stone s = board.stoneAt(p);
            if (s == Stone.BLACK && own[p] < 0 || s == Stone.WHITE && own[p] > 0) {
                dead.add(p);
            }
        }
        return dead.toArray();
    }

    /** Returns the Tromp-Taylor score after removing {@code dead} stones from the current board. */
    public static Score scoreWithout(GameState state, int[] dead) {
        Board board = state.board().copy();
        board.setup(Stone.EMPTY, dead);
        return Score.trompTaylor(board, state.komi());
    }
}
