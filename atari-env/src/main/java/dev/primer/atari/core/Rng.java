package dev.primer.atari.core;

import java.util.random.RandomGenerator;

/**
 * SplitMix64 (Steele, Lea, Flood 2014): a 64-bit-state generator whose state can be read and restored,
 * which is what {@link Environment#cloneState()} needs and {@link java.util.SplittableRandom} cannot give.
 */
public final class Rng implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** A generator seeded with {@code seed}. */
    public Rng(long seed) {
        seed(seed);
    }

    /** Restarts the stream from {@code seed} (the seed is hashed, so nearby seeds give unrelated streams). */
    public void seed(long seed) {
        state = mix(seed ^ 0x6A09E667F3BCC909L);
    }

    /** The raw state, for snapshots. */
    public long state() {
        return state;
    }

    /** Sets the raw state read by {@link #state()}. */
    public void setState(long state) {
        this.state = state;
    }

    @Override
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
