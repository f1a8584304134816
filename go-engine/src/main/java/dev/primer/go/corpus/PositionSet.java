package dev.primer.go.corpus;

import dev.primer.go.GameState;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.features.InputPlanes;
import dev.primer.go.features.Plane;
import dev.primer.go.features.Symmetry;
import java.util.List;
import java.util.Optional;

/**
 * The training positions of a list of games: for every move after the first {@code skipOpening} of a game, the input
 * planes before it (from the side to move's view), the move's index x + y * size (size² for a pass), the game's
 * outcome for the side to move and the move number. Planes are kept as bytes: every plane value is a multiple of 1/8
 * ({@link Plane}), so a position costs {@link Plane#COUNT} x size² bytes.
 */
public final class PositionSet {
    /** Plane values are k/8 for an integer k in [0, 8]. */
    private static final float PLANE_SCALE = 8f;

    private final int size;
    private final int area;
    private final int count;
    private final byte[] planes;
    private final short[] moves;
    private final byte[] outcomes;
    private final short[] moveNumbers;
    /** image[s.ordinal()][k] = s.apply(k, size). */
    private final int[][] image;

    private PositionSet(int size, int count, byte[] planes, short[] moves, byte[] outcomes, short[] moveNumbers) {
        this.size = size;
        this.area = size * size;
        this.count = count;
        this.planes = planes;
        this.moves = moves;
        this.outcomes = outcomes;
        this.moveNumbers = moveNumbers;
        this.image = new int[Symmetry.values().length][area];
        for (Symmetry s : Symmetry.values()) {
            for (int k = 0; k < area; k++) {
                image[s.ordinal()][k] = s.apply(k, size);
            }
        }
    }

    /**
     * Encodes every move after the first {@code skipOpening} of each game (all of one board size); throws
     * IllegalArgumentException naming a game of another size or one whose replay fails.
     */
    public static PositionSet of(List<GameRecord> games, int skipOpening) {
        if (games.isEmpty()) {
            return new PositionSet(0, 0, new byte[0], new short[0], new byte[0], new short[0]);
        }
        int size = games.get(0).size();
        int total = 0;
        for (GameRecord g : games) {
            if (g.size() != size) {
                throw new IllegalArgumentException(g.source() + ": a game of size " + g.size() + " among size " + size);
            }
            total += Math.max(0, g.moves().size() - skipOpening);
        }
        int area = size * size;
        int stride = Plane.COUNT * area;
        byte[] planes = new byte[total * stride];
        short[] moves = new short[total];
        byte[] outcomes = new byte[total];
        short[] moveNumbers = new short[total];
        float[] scratch = new float[stride];
        InputPlanes encoder = new InputPlanes();
        int n = 0;
        for (GameRecord g : games) {
            GameState game = g.start();
            Coords coords = game.coords();
            Optional<Color> winner = g.winner();
            for (int t = 0; t < g.moves().size(); t++) {
                Color c = game.toMove();
                int p = g.moves().get(t);
                if (t >= skipOpening) {
                    encoder.encodeInto(game, scratch);
                    int base = n * stride;
                    for (int i = 0; i < stride; i++) {
                        planes[base + i] = (byte) Math.round(scratch[i] * PLANE_SCALE);
                    }
                    moves[n] = (short) coords.index(p);
                    outcomes[n] = (byte) (winner.isEmpty() ? 0 : winner.get() == c ? 1 : -1);
                    moveNumbers[n] = (short) (t + 1);
                    n++;
                }
                Legality l = game.play(c, p);
                if (l != Legality.OK) {
                    throw new IllegalArgumentException(g.source() + ": move " + (t + 1) + " is illegal (" + l + ")");
                }
            }
        }
        return new PositionSet(size, n, planes, moves, outcomes, moveNumbers);
    }

    /** Returns the number of positions. */
    public int count() {
        return count;
    }

    /** Returns the board size (0 for an empty set). */
    public int boardSize() {
        return size;
    }

    /** Writes position {@code i}'s planes seen under {@code s} into {@code out} from {@code offset} (C x N x N). */
    public void planesInto(int i, Symmetry s, float[] out, int offset) {
        int base = i * Plane.COUNT * area;
        int[] to = image[s.ordinal()];
        for (int c = 0; c < Plane.COUNT; c++) {
            int from = base + c * area;
            int channel = offset + c * area;
            for (int k = 0; k < area; k++) {
                out[channel + to[k]] = planes[from + k] / PLANE_SCALE;
            }
        }
    }

    /** Returns the index of position {@code i}'s expert move seen under {@code s} (size² for a pass). */
    public int move(int i, Symmetry s) {
        return s.apply(moves[i], size);
    }

    /** Returns the game's outcome for the side to move at position {@code i}: 1 won, -1 lost, 0 draw or unknown. */
    public int outcome(int i) {
        return outcomes[i];
    }

    /** Returns the 1-based number of the move played at position {@code i}. */
    public int moveNumber(int i) {
        return moveNumbers[i];
    }
}
