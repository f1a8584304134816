package dev.primer.mcts.go;

import dev.primer.go.GameState;
import dev.primer.go.Move;
import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Stone;
import dev.primer.mcts.SearchState;
import java.util.List;

/**
 * A Go position for the search, on the fast board layer: simple ko only (the player filters superko at the root),
 * actions are move indices x + y * size with area() meaning pass, player 0 is Black. Moves that fill a one-point
 * own eye are not offered; pass is offered after the opponent passed or when nothing else is left. Two passes or
 * {@link #maxMoves()} moves end the game, scored by Tromp-Taylor area with stones as they stand.
 */
public final class GoState implements SearchState<GoState> {
    /** Moves of history a position keeps, as many as the nets' input planes show (go-engine {@code Plane.MOVE_8_AGO}). */
    public static final int HISTORY = 8;

    private final Coords coords;
    private final Board board;
    private double komi;
    private final int maxMoves;
    private int toMove;
    private int passes;
    private int moves;
    /** The last {@link #HISTORY} moves in a ring, the newest at {@code historyHead}: the nets' move planes. */
    private final int[] history = new int[HISTORY];
    private int historyHead;
    private int historyLength;

    /** Creates the empty position of side {@code size} with Black to move. */
    public GoState(int size, double komi) {
        this(new Board(Coords.of(size)), Color.BLACK, 0, komi);
    }

    /** Creates a position from {@code board} (copied), the player to move and the passes that ended the history. */
    public GoState(Board board, Color toMove, int passes, double komi) {
        this.coords = board.coords();
        this.board = board.copy();
        this.komi = komi;
        this.maxMoves = 3 * coords.area();
        this.toMove = toMove.ordinal();
        this.passes = passes;
    }

    /** Returns the search position of {@code game} with {@code c} to move. */
    public static GoState of(GameState game, Color c) {
        GoState s = new GoState(game.board(), c, game.consecutivePasses(), game.komi());
        List<Move> moves = game.moves();
        for (Move m : moves.subList(Math.max(0, moves.size() - HISTORY), moves.size())) {
            s.remember(m.point());
        }
        return s;
    }

    /** Returns the board; rollouts play on it and then call {@link #recordPlayed}. */
    public Board board() {
        return board;
    }

    /** Returns the coordinate system. */
    public Coords coords() {
        return coords;
    }

    /** Returns komi. */
    public double komi() {
        return komi;
    }

    /** Returns the point of the last move, PASS, or NONE at the start. */
    public int lastMove() {
        return recentMove(0);
    }

    /** Returns the point (or PASS) of the move {@code k + 1} moves ago, for k below {@link #HISTORY}, or NONE before the known history. */
    public int recentMove(int k) {
        return k < historyLength ? history[(historyHead - k) & (HISTORY - 1)] : Coords.NONE;
    }

    private void remember(int p) {
        historyHead = (historyHead + 1) & (HISTORY - 1);
        history[historyHead] = p;
        historyLength = Math.min(HISTORY, historyLength + 1);
    }

    /** Returns the passes ending the history. */
    public int passes() {
        return passes;
    }

    /** Returns the move cap after which the game counts as over. */
    public int maxMoves() {
        return maxMoves;
    }

    /** Returns the colour to move. */
    public Color color() {
        return toMove == 0 ? Color.BLACK : Color.WHITE;
    }

    /** Returns the board code of the colour to move. */
    public int code() {
        // player 0 is Black, player 1 White
        return Stone.BLACK_CODE + toMove;
    }

    /** Returns the action of board point {@code p} (or PASS). */
    public int action(int p) {
        return coords.index(p);
    }

    /** Returns the board point (or PASS) of {@code action}. */
    public int point(int action) {
        return coords.pointOfIndex(action);
    }

    @Override
    public int actionSpace() {
        return coords.area() + 1;
    }

    @Override
    public int toMove() {
        return toMove;
    }

    @Override
    public int legalActions(int[] out) {
        if (isTerminal()) {
            return 0;
        }
        int code = code();
        int n = 0;
        for (int p : coords.points()) {
            if (board.isEmpty(p) && !board.isEyeFast(p, code) && board.isLegalFast(p, code)) {
                out[n++] = coords.index(p);
            }
        }
        if (n == 0 || passes > 0) {
            out[n++] = coords.area();
        }
        return n;
    }

    @Override
    public void apply(int action) {
        int p = coords.pointOfIndex(action);
        board.playFast(p, code());
        recordPlayed(p);
    }

    /** Returns the moves played since this position was created, passes included. */
    public int movesPlayed() {
        return moves;
    }

    /** Records that {@code p} (or PASS) was just played on {@link #board()} by the player to move. */
    public void recordPlayed(int p) {
        passes = p == Coords.PASS ? passes + 1 : 0;
        toMove ^= 1;
        moves++;
        remember(p);
    }

    @Override
    public boolean isTerminal() {
        return passes >= 2 || moves >= maxMoves;
    }

    @Override
    public float terminalValue() {
        return value(board.areaScore() - komi);
    }

    /** Returns Black's result for a final margin: 1 win, 0.5 jigo, 0 loss. */
    public static float value(double blackMargin) {
        return blackMargin > 0 ? 1 : blackMargin < 0 ? 0 : 0.5f;
    }

    @Override
    public void copyFrom(GoState other) {
        board.copyFrom(other.board);
        toMove = other.toMove;
        passes = other.passes;
        moves = other.moves;
        System.arraycopy(other.history, 0, history, 0, HISTORY);
        historyHead = other.historyHead;
        historyLength = other.historyLength;
        komi = other.komi;
    }

    @Override
    public GoState copy() {
        GoState s = new GoState(board, color(), passes, komi);
        s.copyFrom(this);
        return s;
    }

    @Override
    public String toString() {
        return board + color().name() + " to move, komi " + komi;
    }
}
