package dev.primer.experiments.text;

import dev.primer.nn.data.Batches;
import java.util.Iterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Next-byte prediction on a byte corpus: windows of {@code length + 1} bytes at random starts, as one-hot features
 * (batch × 256 × length) and the following bytes as one-hot labels. Every {@link #HOLD_OUT}th block of
 * {@link #BLOCK} bytes is held out: training windows never touch it and {@link #heldOut} windows lie inside it.
 *
 * @param corpus    the bytes
 * @param length    bytes per window
 * @param perEpoch  windows in one epoch (drawn afresh, so an epoch is only a unit of count)
 */
public record ByteChunks(byte[] corpus, int length, int perEpoch) implements Batches {
    /** One-hot width: every byte value. */
    public static final int BYTES = 256;
    /** Bytes per block of the held-out split. */
    static final int BLOCK = 4096;
    /** One block in this many is held out. */
    static final int HOLD_OUT = 50;

    /** Checks that a window fits in a block and that there are held-out blocks. */
    public ByteChunks {
        if (length < 1 || length + 1 > BLOCK || corpus.length < HOLD_OUT * BLOCK) {
            throw new IllegalArgumentException("byte windows of " + length + " need 1 ≤ length < " + BLOCK
                    + " and a corpus of at least " + HOLD_OUT * BLOCK + " bytes, got " + corpus.length);
        }
    }

    @Override
    public int size() {
        return perEpoch;
    }

    @Override
    public Iterator<DataSet> batches(int batchSize, long seed, int epoch) {
        int blocks = corpus.length / BLOCK;
        return Batches.drawn(perEpoch, batchSize, seed, epoch, (n, rng) -> {
            int[] starts = new int[n];
            for (int i = 0; i < n; i++) {
                int block;
                do {
                    block = rng.nextInt(blocks);
                } while (block % HOLD_OUT == HOLD_OUT - 1);
                starts[i] = block * BLOCK + rng.nextInt(BLOCK - length);
            }
            return windows(starts);
        });
    }

    /** {@code n} windows, one at the start of each of the first {@code n} held-out blocks (fewer if there are fewer). */
    public DataSet heldOut(int n) {
        int blocks = corpus.length / BLOCK / HOLD_OUT;
        int[] starts = new int[Math.min(n, blocks)];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = (i * HOLD_OUT + HOLD_OUT - 1) * BLOCK;
        }
        return windows(starts);
    }

    /** The windows at {@code starts}: one-hot bytes and one-hot next bytes, batch × 256 × length. */
    DataSet windows(int[] starts) {
        float[] x = new float[starts.length * BYTES * length];
        float[] y = new float[starts.length * BYTES * length];
        for (int i = 0; i < starts.length; i++) {
            for (int t = 0; t < length; t++) {
                x[(i * BYTES + (corpus[starts[i] + t] & 0xFF)) * length + t] = 1f;
                y[(i * BYTES + (corpus[starts[i] + t + 1] & 0xFF)) * length + t] = 1f;
            }
        }
        long[] shape = {starts.length, BYTES, length};
        return new DataSet(Nd4j.create(x, shape, 'c'), Nd4j.create(y, shape, 'c'));
    }
}
