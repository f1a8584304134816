package dev.primer.go;

/** Which repetitions a rule set forbids. */
public enum KoRule {
    /** Only the immediate recapture of a single stone (the board layer's ko). */
    SIMPLE,
    /** No move may recreate an earlier board position (Tromp-Taylor rule 7). */
    POSITIONAL,
    /** No move may recreate an earlier board position with the same player to move. */
    SITUATIONAL
}
