package dev.primer.go.board;

import dev.primer.random.SplitMix64;

/** Light random playouts on the fast layer: uniformly random legal moves that never fill a single-point own eye. */
public final class Playout {
    private Playout() {
    }

    /** Returns the move cap used by {@link #run(Board, Color, SplitMix64)}: three times the board area. */
    public static int defaultMaxMoves(Coords coords) {
        return 3 * coords.area();
    }

    /** Plays {@code board} out from an unpassed position with {@code toMove} to move; returns the moves played. */
    public static int run(Board board, Color toMove, SplitMix64 rng) {
        return run(board, toMove, 0, rng, defaultMaxMoves(board.coords()));
    }

    /**
     * Plays random moves until two consecutive passes (counting {@code passesSoFar} already made) or
     * {@code maxMoves} moves (a cap against ko cycles, which only simple ko guards here); returns the moves played.
     */
    public static int run(Board board, Color toMove, int passesSoFar, SplitMix64 rng, int maxMoves) {
        int code = toMove.code();
        int passes = passesSoFar;
        int moves = 0;
        while (passes < 2 && moves < maxMoves) {
            int p = board.playRandomMove(code, rng);
            passes = p == Coords.PASS ? passes + 1 : 0;
            code = Stone.opponentCode(code);
            moves++;
        }
        return moves;
    }
}
