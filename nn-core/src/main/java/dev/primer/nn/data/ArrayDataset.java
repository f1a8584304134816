package dev.primer.nn.data;

import dev.primer.random.SplitMix64;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An in-memory supervised dataset: features {@code [N, …]} and one-hot labels {@code [N, classes]}.
 *
 * @param features examples along dimension 0
 * @param labels   one-hot targets along dimension 0
 */
public record ArrayDataset(INDArray features, INDArray labels) implements Batches {
    /** Checks that features and labels hold the same number of examples. */
    public ArrayDataset {
        if (features.size(0) != labels.size(0)) {
            throw new IllegalArgumentException("features have " + features.size(0) + " examples but labels have "
                    + labels.size(0));
        }
    }

    /** Builds a dataset from a feature array and integer class labels. */
    public static ArrayDataset of(INDArray features, int[] classes, int numClasses) {
        INDArray y = Nd4j.zeros(features.dataType(), classes.length, numClasses);
        for (int i = 0; i < classes.length; i++) {
            y.putScalar(i, classes[i], 1.0);
        }
        return new ArrayDataset(features, y);
    }

    /** Number of examples. */
    @Override
    public int size() {
        return (int) features.size(0);
    }

    /** Number of classes (label columns). */
    public int numClasses() {
        return (int) labels.size(1);
    }

    /** Integer class of every example (argmax of its label row). */
    public int[] classes() {
        return labels.argMax(1).toIntVector();
    }

    /** The examples at {@code indices}, in that order (copies). */
    public ArrayDataset select(int[] indices) {
        INDArray flat = features.reshape(features.size(0), features.length() / features.size(0));
        // one native gather per array (pullRows) instead of a row view per example (getRows)
        return new ArrayDataset(Nd4j.pullRows(flat, 1, indices).reshape(shapeWith(indices.length)),
                Nd4j.pullRows(labels, 1, indices));
    }

    /** The first {@code n} examples. */
    public ArrayDataset head(int n) {
        int[] idx = new int[Math.min(n, size())];
        Arrays.setAll(idx, i -> i);
        return select(idx);
    }

    /** The same labels with these features. */
    public ArrayDataset withFeatures(INDArray newFeatures) {
        return new ArrayDataset(newFeatures, labels);
    }

    /** Minibatches of one epoch in an order fixed by {@code (seed, epoch)}; the last batch may be short. */
    @Override
    public DataSetIterator batches(int batchSize, long seed, int epoch) {
        int[] order = new int[size()];
        Arrays.setAll(order, i -> i);
        new SplitMix64(seed * 0x9E3779B97F4A7C15L + epoch).shuffle(order);
        return new ShuffledIterator(this, order, batchSize);
    }

    /** The whole dataset as one DataSet. */
    public DataSet asDataSet() {
        return new DataSet(features, labels);
    }

    private long[] shapeWith(int n) {
        long[] shape = features.shape().clone();
        shape[0] = n;
        return shape;
    }
}
