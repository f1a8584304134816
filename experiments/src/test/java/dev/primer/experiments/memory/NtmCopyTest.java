package dev.primer.experiments.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The copy task's layout, the wrong-bit count, and the unrolled machine's weightings and shared parameters. */
class NtmCopyTest {
    private static final CopyTask TASK = new CopyTask(3, 1, 3, 4);
    private static final Ntm SMALL = new Ntm(6, 4, 5, true);

    @Test
    void aSequenceIsFollowedByItsDelimiterThenScoredCopies() {
        CopyTask task = new CopyTask(8, 4, 4, 1);
        DataSet d = task.sample(1, new SplitMix64(7));
        INDArray x = d.getFeatures();
        INDArray t = d.getLabels();
        assertEquals(10, task.steps());
        for (int s = 0; s < task.steps(); s++) {
            assertEquals(s == 4 ? 1f : 0f, x.getFloat(0, s * 9L + 8), "delimiter at step " + s);
            for (int j = 0; j < 8; j++) {
                boolean scored = s >= 5 && s < 9;
                assertEquals(scored ? 1f : 0f, t.getFloat(0, s * 16L + 8 + j), "mask at step " + s);
                if (scored) {
                    assertEquals(x.getFloat(0, (s - 5) * 9L + j), t.getFloat(0, s * 16L + j));
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new CopyTask(8, 5, 4, 1));
    }

    @Test
    void wrongBitsCountOnlyScoredOutputsOnTheWrongSideOfZero() {
        // Two steps of two bits: step 0 unscored, step 1 scored with targets (1, 0).
        INDArray labels = Nd4j.createFromArray(new float[][] {{1, 1, 0, 0, 1, 0, 1, 1}});
        INDArray logits = Nd4j.createFromArray(new float[][] {{-5, -5, -2, -3}});
        assertEquals(1.0, NtmCopy.wrongBits(logits, labels, 2));
    }

    @Test
    void readAndWriteWeightingsSumToOneAtEveryStep() {
        DataSet d = TASK.sample(3, new SplitMix64(1));
        Map<String, INDArray> out = new ExprNet(SMALL.program(TASK, true), Updates.adam(1e-3), 2)
                .outputs(d.getFeatures(), d.getLabels());
        for (String head : new String[] {"read", "write"}) {
            INDArray w = out.get(head).reshape(3L * TASK.steps(), SMALL.cells());
            INDArray sums = w.sum(1);
            for (int k = 0; k < sums.length(); k++) {
                assertEquals(1.0, sums.getDouble(k), 1e-5, head + " weighting " + k);
            }
        }
        assertEquals(TASK.steps() * 3L, out.get("logits").size(1));
    }

    @Test
    void machinesForLongerSequencesShareTheParameterLayout() {
        CopyTask longer = new CopyTask(3, 7, 7, 1);
        for (Ntm m : new Ntm[] {SMALL, Ntm.lstm(5)}) {
            ExprNet a = new ExprNet(m.program(TASK, false), Updates.adam(1e-3), 2);
            ExprNet b = new ExprNet(m.program(longer, true), Updates.adam(1e-3), 2);
            assertEquals(a.params().length(), b.params().length());
            assertEquals(a.param("out.W").length(), b.param("out.W").length());
        }
    }
}
