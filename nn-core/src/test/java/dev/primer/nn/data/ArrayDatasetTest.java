package dev.primer.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ArrayDatasetTest {
    @Test
    void selectGathersTheExamplesInTheGivenOrderWithTheirLabels() {
        INDArray x = Nd4j.linspace(DataType.FLOAT, 0, 5 * 2 * 3 * 3, 1).reshape(5, 2, 3, 3);
        ArrayDataset d = ArrayDataset.of(x, new int[] {0, 1, 2, 0, 1}, 3);
        int[] order = {4, 0, 4, 2};
        ArrayDataset s = d.select(order);
        assertArrayEquals(new long[] {4, 2, 3, 3}, s.features().shape());
        assertArrayEquals(new int[] {1, 0, 1, 2}, s.classes());
        for (int i = 0; i < order.length; i++) {
            assertEquals(x.slice(order[i]), s.features().slice(i), "example " + i);
        }
        x.putScalar(new long[] {4, 0, 0, 0}, -1);
        assertEquals(72, s.features().getFloat(0, 0, 0, 0), "a copy, not a view");
    }
}
