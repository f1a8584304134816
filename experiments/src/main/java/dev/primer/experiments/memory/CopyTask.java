package dev.primer.experiments.memory;

import dev.primer.nn.data.Batches;
import dev.primer.random.SplitMix64;
import java.util.Iterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The copy task of Graves et al. (2014, §4.1): a sequence of L random binary vectors of {@code bits} bits, then a
 * delimiter flag on an extra input channel, then L blank steps during which the net must output the sequence. Every
 * example lasts {@link #steps()} = 2·maxLength + 2 steps; a shorter one is followed by blank steps whose outputs are
 * not scored, which cannot change its scored outputs since the net runs forward in time.
 *
 * <p>Features: steps × (bits + 1) columns per row, step-major. Labels: steps × 2·bits columns, each step's target bits
 * then its mask (1 where the output is scored).
 *
 * @param bits          bits per vector (8 in the paper)
 * @param minLength     shortest sequence
 * @param maxLength     longest sequence
 * @param perEpoch      examples in one epoch (they are generated afresh, so an epoch is only a unit of count)
 */
public record CopyTask(int bits, int minLength, int maxLength, int perEpoch) implements Batches {
    /** Checks the lengths. */
    public CopyTask {
        if (bits < 1 || minLength < 1 || maxLength < minLength || perEpoch < 1) {
            throw new IllegalArgumentException("copy task: need bits ≥ 1 and 1 ≤ minLength ≤ maxLength, got bits "
                    + bits + ", lengths " + minLength + "–" + maxLength + ", " + perEpoch + " per epoch");
        }
    }

    /** Time steps of every example: the longest sequence, its delimiter, its copy, and one spare step. */
    public int steps() {
        return 2 * maxLength + 2;
    }

    /** Input columns per step: the bits and the delimiter channel. */
    public int inputWidth() {
        return bits + 1;
    }

    @Override
    public int size() {
        return perEpoch;
    }

    @Override
    public Iterator<DataSet> batches(int batchSize, long seed, int epoch) {
        return Batches.drawn(perEpoch, batchSize, seed, epoch, this::sample);
    }

    /** {@code n} examples of random lengths in [minLength, maxLength]. */
    public DataSet sample(int n, SplitMix64 rng) {
        int steps = steps();
        float[] x = new float[n * steps * inputWidth()];
        float[] t = new float[n * steps * 2 * bits];
        for (int r = 0; r < n; r++) {
            int len = minLength + rng.nextInt(maxLength - minLength + 1);
            for (int s = 0; s < len; s++) {
                for (int j = 0; j < bits; j++) {
                    float bit = rng.nextBoolean() ? 1f : 0f;
                    x[(r * steps + s) * inputWidth() + j] = bit;
                    int out = (r * steps + len + 1 + s) * 2 * bits;
                    t[out + j] = bit;
                    t[out + bits + j] = 1f;
                }
            }
            x[(r * steps + len) * inputWidth() + bits] = 1f;
        }
        return new DataSet(Nd4j.createFromArray(x).reshape(n, (long) steps * inputWidth()),
                Nd4j.createFromArray(t).reshape(n, (long) steps * 2 * bits));
    }
}
