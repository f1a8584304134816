package dev.primer.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.primer.nn.Backend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The Java passes over ND4J arrays: in place on views at an offset, through copies on strided arrays. */
class FloatViewsTest {
    /** More than two chunks, not a multiple of one. */
    private static final int N = 5003;

    @BeforeAll
    static void init() {
        Backend.init();
    }

    @Test
    void subtractAddAndZeroWriteIntoAViewOfALargerArray() {
        INDArray whole = Nd4j.rand(DataType.FLOAT, 1, N + 20);
        INDArray view = whole.get(NDArrayIndex.point(0), NDArrayIndex.interval(10, 10 + N));
        INDArray b = Nd4j.rand(DataType.FLOAT, 1, N);
        INDArray expected = view.sub(b);
        float[] untouched = whole.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 10)).toFloatVector();
        FloatViews.subtract(view, b);
        assertArrayEquals(expected.toFloatVector(), view.toFloatVector(), 0f);
        float[] values = Nd4j.rand(DataType.FLOAT, 1, N).toFloatVector();
        INDArray plus = view.add(Nd4j.createFromArray(values));
        FloatViews.add(view, values);
        assertArrayEquals(plus.toFloatVector(), view.toFloatVector(), 0f);
        FloatViews.zero(view);
        assertEquals(0.0, view.amaxNumber().doubleValue(), 0.0);
        assertArrayEquals(untouched, whole.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 10)).toFloatVector(),
                0f, "elements before the view");
        assertEquals(20, whole.neq(0).castTo(DataType.FLOAT).sumNumber().intValue(), "elements outside the view");
    }

    @Test
    void stridedArraysAreUpdatedThroughCopies() {
        INDArray column = Nd4j.rand(DataType.FLOAT, N, 3).getColumn(1);
        INDArray b = Nd4j.rand(DataType.FLOAT, N, 2).getColumn(0);
        INDArray expected = column.sub(b);
        FloatViews.subtract(column, b);
        assertArrayEquals(expected.toFloatVector(), column.toFloatVector(), 0f);
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FloatViews.subtract(Nd4j.zeros(DataType.FLOAT, 1, 4), Nd4j.zeros(DataType.FLOAT, 1, 5)));
        assertThrows(IllegalArgumentException.class, () -> FloatViews.add(Nd4j.zeros(DataType.FLOAT, 1, 4), new float[5]));
    }
}
