package dev.primer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Net.Sequential#inputGradient} is the gradient of each example's loss, as finite differences measure it. */
class InputGradientTest {
    @Test
    void matchesCentralDifferencesOnATinyNet() {
        MultiLayerNetwork mlp = Networks.mlp(4, new int[] {6}, 3, Updates.adam(1e-3), 5);
        Net.Sequential net = (Net.Sequential) Net.of(mlp);
        SplitMix64 rng = new SplitMix64(5);
        int n = 3;
        INDArray x = Nd4j.create(DataType.FLOAT, n, 4);
        for (int i = 0; i < n * 4; i++) {
            x.putScalar(i, rng.nextGaussianBoxMuller());
        }
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 3);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % 3, 1);
        }
        INDArray params = mlp.params().dup();
        INDArray g = net.inputGradient(x, y);
        assertArrayEquals(x.shape(), g.shape());
        assertEquals(params, mlp.params(), "parameters unchanged");
        // score() is the mean loss over the batch, so n·score is the sum of the examples' losses.
        double h = 1e-2;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                double x0 = x.getDouble(i, j);
                x.putScalar(i, j, x0 + h);
                double up = n * mlp.score(new DataSet(x, y), false);
                x.putScalar(i, j, x0 - h);
                double down = n * mlp.score(new DataSet(x, y), false);
                x.putScalar(i, j, x0);
                double fd = (up - down) / (2 * h);
                assertEquals(fd, g.getDouble(i, j), 2e-3 + 1e-2 * Math.abs(fd), "d loss / d x[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void convnetGradientHasTheImagesShape() {
        Net.Sequential net = (Net.Sequential) Net.of(Networks.convnet(new ImageShape(1, 8, 8), 3,
                Updates.adam(1e-3), 2));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8);
        INDArray y = Nd4j.create(new float[] {1, 0, 0, 0, 0, 1}, new long[] {2, 3}, 'c');
        INDArray g = net.inputGradient(x, y);
        assertArrayEquals(new long[] {2, 1, 8, 8}, g.shape());
        assertEquals(1.0, Math.signum(g.norm2Number().doubleValue()), "a nonzero gradient");
    }
}
