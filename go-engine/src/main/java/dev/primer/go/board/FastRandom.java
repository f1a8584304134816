package dev.primer.go.board;

/** SplitMix64 generator: small, fast, not thread-safe; one per playout thread. */
public final class FastRandom {
    private long state;
    /**
     * The value the next {@link #nextLong} returns, mixed one call ahead: a playout's draw then waits on one load
     * rather than on the multiply chain, which would otherwise restart after every mispredicted branch of a move.
     */
    private long ahead;

    /** Creates a generator whose sequence is fixed by {@code seed}. */
    public FastRandom(long seed) {
        this.state = seed;
        this.ahead = step();
    }

    /** Returns the next 64 uniformly random bits. */
    public long nextLong() {
        long z = ahead;
        ahead = step();
        return z;
    }

    private long step() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Returns a uniform int in [0, bound) for 0 < bound (Lemire's multiply-shift, bias below 2^-32 * bound). */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Returns a uniform double in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
