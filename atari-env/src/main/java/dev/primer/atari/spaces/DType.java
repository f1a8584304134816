package dev.primer.atari.spaces;

/** Element types of {@link Box} spaces and the Java arrays that hold them. */
public enum DType {
    /** {@code boolean[]}. */
    BOOL("bool"),
    /** {@code byte[]} read as unsigned 0..255. */
    UINT8("uint8"),
    /** {@code float[]}. */
    FLOAT32("float32");

    private final String numpyName;

    DType(String numpyName) {
        this.numpyName = numpyName;
    }

    /** The NumPy name of this type. */
    public String numpyName() {
        return numpyName;
    }
}
