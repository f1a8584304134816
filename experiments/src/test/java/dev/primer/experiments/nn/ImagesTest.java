package dev.primer.experiments.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Shifts, rotations and halving are exact on test pictures. */
class ImagesTest {
    /** A 1×1×3×4 picture, rows top to bottom. */
    private static final INDArray PICTURE = Nd4j.create(new float[] {
        1, 2, 3, 4,
        5, 6, 7, 8,
        9, 10, 11, 12}, new long[] {1, 1, 3, 4}, DataType.FLOAT);

    private static float[] pixels(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    @Test
    void shiftMovesRightAndDownAndFillsWithZeros() {
        assertArrayEquals(new float[] {0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11}, pixels(Images.shift(PICTURE, 1, 0)));
        assertArrayEquals(new float[] {0, 0, 0, 0, 2, 3, 4, 0, 6, 7, 8, 0}, pixels(Images.shift(PICTURE, -1, 1)));
        assertArrayEquals(pixels(PICTURE), pixels(Images.shift(PICTURE, 0, 0)));
    }

    @Test
    void rotationsByRightAnglesPermutePixelsExactly() {
        INDArray square = Nd4j.create(new float[] {
            1, 2, 3,
            4, 5, 6,
            7, 8, 9}, new long[] {1, 1, 3, 3}, DataType.FLOAT);
        assertArrayEquals(new float[] {3, 6, 9, 2, 5, 8, 1, 4, 7}, pixels(Images.rotate(square, 90)),
                "counter-clockwise: the top-right corner goes to the top left");
        assertArrayEquals(new float[] {9, 8, 7, 6, 5, 4, 3, 2, 1}, pixels(Images.rotate(square, 180)));
        assertArrayEquals(pixels(square), pixels(Images.rotate(square, 0)));
        INDArray shirt = Datasets.fashionMnist(Datasets.Split.TEST, 1).features();
        assertArrayEquals(pixels(shirt), pixels(Images.rotate(Images.rotate(shirt, 90), -90)), 1e-6f);
        assertArrayEquals(pixels(Images.rotate(shirt, 180)), pixels(Images.rotate(Images.rotate(shirt, 90), 90)),
                1e-6f);
    }

    @Test
    void rotationBy45InterpolatesBetweenNeighbours() {
        INDArray dot = Nd4j.zeros(DataType.FLOAT, 1, 1, 5, 5);
        dot.putScalar(new int[] {0, 0, 2, 4}, 1);
        float[] r = pixels(Images.rotate(dot, 45));
        assertEquals(0, r[2 * 5 + 4], 1e-6, "the dot has left the middle of the right edge");
        // output (x 3, y 1) samples the input at (x 2 + √2, y 2): √2 − 1 of the way from (2, 3) to the dot at (2, 4)
        assertEquals(Math.sqrt(2) - 1, r[5 + 3], 1e-6);
    }

    @Test
    void halvingAveragesTwoByTwoBlocks() {
        INDArray x = Nd4j.create(new float[] {
            1, 3, 0, 0,
            5, 7, 0, 4,
            }, new long[] {1, 1, 2, 4}, DataType.FLOAT);
        ArrayDataset d = ArrayDataset.of(x, new int[] {0}, 10);
        assertArrayEquals(new float[] {4, 1}, pixels(Images.halve(d).features()));
        assertThrows(IllegalArgumentException.class, () -> Images.halve(ArrayDataset.of(PICTURE, new int[] {0}, 10)));
    }

    @Test
    void augmentationAddsOneRotatedCopyOfEveryImage() {
        ArrayDataset d = Datasets.fashionMnist(Datasets.Split.TRAIN, 4);
        ArrayDataset a = Invariance.withRotatedCopies(d, new SplitMix64(3));
        assertEquals(8, a.size());
        assertArrayEquals(new int[] {d.classes()[0], d.classes()[1], d.classes()[2], d.classes()[3],
            d.classes()[0], d.classes()[1], d.classes()[2], d.classes()[3]}, a.classes());
        assertEquals(d.features().slice(2), a.features().slice(2));
    }
}
