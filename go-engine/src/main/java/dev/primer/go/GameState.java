package dev.primer.go;

import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.board.Stone;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.collections.api.list.primitive.MutableLongList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;

/**
 * The history layer: a board plus everything the fast layer does not know: rules (superko, suicide),
 * komi, handicap, the side to move, the move history and undo. Moves MUST be undone in the order they were made.
 */
public final class GameState {
    private static final long WHITE_TO_MOVE_KEY = 0x6A09E667F3BCC909L;

    private final Coords coords;
    private final Rules rules;
    private double komi;
    private int handicap;
    private final Board board;
    private Color toMove = Color.BLACK;
    private final List<Move> moves = new ArrayList<>();
    /** Board before move i, for undo. */
    private final List<Board> before = new ArrayList<>();
    /** The position after the last setup (handicap, SGF setup), where the move history starts. */
    private final Board setupBoard;
    private Color setupToMove = Color.BLACK;
    /** Superko keys of every position since the last setup, the current one last. */
    private final MutableLongList keys = new LongArrayList();

    /** Creates an empty game of side {@code size}. */
    public GameState(int size, Rules rules, double komi) {
        this.coords = Coords.of(size);
        this.rules = rules;
        this.komi = komi;
        this.board = new Board(coords);
        this.setupBoard = new Board(coords);
        keys.add(key(board.hash(), toMove));
    }

    /** Returns a deep copy whose later changes do not affect this game. */
    public GameState copy() {
        GameState g = new GameState(coords.size(), rules, komi);
        g.handicap = handicap;
        g.board.copyFrom(board);
        g.setupBoard.copyFrom(setupBoard);
        g.setupToMove = setupToMove;
        g.toMove = toMove;
        g.moves.addAll(moves);
        g.before.addAll(before);
        g.keys.clear();
        g.keys.addAll(keys);
        return g;
    }

    /** Returns the coordinate system. */
    public Coords coords() {
        return coords;
    }

    /** Returns the rules. */
    public Rules rules() {
        return rules;
    }

    /** Returns komi, the points added to White's score. */
    public double komi() {
        return komi;
    }

    /** Sets komi. */
    public void setKomi(double komi) {
        this.komi = komi;
    }

    /** Returns the number of handicap stones placed. */
    public int handicap() {
        return handicap;
    }

    /** Returns the current board; callers MUST NOT modify it (copy it instead). */
    public Board board() {
        return board;
    }

    /** Returns the player to move: the opponent of the last mover, White after handicap, else Black. */
    public Color toMove() {
        return toMove;
    }

    /** Sets the player to move (SGF PL); at the setup position it also becomes the setup's player to move. */
    public void setToMove(Color c) {
        toMove = c;
        if (moves.isEmpty()) {
            setupToMove = c;
            keys.set(0, key(board.hash(), c));
        }
    }

    /** Returns the moves played since the last setup, oldest first. */
    public List<Move> moves() {
        return Collections.unmodifiableList(moves);
    }

    /** Returns the number of consecutive passes ending the move history. */
    public int consecutivePasses() {
        int n = 0;
        for (int i = moves.size() - 1; i >= 0 && moves.get(i).isPass(); i--) {
            n++;
        }
        return n;
    }

    /** Returns true once two consecutive passes ended the game (Tromp-Taylor rule 8). */
    public boolean isOver() {
        return consecutivePasses() >= 2;
    }

    /** Returns whether {@code c} may play {@code point} (an on-board point or PASS) under this game's rules. */
    public Legality legality(Color c, int point) {
        Legality l = board.legality(point, c, rules.suicideAllowed());
        if (l != Legality.OK || point == Coords.PASS || rules.ko() == KoRule.SIMPLE) {
            return l;
        }
        // the hash after the move, computed without playing it (no board copy per legality test)
        return keys.contains(key(board.hashAfter(point, c.code()), c.opponent())) ? Legality.SUPERKO : Legality.OK;
    }

    /** Plays {@code c} at {@code point} when legal and returns OK; otherwise changes nothing and returns why not. */
    public Legality play(Color c, int point) {
        Legality l = legality(c, point);
        if (l != Legality.OK) {
            return l;
        }
        before.add(board.copy());
        board.play(point, c);
        moves.add(new Move(c, point));
        toMove = c.opponent();
        keys.add(key(board.hash(), toMove));
        return l;
    }

    /** Takes back the last move; returns false (changing nothing) when there is none since the last setup. */
    public boolean undo() {
        if (moves.isEmpty()) {
            return false;
        }
        Move last = moves.remove(moves.size() - 1);
        board.copyFrom(before.remove(before.size() - 1));
        keys.removeAtIndex(keys.size() - 1);
        toMove = last.color();
        return true;
    }

    /** Places fixed handicap stones per GTP 4.1.1 on an empty board; White moves next. */
    public int[] placeFixedHandicap(int stones) {
        int[] points = Handicap.fixed(coords, stones);
        placeHandicap(points);
        return points;
    }

    /** Places black handicap stones on {@code points} of an empty board with no moves; White moves next. */
    public void placeHandicap(int... points) {
        if (board.emptyCount() != coords.area() || !moves.isEmpty()) {
            throw new IllegalStateException("board not empty");
        }
        if (points.length < 2 || points.length > coords.area() - 1) {
            throw new IllegalArgumentException("invalid number of handicap stones: " + points.length);
        }
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < i; j++) {
                if (points[i] == points[j]) {
                    throw new IllegalArgumentException("repeated handicap point " + coords.vertex(points[i]));
                }
            }
        }
        board.setup(Stone.BLACK, points);
        handicap = points.length;
        toMove = Color.WHITE;
        resetHistory();
    }

    /** Applies setup stones (SGF AB/AW/AE); the move history and superko history restart from the new position. */
    public void setup(Stone stone, int... points) {
        board.setup(stone, points);
        resetHistory();
    }

    /** Returns the position the move history starts from (empty, or after handicap or setup); do not modify it. */
    public Board setupBoard() {
        return setupBoard;
    }

    /** Returns who was to move at the setup position. */
    public Color setupToMove() {
        return setupToMove;
    }

    private void resetHistory() {
        setupBoard.copyFrom(board);
        setupToMove = toMove;
        moves.clear();
        before.clear();
        keys.clear();
        keys.add(key(board.hash(), toMove));
    }

    private long key(long boardHash, Color next) {
        return rules.ko() == KoRule.SITUATIONAL && next == Color.WHITE ? boardHash ^ WHITE_TO_MOVE_KEY : boardHash;
    }
}
