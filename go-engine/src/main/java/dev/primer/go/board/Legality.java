package dev.primer.go.board;

/** Whether a move may be played, and if not, which rule forbids it. */
public enum Legality {
    OK,
    /** The point holds a stone. */
    OCCUPIED,
    /** The move would leave its own chain without liberties and the rules forbid suicide. */
    SUICIDE,
    /** The move retakes a simple ko immediately. */
    KO,
    /** The move recreates an earlier position (positional or situational superko). */
    SUPERKO;

    /** Returns true for {@link #OK}. */
    public boolean isLegal() {
        return this == OK;
    }
}
