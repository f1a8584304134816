package dev.primer.experiments.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trial whose loss turns NaN/Inf is recorded as diverged, not thrown; a sane one is not. */
class BatchNormTest {
    private final ArrayDataset train = Datasets.fashionMnist(Datasets.Split.TRAIN, 128);
    private final ArrayDataset test = Datasets.fashionMnist(Datasets.Split.TEST, 100);
    private final BatchNorm.Plan plan = new BatchNorm.Plan(32, 6, 3, 0.99);

    @Test
    void anExplodingRateIsRecordedAsDiverged() {
        BatchNorm.Trial t = BatchNorm.trial(false, 1e6, 1, train, test, plan, new ArrayList<>());
        assertTrue(t.diverged(), "SGD at 1e6 without batch norm should reach a NaN/Inf loss: " + t);
        assertTrue(t.divergedAtStep() >= 1 && t.divergedAtStep() <= plan.maxSteps(), t.toString());
        assertEquals(-1, t.stepsToTarget());
        assertFalse(Double.isFinite(t.finalLoss()), "the loss that stopped it is kept: " + t);
    }

    @Test
    void aModestRateRunsItsStepsAndLogsTheCurve() {
        List<double[]> curve = new ArrayList<>();
        BatchNorm.Trial t = BatchNorm.trial(true, 0.01, 1, train, test, plan, curve);
        assertFalse(t.diverged(), t.toString());
        assertEquals(-1, t.divergedAtStep());
        assertEquals(List.of(3.0, 6.0), curve.stream().map(p -> p[0]).toList());
        assertEquals(t.finalAccuracy(), curve.get(1)[1]);
    }
}
