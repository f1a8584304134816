package dev.primer.nn.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Networks;
import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.Networks.Symmetry;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class P4ConvolutionTest {
    private static final ImageShape SHAPE = new ImageShape(1, 12, 12);
    /** Layer indices in groupConvnet(P4, {3, 2}): lift, ReLU, group, ReLU, pool, group, ReLU, group, ReLU, rotpool. */
    private static final int LIFT = 0;
    private static final int GROUP = 2;
    private static final int GROUP_AFTER_POOL = 5;
    private static final int ROTATION_POOL = 9;

    private static MultiLayerNetwork p4Net() {
        return Networks.groupConvnet(SHAPE, 5, Symmetry.P4, new int[] {3, 2}, Updates.adam(1e-2), 7);
    }

    private static INDArray images(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        float[] v = new float[n * SHAPE.height() * SHAPE.width()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextDouble();
        }
        return Nd4j.create(v, new long[] {n, 1, SHAPE.height(), SHAPE.width()}, DataType.FLOAT);
    }

    /** Every plane rotated 90° counter-clockwise as displayed (row 0 on top): out[y][x] = in[x][w−1−y]. */
    private static INDArray rot90(INDArray x) {
        long[] s = x.shape();
        INDArray out = Nd4j.create(DataType.FLOAT, s);
        for (int n = 0; n < s[0]; n++) {
            for (int c = 0; c < s[1]; c++) {
                for (int y = 0; y < s[2]; y++) {
                    for (int w = 0; w < s[3]; w++) {
                        out.putScalar(new int[] {n, c, y, w}, x.getDouble(n, c, w, s[3] - 1 - y));
                    }
                }
            }
        }
        return out;
    }

    /** The p4 feature map with rotation r of every filter moved to r + 1 (mod 4); channel 4f + r is (f, r). */
    private static INDArray shiftRotations(INDArray x) {
        INDArray out = x.dup();
        for (int c = 0; c < x.size(1); c++) {
            int target = c - c % 4 + (c % 4 + 1) % 4;
            out.get(NDArrayIndex.all(), NDArrayIndex.point(target))
                    .assign(x.get(NDArrayIndex.all(),
                            NDArrayIndex.point(c)));
        }
        return out;
    }

    private static double maxAbsDiff(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    /** Every layer's activations (index 0 the input) for a batch and for the same batch turned by 90°. */
    private record Activations(List<INDArray> plain, List<INDArray> turned) {
        static Activations of(MultiLayerNetwork net, INDArray x) {
            return new Activations(net.feedForward(x, false), net.feedForward(rot90(x), false));
        }
    }

    @Test
    void rotatingTheInputRotatesAndPermutesEveryP4FeatureMapExactly() {
        Activations act = Activations.of(p4Net(), images(2, 1));
        for (int layer : new int[] {LIFT, GROUP, GROUP_AFTER_POOL}) {
            INDArray a = act.plain().get(layer + 1);
            INDArray b = act.turned().get(layer + 1);
            assertTrue(maxAbsDiff(b, shiftRotations(rot90(a))) <= 1e-5, "layer " + layer + " is not p4-equivariant");
            assertTrue(maxAbsDiff(b, rot90(a)) > 1e-3, "layer " + layer + ": the rotation axis did not move");
        }
    }

    @Test
    void rotationPoolingLeavesPlanesThatOnlyRotateAndAnInvariantPrediction() {
        MultiLayerNetwork net = p4Net();
        INDArray x = images(2, 2);
        Activations act = Activations.of(net, x);
        INDArray pooled = act.plain().get(ROTATION_POOL + 1);
        assertArrayEquals(new long[] {2, 2, 6, 6}, pooled.shape());
        assertTrue(maxAbsDiff(act.turned().get(ROTATION_POOL + 1), rot90(pooled)) <= 1e-5);
        assertTrue(maxAbsDiff(net.output(rot90(x)), net.output(x)) <= 1e-5);
    }

    @Test
    void theParameterIsOneBaseFilterBankAndTrainingMovesIt() {
        MultiLayerNetwork net = p4Net();
        long lift = 3 * 1 * 9 + 3;
        long group3 = 3 * 3 * 4 * 9 + 3;
        long group2from3 = 2 * 3 * 4 * 9 + 2;
        long group2 = 2 * 2 * 4 * 9 + 2;
        long output = 2 * 5 + 5;
        assertEquals(lift + group3 + group2from3 + group2 + output, net.numParams());
        INDArray labels = Nd4j.eye(5).getRows(0, 1).castTo(DataType.FLOAT);
        DataSet batch = new DataSet(images(2, 3), labels);
        INDArray before = net.params().dup();
        double first = net.score(batch);
        for (int i = 0; i < 20; i++) {
            net.fit(batch);
        }
        assertTrue(net.score(batch) < first, "loss did not fall: " + first + " -> " + net.score(batch));
        assertTrue(maxAbsDiff(net.params(), before) > 0);
    }

    @Test
    void aP4NetWrittenAndReadBackGivesTheSameOutputs() throws Exception {
        MultiLayerNetwork net = p4Net();
        net.fit(new DataSet(images(2, 4), Nd4j.eye(5).getRows(2, 3).castTo(DataType.FLOAT)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()),
                true);
        INDArray x = images(3, 5);
        assertEquals(net.getLayerWiseConfigurations().toJson(), back.getLayerWiseConfigurations().toJson());
        assertTrue(maxAbsDiff(back.output(x), net.output(x)) == 0);
        assertTrue(maxAbsDiff(back.getUpdater().getStateViewArray(), net.getUpdater().getStateViewArray()) == 0);
    }
}
