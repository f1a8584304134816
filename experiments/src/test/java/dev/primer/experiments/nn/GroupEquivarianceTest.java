package dev.primer.experiments.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.Networks.Symmetry;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.random.SplitMix64;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The rotated data set is made image by image, the two nets match in size, and the P4CNN ignores 90° turns. */
class GroupEquivarianceTest {
    private static final ImageShape HALF = new ImageShape(1, 14, 14);

    @Test
    void everyImageIsTurnedByItsOwnAngleAndKeepsItsLabel() throws Exception {
        ArrayDataset d = Images.halve(Datasets.fashionMnist(Datasets.Split.TEST, 6));
        ArrayDataset rotated = GroupEquivariance.randomlyRotated(d, new SplitMix64(11));
        SplitMix64 again = new SplitMix64(11);
        for (int i = 0; i < d.size(); i++) {
            INDArray one = d.features().get(NDArrayIndex.interval(i, i + 1));
            INDArray expected = Images.rotate(one, 360 * again.nextDouble());
            assertEquals(expected, rotated.features().get(NDArrayIndex.interval(i, i + 1)));
        }
        assertArrayEquals(d.classes(), rotated.classes());
        assertTrue(rotated.features().sub(d.features()).amaxNumber().doubleValue() > 0.1, "nothing was rotated");
    }

    @Test
    void theP4CnnHasNearlyThePlainCnnsParametersAtBothBudgets() {
        for (GroupEquivariance.Settings s : new GroupEquivariance.Settings[] {GroupEquivariance.Settings.quick(),
            GroupEquivariance.Settings.full()}) {
            long plain = GroupEquivariance.network(Symmetry.TRANSLATION, s.plainWidths(), HALF, 1).numParams();
            long p4 = GroupEquivariance.network(Symmetry.P4, s.p4Widths(), HALF, 1).numParams();
            assertTrue(Math.abs(p4 - plain) <= 0.05 * plain, "plain " + plain + " vs p4 " + p4);
        }
    }

    @Test
    void theP4CnnGivesTheSameProbabilitiesForAnImageTurnedBy90Degrees() throws Exception {
        INDArray x = Images.halve(Datasets.fashionMnist(Datasets.Split.TEST, 8)).features();
        MultiLayerNetwork p4 = GroupEquivariance.network(Symmetry.P4, new int[] {4, 8}, HALF, 3);
        MultiLayerNetwork plain = GroupEquivariance.network(Symmetry.TRANSLATION, new int[] {8, 16}, HALF, 3);
        for (int quarter = 1; quarter < 4; quarter++) {
            INDArray turned = Images.rotate(x, 90 * quarter);
            assertTrue(p4.output(turned).sub(p4.output(x)).amaxNumber().doubleValue() <= 1e-5);
            assertTrue(plain.output(turned).sub(plain.output(x)).amaxNumber().doubleValue() > 1e-6);
        }
    }
}
