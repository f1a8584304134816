package dev.primer.experiments.seq;

/**
 * The tokens of a character-level sequence task: padding, start and end, then the characters of {@code chars}.
 *
 * @param chars the characters, each a token, in token order after the three special ones
 */
record Vocabulary(String chars) {
    /** The padding token (sources are padded on the left with it; attention never weighs it). */
    static final int PAD = 0;
    /** The decoder's first input. */
    static final int START = 1;
    /** The token that ends a target. */
    static final int END = 2;
    private static final int SPECIAL = 3;

    /** Rejects repeated characters. */
    Vocabulary {
        if (chars.chars().distinct().count() != chars.length()) {
            throw new IllegalArgumentException("a vocabulary's characters must be distinct: '" + chars + "'");
        }
    }

    /** Tokens, the special ones included. */
    int size() {
        return SPECIAL + chars.length();
    }

    /** The token of character {@code c}. */
    int token(char c) {
        int i = chars.indexOf(c);
        if (i < 0) {
            throw new IllegalArgumentException("'" + c + "' is not in the vocabulary '" + chars + "'");
        }
        return SPECIAL + i;
    }

    /** The character of token {@code t} ('·' for a special token). */
    char character(int t) {
        return t < SPECIAL ? '·' : chars.charAt(t - SPECIAL);
    }
}
