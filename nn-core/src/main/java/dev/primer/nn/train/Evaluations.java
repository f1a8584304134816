package dev.primer.nn.train;

import dev.primer.nn.Net;
import dev.primer.nn.data.ArrayDataset;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Common evaluation metrics. */
public final class Evaluations {
    private Evaluations() {
    }

    /** Fraction of examples whose argmax output equals the argmax label, evaluated in batches. */
    public static double accuracy(Net net, ArrayDataset data, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        int correct = 0;
        int n = data.size();
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            INDArray x = data.features().get(NDArrayIndex.interval(from, to));
            INDArray y = data.labels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            int[] pred = net.output(x)[0].argMax(1).toIntVector();
            int[] truth = y.argMax(1).toIntVector();
            for (int i = 0; i < pred.length; i++) {
                if (pred[i] == truth[i]) {
                    correct++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) correct / n;
    }
}
