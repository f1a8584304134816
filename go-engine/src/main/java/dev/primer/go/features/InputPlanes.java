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

/** Encodes a position as {@link Plane#COUNT} planes of size x size floats, in C x N x N (channel-major) layout. */
public final class InputPlanes {
    private static final int SIZE_CAP = 8;

    private InputPlanes() {
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
        Coords coords = state.coords();
        int area = coords.area();
        Arrays.fill(out, 0f);
        Board board = state.board();
        Color me = state.toMove();
        Board scratch = new Board(coords);
        for (int p : coords.points()) {
            int i = coords.index(p);
            set(out, Plane.ON_BOARD, i, area, 1);
            if (me == Color.BLACK) {
                set(out, Plane.BLACK_TO_MOVE, i, area, 1);
            }
            Stone s = board.stoneAt(p);
            if (s == Stone.EMPTY) {
                set(out, Plane.EMPTY, i, area, 1);
                Legality l = state.legality(me, p);
                if (l.isLegal()) {
                    set(out, Plane.LEGAL, i, area, 1);
                    scratch.copyFrom(board);
                    scratch.play(p, me);
                    set(out, Plane.CAPTURE_SIZE, i, area, capped(scratch.lastCaptures()));
                    if (scratch.liberties(p) == 1) {
                        set(out, Plane.SELF_ATARI_SIZE, i, area, capped(scratch.chainSize(p)));
                    }
                } else if (l == Legality.KO || l == Legality.SUPERKO) {
                    set(out, Plane.KO, i, area, 1);
                }
                continue;
            }
            set(out, s.color() == me ? Plane.OWN_STONE : Plane.OPPONENT_STONE, i, area, 1);
            int libs = board.liberties(p);
            Plane libPlane = libs == 1 ? Plane.LIBERTIES_1 : libs == 2 ? Plane.LIBERTIES_2
                    : libs == 3 ? Plane.LIBERTIES_3 : Plane.LIBERTIES_4_PLUS;
            set(out, libPlane, i, area, 1);
        }
        List<Move> moves = state.moves();
        for (int k = 0; k < 8 && k < moves.size(); k++) {
            Move m = moves.get(moves.size() - 1 - k);
            if (!m.isPass()) {
                set(out, Plane.values()[Plane.MOVE_1_AGO.ordinal() + k], coords.index(m.point()), area, 1);
            }
        }
    }

    private static float capped(int count) {
        return Math.min(count, SIZE_CAP) / (float) SIZE_CAP;
    }

    private static void set(float[] out, Plane plane, int index, int area, float value) {
        out[plane.ordinal() * area + index] = value;
    }
}
