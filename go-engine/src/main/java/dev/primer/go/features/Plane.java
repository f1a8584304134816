package dev.primer.go.features;

/** The input planes for nets, in channel order (the ordinal is the channel); all values lie in [0, 1]. */
public enum Plane {
    /** A stone of the side to move. */
    OWN_STONE,
    /** A stone of the opponent. */
    OPPONENT_STONE,
    /** An empty point. */
    EMPTY,
    /** A stone whose chain has exactly one liberty. */
    LIBERTIES_1,
    /** ... exactly two liberties. */
    LIBERTIES_2,
    /** ... exactly three liberties. */
    LIBERTIES_3,
    /** ... four or more liberties. */
    LIBERTIES_4_PLUS,
    /** The point of the last move. */
    MOVE_1_AGO,
    /** The point of the move before. */
    MOVE_2_AGO,
    /** Three moves ago. */
    MOVE_3_AGO,
    /** Four moves ago. */
    MOVE_4_AGO,
    /** Five moves ago. */
    MOVE_5_AGO,
    /** Six moves ago. */
    MOVE_6_AGO,
    /** Seven moves ago. */
    MOVE_7_AGO,
    /** Eight moves ago. */
    MOVE_8_AGO,
    /** Stones a move here by the side to move captures, min(n, 8) / 8. */
    CAPTURE_SIZE,
    /**
     * Size of the own chain a move here leaves in atari, min(n, 8) / 8 (0 when it keeps two or more liberties); for a
     * suicide, which only rules allowing it make legal, the size of the own chain it removes.
     */
    SELF_ATARI_SIZE,
    /** A legal move for the side to move under the game's rules. */
    LEGAL,
    /** An empty point where ko or superko forbids the side to move. */
    KO,
    /** Every point is 1 when Black is to move. */
    BLACK_TO_MOVE,
    /** Every on-board point is 1 (marks the board when nets pad it). */
    ON_BOARD;

    /** Number of channels. */
    public static final int COUNT = values().length;
}
