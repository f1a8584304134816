package dev.primer.go.board;

import java.util.Locale;

/** A player's colour. */
public enum Color {
    BLACK,
    WHITE;

    /** Returns the other colour. */
    public Color opponent() {
        return this == BLACK ? WHITE : BLACK;
    }

    /** Returns the stone this colour places. */
    public Stone stone() {
        return this == BLACK ? Stone.BLACK : Stone.WHITE;
    }

    /** Returns the board-array code of this colour's stones: {@link Stone#BLACK_CODE} or {@link Stone#WHITE_CODE}. */
    public byte code() {
        return (byte) stone().code();
    }

    /** Returns "B" or "W", as GTP and SGF write it. */
    public String letter() {
        return this == BLACK ? "B" : "W";
    }

    /** Parses a GTP colour ("b", "black", "w", "white", any case); throws IllegalArgumentException otherwise. */
    public static Color parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "b", "black" -> BLACK;
            case "w", "white" -> WHITE;
            default -> throw new IllegalArgumentException("invalid color: " + text);
        };
    }
}
