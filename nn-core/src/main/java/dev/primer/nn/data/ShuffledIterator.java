package dev.primer.nn.data;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Minibatches of an {@link ArrayDataset} in a fixed order; {@link #reset()} replays the same order. */
final class ShuffledIterator implements DataSetIterator {
    private static final long serialVersionUID = 1L;
    private final transient ArrayDataset data;
    private final int[] order;
    private final int batchSize;
    private int cursor;
    private transient DataSetPreProcessor preProcessor;

    ShuffledIterator(ArrayDataset data, int[] order, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        this.data = data;
        this.order = order;
        this.batchSize = batchSize;
    }

    @Override
    public DataSet next(int num) {
        int end = Math.min(order.length, cursor + num);
        int[] idx = Arrays.copyOfRange(order, cursor, end);
        cursor = end;
        DataSet ds = data.select(idx).asDataSet();
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public int inputColumns() {
        return (int) (data.features().length() / data.size());
    }

    @Override
    public int totalOutcomes() {
        return data.numClasses();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        cursor = 0;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor p) {
        this.preProcessor = p;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
