package dev.primer.rl.core;

import dev.primer.atari.spaces.Box;
import dev.primer.atari.spaces.Space;

/**
 * Turns an environment's observation (boolean planes, bytes or floats) into the flat float row a network reads.
 *
 * @param <O> the environment's observation type
 */
public interface ObservationEncoder<O> {

    /** Floats per encoded observation. */
    int size();

    /** What values {@link #encode} writes (0/1, bytes scaled to [0, 1], or any floats). */
    ObservationScaling scaling();

    /** Writes the encoding of {@code observation} into {@code out[0, size)}. */
    void encode(O observation, float[] out);

    /** The encoder for a {@link Box} observation space: booleans → 0/1, bytes → [0, 1], floats as they are. */
    @SuppressWarnings("unchecked")
    static <O> ObservationEncoder<O> of(Space<O> space) {
        if (!(space instanceof Box<?> box)) {
            throw new IllegalArgumentException("only Box observation spaces can be encoded, got " + space);
        }
        int n = box.size();
        return (ObservationEncoder<O>) switch (box.dtype()) {
            case BOOL -> new ObservationEncoder<boolean[]>() {
                public int size() {
                    return n;
                }

                public ObservationScaling scaling() {
                    return ObservationScaling.BINARY;
                }

                public void encode(boolean[] o, float[] out) {
                    for (int i = 0; i < n; i++) {
                        out[i] = o[i] ? 1f : 0f;
                    }
                }
            };
            case UINT8 -> new ObservationEncoder<byte[]>() {
                public int size() {
                    return n;
                }

                public ObservationScaling scaling() {
                    return ObservationScaling.UNIT_BYTES;
                }

                public void encode(byte[] o, float[] out) {
                    for (int i = 0; i < n; i++) {
                        out[i] = (o[i] & 0xFF) / 255f;
                    }
                }
            };
            case FLOAT32 -> new ObservationEncoder<float[]>() {
                public int size() {
                    return n;
                }

                public ObservationScaling scaling() {
                    return ObservationScaling.FLOAT;
                }

                public void encode(float[] o, float[] out) {
                    System.arraycopy(o, 0, out, 0, n);
                }
            };
        };
    }
}
