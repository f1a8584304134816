package dev.primer.go.sgf;

/** A malformed SGF text, located by 1-based line and column. */
public final class SgfException extends RuntimeException {
    private final int line;
    private final int column;

    /** Creates an error "line L, column C: message". */
    public SgfException(int line, int column, String message) {
        super("line " + line + ", column " + column + ": " + message);
        this.line = line;
        this.column = column;
    }

    /** Returns the 1-based line of the error. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column of the error. */
    public int column() {
        return column;
    }
}
