package dev.primer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.optim.Updates;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The primer's worked convolution: the 5×5 binary image convolved with the 3×3 "X" kernel gives the 3×3 map below
 * (a valid convolution, cross-correlation as every deep-learning library computes it; the kernel is symmetric, so
 * flipping it changes nothing). Computed by the first convolution layer of nn-core's reference convnet.
 */
class ConvolutionGoldenTest {
    private static final double[][] IMAGE = {
        {1, 1, 1, 0, 0},
        {0, 1, 1, 1, 0},
        {0, 0, 1, 1, 1},
        {0, 0, 1, 1, 0},
        {0, 1, 1, 0, 0}};
    private static final double[][] KERNEL = {
        {1, 0, 1},
        {0, 1, 0},
        {1, 0, 1}};
    /** The primer's answer: the valid 3×3 feature map. */
    private static final double[][] VALID = {
        {4, 3, 4},
        {2, 4, 3},
        {2, 3, 4}};
    /** The same map with one ring of zero padding (ConvolutionMode.Same), the valid map in its centre. */
    private static final double[][] SAME = {
        {2, 2, 3, 1, 1},
        {1, 4, 3, 4, 1},
        {1, 2, 4, 3, 3},
        {1, 2, 3, 4, 1},
        {0, 2, 2, 1, 1}};

    @Test
    void theReferenceConvnetsFirstLayerComputesThePrimersExample() {
        MultiLayerNetwork net = Networks.convnet(new ImageShape(1, 5, 5), 10, Updates.adam(1e-3), 1);
        INDArray w = net.getLayer(0).getParam(ConvolutionParamInitializer.WEIGHT_KEY);
        w.assign(0);
        w.get(point(0), point(0))
                .assign(Nd4j.create(KERNEL).castTo(DataType.FLOAT));
        net.getLayer(0).getParam(ConvolutionParamInitializer.BIAS_KEY).assign(0);
        INDArray input = Nd4j.create(IMAGE).castTo(DataType.FLOAT).reshape(1, 1, 5, 5);

        INDArray map = net.feedForwardToLayer(0, input, false).get(1).get(
                point(0), point(0));

        assertArrayEquals(new long[] {5, 5}, map.shape());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(SAME[i], map.getRow(i).toDoubleVector(), 0, "row " + i + " of the padded map");
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(VALID[i][j], map.getDouble(i + 1, j + 1), 0, "valid map at (" + i + ", " + j + ")");
            }
        }
    }
}
