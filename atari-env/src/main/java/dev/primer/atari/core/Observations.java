package dev.primer.atari.core;

/** Copies of environment-owned observation buffers. */
public final class Observations {

    private Observations() {
    }

    /** A deep copy of a primitive-array observation. */
    @SuppressWarnings("unchecked")
    public static <O> O copy(O observation) {
        if (observation instanceof boolean[] a) {
            return (O) a.clone();
        }
        if (observation instanceof byte[] a) {
            return (O) a.clone();
        }
        if (observation instanceof float[] a) {
            return (O) a.clone();
        }
        if (observation instanceof double[] a) {
            return (O) a.clone();
        }
        if (observation instanceof int[] a) {
            return (O) a.clone();
        }
        throw new IllegalArgumentException("cannot copy observation of type "
                + (observation == null ? "null" : observation.getClass().getName())
                + "; observations are primitive arrays");
    }
}
