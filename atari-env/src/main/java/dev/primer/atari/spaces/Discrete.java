package dev.primer.atari.spaces;

import java.util.random.RandomGenerator;

/**
 * The integers {@code 0 .. n-1}.
 *
 * @param n number of elements, at least 1
 */
public record Discrete(int n) implements Space<Integer> {

    /** Checks that the space is non-empty. */
    public Discrete {
        if (n < 1) {
            throw new IllegalArgumentException("Discrete(n) needs n >= 1, got " + n);
        }
    }

    @Override
    public boolean contains(Integer value) {
        return value != null && value >= 0 && value < n;
    }

    @Override
    public Integer sample(RandomGenerator rng) {
        return rng.nextInt(n);
    }

    /** A uniform sample without boxing. */
    public int sampleInt(RandomGenerator rng) {
        return rng.nextInt(n);
    }

    @Override
    public String toString() {
        return "Discrete(" + n + ")";
    }
}
