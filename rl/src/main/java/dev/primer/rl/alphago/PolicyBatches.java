package dev.primer.rl.alphago;

import dev.primer.go.corpus.PositionSet;
import dev.primer.go.features.Plane;
import dev.primer.go.features.Symmetry;
import dev.primer.nn.data.Batches;
import dev.primer.random.SplitMix64;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Minibatches for a policy network: each position's planes under one of the 8 symmetries drawn at random per example
 * and epoch (AlphaGo's augmentation), and the expert's move under the same symmetry as a one-hot row over the size²
 * points and pass.
 */
public final class PolicyBatches implements Batches {
    private static final Symmetry[] SYMMETRIES = Symmetry.values();

    private final PositionSet positions;

    /** Creates batches over {@code positions}. */
    public PolicyBatches(PositionSet positions) {
        this.positions = positions;
    }

    @Override
    public int size() {
        return positions.count();
    }

    @Override
    public Iterator<DataSet> batches(int batchSize, long seed, int epoch) {
        return epoch(positions.count(), batchSize, seed, epoch, (rows, sym) -> batch(positions, rows, sym));
    }

    /**
     * The positions of one minibatch and the symmetry of each, an ordinal of {@link Symmetry#values()}; serializable so
     * that a distributed trainer can ship it and build the batch where it trains.
     *
     * @param rows       position indices
     * @param symmetries symmetry ordinal of each row
     */
    public record Rows(int[] rows, byte[] symmetries) implements Serializable {
    }

    /** Returns the minibatch of the positions and symmetries in {@code r}. */
    public DataSet batch(Rows r) {
        return batch(positions, r.rows(), r.symmetries());
    }

    /**
     * Returns one epoch over {@code n} examples in an order fixed by {@code (seed, epoch)}, each with one of the 8
     * symmetries drawn for it, as minibatches of at most {@code batchSize} rows.
     */
    public static Iterator<Rows> plan(int n, int batchSize, long seed, int epoch) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        SplitMix64 rng = new SplitMix64(seed * 0x9E3779B97F4A7C15L + epoch);
        rng.shuffle(order);
        byte[] symmetry = new byte[n];
        for (int i = 0; i < n; i++) {
            symmetry[i] = (byte) rng.nextIntModulo(SYMMETRIES.length);
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public Rows next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int b = Math.min(batchSize, n - next);
                Rows r = new Rows(Arrays.copyOfRange(order, next, next + b),
                        Arrays.copyOfRange(symmetry, next, next + b));
                next += b;
                return r;
            }
        };
    }

    /** As {@link #plan}, each minibatch built by {@code batch} from its rows and their symmetry ordinals. */
    static Iterator<DataSet> epoch(int n, int batchSize, long seed, int epoch, BiFunction<int[], byte[], DataSet> batch) {
        Iterator<Rows> plan = plan(n, batchSize, seed, epoch);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return plan.hasNext();
            }

            @Override
            public DataSet next() {
                Rows r = plan.next();
                return batch.apply(r.rows(), r.symmetries());
            }
        };
    }

    /** Returns the positions {@code rows}, each under {@code SYMMETRIES[sym[i]]}, as features and one-hot moves. */
    static DataSet batch(PositionSet positions, int[] rows, byte[] sym) {
        int size = positions.boardSize();
        int area = size * size;
        int stride = Plane.COUNT * area;
        float[] x = new float[rows.length * stride];
        float[] y = new float[rows.length * (area + 1)];
        for (int i = 0; i < rows.length; i++) {
            Symmetry s = SYMMETRIES[sym[i]];
            positions.planesInto(rows[i], s, x, i * stride);
            y[i * (area + 1) + positions.move(rows[i], s)] = 1f;
        }
        return new DataSet(Nd4j.create(x, new long[] {rows.length, Plane.COUNT, size, size}, 'c'),
                Nd4j.create(y, new long[] {rows.length, area + 1}, 'c'));
    }
}
