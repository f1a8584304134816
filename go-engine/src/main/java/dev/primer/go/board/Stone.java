package dev.primer.go.board;

/**
 * What a point of the padded board holds; the ordinal is the code stored in the board array. Loops that must not touch
 * enums use the codes by name ({@link #EMPTY_CODE} and so on) and {@link #opponentCode}, never their values.
 */
public enum Stone {
    EMPTY,
    BLACK,
    WHITE,
    WALL;

    /** Board-array code of {@link #EMPTY}. */
    public static final int EMPTY_CODE = 0;
    /** Board-array code of {@link #BLACK}; a colour code (see {@link Color#code()}). */
    public static final int BLACK_CODE = 1;
    /** Board-array code of {@link #WHITE}; a colour code (see {@link Color#code()}). */
    public static final int WHITE_CODE = 2;
    /** Board-array code of {@link #WALL}: the bits of both colours, so a wall reads as either colour's stone. */
    public static final int WALL_CODE = BLACK_CODE | WHITE_CODE;

    private static final Stone[] BY_CODE = values();

    /** Returns the stone stored under board-array code {@code code}. */
    public static Stone of(int code) {
        return BY_CODE[code];
    }

    /** Returns the colour code of the other colour: BLACK_CODE for WHITE_CODE and back. */
    public static int opponentCode(int code) {
        return BLACK_CODE + WHITE_CODE - code;
    }

    /** Returns this stone's board-array code. */
    public int code() {
        return ordinal();
    }

    /** Returns the colour of a black or white stone; throws IllegalStateException for EMPTY and WALL. */
    public Color color() {
        return switch (this) {
            case BLACK -> Color.BLACK;
            case WHITE -> Color.WHITE;
            default -> throw new IllegalStateException(this + " has no colour");
        };
    }

    /** Returns how {@link Board#toString()} and GTP's showboard draw it: '.', 'X', 'O' or '#'. */
    public char symbol() {
        return ".XO#".charAt(ordinal());
    }
}
