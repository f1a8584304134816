package dev.primer.go.board;

import java.util.Locale;

/**
 * The coordinate system of one board size: a flat padded array where (x, y) lives at
 * {@code (x + 1) + (y + 1) * (size + 1)} (KataGo's layout), x left to right, y top to bottom, with wall
 * points around the edge so neighbour loops need no bounds checks. Point 0 is {@link #NONE}, point 1 is
 * {@link #PASS}; both are wall points and never hold stones.
 */
public final class Coords {
    /** Smallest board size GTP allows. */
    public static final int MIN_SIZE = 2;
    /** Largest board size GTP allows (25, the letters A..Z without I). */
    public static final int MAX_SIZE = 25;
    /** Number of neighbours of a point, the range of {@link #neighbour}'s index. */
    public static final int NEIGHBOURS = 4;
    /** "No point", e.g. no ko. */
    public static final int NONE = 0;
    /** The pass move. */
    public static final int PASS = 1;

    private static final String COLUMNS = "ABCDEFGHJKLMNOPQRSTUVWXYZ";
    private static final Coords[] CACHE = new Coords[MAX_SIZE + 1];

    static {
        for (int s = MIN_SIZE; s <= MAX_SIZE; s++) {
            CACHE[s] = new Coords(s);
        }
    }

    private final int size;
    private final int stride;
    private final int arraySize;
    private final int[] points;

    private Coords(int size) {
        this.size = size;
        this.stride = size + 1;
        this.arraySize = stride * (size + 2) + 1;
        this.points = new int[size * size];
        for (int i = 0; i < points.length; i++) {
            points[i] = point(i % size, i / size);
        }
    }

    /** Returns the shared coordinate system for a size in [2, 25]; throws IllegalArgumentException otherwise. */
    public static Coords of(int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("board size must be in [2, 25]: " + size);
        }
        return CACHE[size];
    }

    /** Returns the side length. */
    public int size() {
        return size;
    }

    /** Returns the distance between vertically adjacent points in the flat array. */
    public int stride() {
        return stride;
    }

    /** Returns the length of the padded board array. */
    public int arraySize() {
        return arraySize;
    }

    /** Returns the number of points on the board, size * size. */
    public int area() {
        return size * size;
    }

    /** Returns the point of column x, row y (0-based, y = 0 at the top). */
    public int point(int x, int y) {
        return (x + 1) + (y + 1) * stride;
    }

    /** Returns neighbour {@code i} in [0, 4) of point {@code p}: north, west, east, south, in that order. */
    public int neighbour(int p, int i) {
        return switch (i) {
            case 0 -> p - stride;
            case 1 -> p - 1;
            case 2 -> p + 1;
            default -> p + stride;
        };
    }

    /** Returns the column (0-based) of an on-board point. */
    public int x(int point) {
        return point % stride - 1;
    }

    /** Returns the row (0-based from the top) of an on-board point. */
    public int y(int point) {
        return point / stride - 1;
    }

    /** Returns true when {@code point} is on the board (not a wall, pass or none). */
    public boolean onBoard(int point) {
        if (point < 0 || point >= arraySize) {
            return false;
        }
        int x = x(point);
        int y = y(point);
        return x >= 0 && x < size && y >= 0 && y < size;
    }

    /** Returns every on-board point, row by row from the top; callers must not modify the array. */
    public int[] points() {
        return points;
    }

    /** Returns the move index x + y * size of an on-board point, or area() for PASS (the net's move numbering). */
    public int index(int point) {
        return point == PASS ? size * size : x(point) + y(point) * size;
    }

    /** Returns the point of move index {@code index} in [0, area()], area() meaning PASS. */
    public int pointOfIndex(int index) {
        return index == size * size ? PASS : point(index % size, index / size);
    }

    /** Parses a GTP vertex ("D4", "d4", "pass"); throws IllegalArgumentException when malformed or off the board. */
    public int parseVertex(String text) {
        String v = text.trim().toUpperCase(Locale.ROOT);
        if (v.equals("PASS")) {
            return PASS;
        }
        if (v.length() < 2) {
            throw new IllegalArgumentException("invalid vertex: " + text);
        }
        int x = COLUMNS.indexOf(v.charAt(0));
        int row;
        try {
            row = Integer.parseInt(v.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid vertex: " + text, e);
        }
        if (x < 0 || x >= size || row < 1 || row > size || !Character.isDigit(v.charAt(1))) {
            throw new IllegalArgumentException("invalid vertex: " + text);
        }
        return point(x, size - row);
    }

    /** Returns the GTP vertex of a point ("D4" or "pass"). */
    public String vertex(int point) {
        if (point == PASS) {
            return "pass";
        }
        return COLUMNS.charAt(x(point)) + Integer.toString(size - y(point));
    }

    /** Returns the GTP column letter of column x. */
    public static char columnLetter(int x) {
        return COLUMNS.charAt(x);
    }
}
