package dev.primer.experiments.match;

/** An engine broke the game: it crashed, timed out, answered an error, or played an illegal move. */
public final class EngineFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the engine lost. */
    public enum Kind { CRASH, TIMEOUT, ERROR, ILLEGAL_MOVE }

    private final Kind kind;

    /** Creates a failure of {@code kind} described by {@code message}. */
    public EngineFailure(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    /** Returns why the engine lost. */
    public Kind kind() {
        return kind;
    }
}
