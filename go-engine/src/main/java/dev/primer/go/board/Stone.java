package dev.primer.go.board;

/** What a point of the padded board holds; the ordinal is the code stored in the board array. */
public enum Stone {
    EMPTY,
    BLACK,
    WHITE,
    WALL;

    private static final Stone[] BY_CODE = values();

    /** Returns the stone stored under board-array code {@code code}. */
    public static Stone of(int code) {
        return BY_CODE[code];
    }

    /** Returns the colour of a black or white stone; throws IllegalStateException for EMPTY and WALL. */
    public Color color() {
        return switch (this) {
            case BLACK -> Color.BLACK;
            case WHITE -> Color.WHITE;
            default -> throw new IllegalStateException(this + " has no colour");
        };
    }
}
