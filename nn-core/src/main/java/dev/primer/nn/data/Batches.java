package dev.primer.nn.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import dev.primer.random.SplitMix64;
import java.util.function.BiFunction;
import org.nd4j.linalg.dataset.api.DataSet;

/** A supervised training set as the trainer reads it: epochs of minibatches in an order fixed by (seed, epoch). */
public interface Batches {
    /** Returns the number of examples in one epoch. */
    int size();

    /** Returns one epoch's minibatches in an order fixed by {@code (seed, epoch)}; the last batch may be short. */
    Iterator<? extends DataSet> batches(int batchSize, long seed, int epoch);

    /**
     * {@code total} examples as minibatches of {@code batchSize} (the last may be short), each made when it is asked
     * for by {@code make} from its size and a generator seeded by (seed, epoch): the epoch of a set whose examples
     * are drawn afresh.
     */
    static <D extends DataSet> Iterator<D> drawn(int total, int batchSize, long seed, int epoch,
                                                 BiFunction<Integer, SplitMix64, D> make) {
        SplitMix64 rng = new SplitMix64(seed * 0x9E3779B97F4A7C15L + epoch);
        return new Iterator<>() {
            private int done;

            @Override
            public boolean hasNext() {
                return done < total;
            }

            @Override
            public D next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int n = Math.min(batchSize, total - done);
                done += n;
                return make.apply(n, rng);
            }
        };
    }
}
