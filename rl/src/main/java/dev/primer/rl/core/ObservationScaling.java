package dev.primer.rl.core;

/** What values an {@link ObservationEncoder} writes, so that replay memory can keep them as bytes where it can. */
public enum ObservationScaling {
    /** 0 or 1 (boolean planes): a byte holds the value itself. */
    BINARY(1),
    /** k/255 for a byte k (byte images scaled to [0, 1]): a byte holds 255 times the value. */
    UNIT_BYTES(255),
    /** Arbitrary floats: only floats hold them. */
    FLOAT(0);

    private final float byteFactor;

    ObservationScaling(float byteFactor) {
        this.byteFactor = byteFactor;
    }

    /** Whether every value is a byte divided by {@link #byteFactor}. */
    public boolean fitsBytes() {
        return this != FLOAT;
    }

    /** The factor that turns a value into its byte; only for scalings that {@link #fitsBytes}. */
    public float byteFactor() {
        if (!fitsBytes()) {
            throw new IllegalStateException(this + " values do not fit bytes");
        }
        return byteFactor;
    }
}
