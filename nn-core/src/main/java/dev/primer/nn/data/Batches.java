package dev.primer.nn.data;

import java.util.Iterator;
import org.nd4j.linalg.dataset.api.DataSet;

/** A supervised training set as the trainer reads it: epochs of minibatches in an order fixed by (seed, epoch). */
public interface Batches {
    /** Returns the number of examples in one epoch. */
    int size();

    /** Returns one epoch's minibatches in an order fixed by {@code (seed, epoch)}; the last batch may be short. */
    Iterator<? extends DataSet> batches(int batchSize, long seed, int epoch);
}
