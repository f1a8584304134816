package dev.primer.atari.spaces;

import java.util.random.RandomGenerator;

/** A set of values (actions or observations) that can test membership and draw uniform samples. */
public interface Space<T> {

    /** True when {@code value} is a member of this space. */
    boolean contains(T value);

    /** A sample drawn from {@code rng} (uniform for bounded spaces). */
    T sample(RandomGenerator rng);
}
