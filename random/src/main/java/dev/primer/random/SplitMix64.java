package dev.primer.random;

import java.util.random.RandomGenerator;

/**
 * SplitMix64 (Steele, Lea &amp; Flood 2014): the one random generator of primer. Its whole state is one long, so a
 * checkpoint, an environment snapshot or an MCMC kernel state can carry it and continue the stream exactly. Small,
 * fast, not thread-safe: one per thread.
 *
 * <p>The methods {@link RandomGenerator} names ({@code nextInt(bound)}, {@code nextGaussian()}, ...) keep the JDK's
 * default algorithms. Two other ways to bound an int and a second Gaussian have names of their own
 * ({@link #nextIntModulo}, {@link #nextIntMultiplyShift}, {@link #nextGaussianBoxMuller}): streams that golden
 * trajectories, seeded tests and checkpoints pin were drawn with them, and a name never changes its algorithm.
 */
public final class SplitMix64 implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    /** Mixed into a seed before it is hashed by {@link #seeded}. */
    private static final long SEED_SALT = 0x6A09E667F3BCC909L;

    /** The state after the step that produced {@link #ahead}: one step past the stream's position. */
    private long state;
    /**
     * The value the next {@link #nextLong} returns, mixed one call ahead: a playout's draw then waits on one load
     * rather than on the multiply chain, which would otherwise restart after every mispredicted branch of a move.
     */
    private long ahead;

    /** A generator whose raw state is {@code state}; {@code new SplitMix64(g.state())} continues g's stream. */
    public SplitMix64(long state) {
        setState(state);
    }

    /** A generator seeded through a hash of {@code seed}, so that nearby seeds give unrelated streams. */
    public static SplitMix64 seeded(long seed) {
        return new SplitMix64(hashSeed(seed));
    }

    /** Restarts this generator as {@link #seeded}{@code (seed)} would, without allocating. */
    public void reseed(long seed) {
        setState(hashSeed(seed));
    }

    /** The raw state, for snapshots and checkpoints. */
    public long state() {
        return state - GOLDEN_GAMMA;
    }

    /** Moves to the raw state read by {@link #state()}. */
    public void setState(long state) {
        this.state = state;
        this.ahead = step();
    }

    /** The next 64 uniformly random bits. */
    @Override
    public long nextLong() {
        long z = ahead;
        ahead = step();
        return z;
    }

    /** Uniform in [0, 1): the top 53 bits of {@link #nextLong} (the JDK's default, written out). */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound) for 0 &lt; bound as (nextLong() &gt;&gt;&gt; 1) mod bound (bias below bound·2^-63). */
    public int nextIntModulo(int bound) {
        return (int) Math.floorMod(nextLong() >>> 1, (long) bound);
    }

    /**
     * Uniform in [0, bound) for 0 &lt; bound by Lemire's multiply-shift on the top 32 bits: one draw and no division,
     * for hot loops such as playouts (bias below bound·2^-32).
     */
    public int nextIntMultiplyShift(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Standard normal by Box–Muller (two uniforms per value, the second of the pair discarded). */
    public double nextGaussianBoxMuller() {
        double u = 1.0 - nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * nextDouble());
    }

    /** Shuffles {@code a} in place (Fisher–Yates, drawing with {@link #nextIntModulo}). */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextIntModulo(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private long step() {
        return mix(state += GOLDEN_GAMMA);
    }

    private static long hashSeed(long seed) {
        return mix(seed ^ SEED_SALT);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
