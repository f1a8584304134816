package dev.primer.go.features;

import dev.primer.go.GameState;
import dev.primer.go.Move;
import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.board.Stone;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Encodes a position as {@link Plane#COUNT} planes of size x size floats, in C x N x N (channel-major) layout.
 *
 * <p>An instance keeps a scratch board between calls, so {@link #encodeInto} allocates nothing once warm; it is not
 * thread-safe (use one per thread). The static methods create a throwaway instance per call.
 */
public final class InputPlanes {
    private static final int SIZE_CAP = 8;
    /** Planes MOVE_1_AGO to MOVE_8_AGO. */
    private static final int MOVE_PLANES = Plane.MOVE_8_AGO.ordinal() - Plane.MOVE_1_AGO.ordinal() + 1;

    /** Scratch for moves whose outcome needs playing out (possible self-atari or suicide); sized on first use. */
    private Board scratch;

    /** Creates an encoder; its scratch board is allocated on first use and reused while the board size stays. */
    public InputPlanes() {
    }

    /** Returns the planes of {@code state} from the side to move's point of view. */
    public static float[] encode(GameState state) {
        int n = state.coords().area();
        float[] out = new float[Plane.COUNT * n];
        encode(state, out);
        return out;
    }

    /** Writes the planes of {@code state} into {@code out} (length Plane.COUNT * area), overwriting it. */
    public static void encode(GameState state, float[] out) {
        new InputPlanes().encodeInto(state, out);
    }

    /**
     * Writes the planes of {@code state} into {@code out} (length Plane.COUNT * area), overwriting it; the same as
     * {@link #encode(GameState, float[])} but reusing this encoder's scratch board.
     */
    public void encodeInto(GameState state, float[] out) {
        Color me = state.toMove();
        List<Move> moves = state.moves();
        encodeInto(state.board(), me, p -> state.legality(me, p),
                k -> k < moves.size() ? moves.get(moves.size() - 1 - k).point() : Coords.NONE, out);
    }

    /**
     * Writes the planes of {@code board} with {@code me} to move into {@code out}, legality from the board alone (simple
     * ko, suicide forbidden: a search position's rules); {@code movesAgo} maps k to the point (or PASS) played k + 1
     * moves ago, or NONE before the known history.
     */
    public void encodeInto(Board board, Color me, IntUnaryOperator movesAgo, float[] out) {
        encodeInto(board, me, p -> board.legality(p, me), movesAgo, out);
    }

    private void encodeInto(Board board, Color me, IntFunction<Legality> legality, IntUnaryOperator movesAgo,
                            float[] out) {
        Coords coords = board.coords();
        int area = coords.area();
        Arrays.fill(out, 0f);
        int myCode = me.code();
        if (scratch == null || scratch.coords() != coords) {
            scratch = new Board(coords);
        }
        for (int p : coords.points()) {
            int i = coords.index(p);
            set(out, Plane.ON_BOARD, i, area, 1);
            if (me == Color.BLACK) {
                set(out, Plane.BLACK_TO_MOVE, i, area, 1);
            }
            int code = board.codeAt(p);
            if (code == Stone.EMPTY_CODE) {
                set(out, Plane.EMPTY, i, area, 1);
                Legality l = legality.apply(p);
                if (l.isLegal()) {
                    set(out, Plane.LEGAL, i, area, 1);
                    set(out, Plane.CAPTURE_SIZE, i, area, capped(capturedBy(board, p, myCode)));
                    if (emptyNeighbours(board, p) < 2) {
                        // with two empty neighbours the new chain keeps two liberties; else play it out to see
                        set(out, Plane.SELF_ATARI_SIZE, i, area, capped(selfAtariSize(board, p, me)));
                    }
                } else if (l == Legality.KO || l == Legality.SUPERKO) {
                    set(out, Plane.KO, i, area, 1);
                }
                continue;
            }
            set(out, code == myCode ? Plane.OWN_STONE : Plane.OPPONENT_STONE, i, area, 1);
            int libs = board.liberties(p);
            Plane libPlane = libs == 1 ? Plane.LIBERTIES_1 : libs == 2 ? Plane.LIBERTIES_2
                    : libs == 3 ? Plane.LIBERTIES_3 : Plane.LIBERTIES_4_PLUS;
            set(out, libPlane, i, area, 1);
        }
        for (int k = 0; k < MOVE_PLANES; k++) {
            int m = movesAgo.applyAsInt(k);
            if (m == Coords.NONE) {
                break;
            }
            if (m != Coords.PASS) {
                set(out, Plane.values()[Plane.MOVE_1_AGO.ordinal() + k], coords.index(m), area, 1);
            }
        }
    }

    /**
     * Returns the opponent stones {@code code} captures by playing on empty {@code p}: the chains next to p whose only
     * liberty is p. Read from the board, with no copy; a suicide captures nothing, so it scores 0 here.
     */
    private static int capturedBy(Board board, int p, int code) {
        Coords coords = board.coords();
        int opp = Stone.opponentCode(code);
        int n0 = coords.neighbour(p, 0);
        int n1 = coords.neighbour(p, 1);
        int n2 = coords.neighbour(p, 2);
        int n3 = coords.neighbour(p, 3);
        int h0 = captureHead(board, n0, opp);
        int h1 = captureHead(board, n1, opp);
        int h2 = captureHead(board, n2, opp);
        int h3 = captureHead(board, n3, opp);
        int captured = 0;
        if (h0 != Coords.NONE) {
            captured += board.chainSize(n0);
        }
        if (h1 != Coords.NONE && h1 != h0) {
            captured += board.chainSize(n1);
        }
        if (h2 != Coords.NONE && h2 != h0 && h2 != h1) {
            captured += board.chainSize(n2);
        }
        if (h3 != Coords.NONE && h3 != h0 && h3 != h1 && h3 != h2) {
            captured += board.chainSize(n3);
        }
        return captured;
    }

    /** Returns how many of the four neighbours of {@code p} are empty. */
    private static int emptyNeighbours(Board board, int p) {
        int empty = 0;
        for (int i = 0; i < Coords.NEIGHBOURS; i++) {
            empty += board.isEmpty(board.coords().neighbour(p, i)) ? 1 : 0;
        }
        return empty;
    }

    /** Returns the chain head at {@code n} when it is an {@code opp} chain in atari (its liberty is then the move). */
    private static int captureHead(Board board, int n, int opp) {
        return board.codeAt(n) == opp && board.liberties(n) == 1 ? board.chainHead(n) : Coords.NONE;
    }

    /**
     * Returns the size of the own chain a legal move on {@code p} leaves with one liberty, or, for a suicide (allowed
     * by the rules, the point is empty again after the play), the size of the own chain it removes; else 0.
     */
    private int selfAtariSize(Board board, int p, Color me) {
        scratch.copyFrom(board);
        scratch.play(p, me);
        if (scratch.isEmpty(p)) {
            return scratch.lastCaptures();
        }
        return scratch.liberties(p) == 1 ? scratch.chainSize(p) : 0;
    }

    private static float capped(int count) {
        return Math.min(count, SIZE_CAP) / (float) SIZE_CAP;
    }

    private static void set(float[] out, Plane plane, int index, int area, float value) {
        out[plane.ordinal() * area + index] = value;
    }
}
