package dev.primer.nn.data;

/**
 * SplitMix64 (Steele, Lea &amp; Flood 2014): a tiny RNG whose whole state is one long, so it can be
 * written into a checkpoint and restored exactly.
 */
public final class SplitMix64 {
    private long state;

    /** A generator whose state is {@code seed}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The current state; {@code new SplitMix64(state())} continues the same stream. */
    public long state() {
        return state;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return (int) Math.floorMod(nextLong() >>> 1, (long) bound);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal by Box–Muller. */
    public double nextGaussian() {
        double u = 1.0 - nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * nextDouble());
    }

    /** Shuffles {@code a} in place (Fisher–Yates). */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
