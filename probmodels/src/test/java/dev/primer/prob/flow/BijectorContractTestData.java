package dev.primer.prob.flow;

import dev.primer.random.SplitMix64;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Inputs shared by the flow tests. */
final class BijectorContractTestData {
    private BijectorContractTestData() {
    }

    /** {@code rows} × {@code cols} standard normal floats from {@code seed}. */
    static INDArray gaussianRows(int rows, int cols, long seed) {
        SplitMix64 r = SplitMix64.seeded(seed);
        INDArray a = Nd4j.zeros(DataType.FLOAT, rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a.putScalar(i, j, r.nextGaussianBoxMuller());
            }
        }
        return a;
    }
}
