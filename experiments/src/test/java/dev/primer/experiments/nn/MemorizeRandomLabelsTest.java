package dev.primer.experiments.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.nn.MemorizeRandomLabels.Condition;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.train.Evaluations;
import dev.primer.nn.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The four conditions of Zhang et al. §2 and its label corruption change exactly what they should, and the convnet
 * memorises random labels.
 */
class MemorizeRandomLabelsTest {
    private final ArrayDataset base = Datasets.fashionMnist(Datasets.Split.TRAIN, 300);

    @Test
    void randomLabelsKeepImagesAndReplaceLabels() {
        ArrayDataset d = MemorizeRandomLabels.corrupt(base, Condition.RANDOM_LABELS, 1);
        assertEquals(base.features(), d.features());
        int same = 0;
        int[] a = base.classes();
        int[] b = d.classes();
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        assertTrue(same < 60, "about 1 in 10 labels should agree by chance, got " + same + "/300");
    }

    @Test
    void shuffledPixelsPermuteEveryImageTheSameWay() {
        ArrayDataset d = MemorizeRandomLabels.corrupt(base, Condition.SHUFFLED_PIXELS, 1);
        assertArrayEquals(base.classes(), d.classes());
        assertNotEquals(base.features(), d.features());
        for (int i : new int[] {0, 17, 299}) {
            float[] before = base.features().slice(i).dup().data().asFloat();
            float[] after = d.features().slice(i).dup().data().asFloat();
            Arrays.sort(before);
            Arrays.sort(after);
            assertArrayEquals(before, after, "image " + i + " keeps its pixel values");
        }
    }

    @Test
    void gaussianNoiseMatchesTheDatasetsMoments() {
        ArrayDataset d = MemorizeRandomLabels.corrupt(base, Condition.GAUSSIAN, 1);
        assertArrayEquals(base.classes(), d.classes());
        assertEquals(base.features().meanNumber().doubleValue(), d.features().meanNumber().doubleValue(), 0.01);
        assertEquals(base.features().stdNumber().doubleValue(), d.features().stdNumber().doubleValue(), 0.01);
    }

    @Test
    void labelCorruptionReplacesAboutAFractionPOfTheLabels() {
        assertArrayEquals(base.classes(), MemorizeRandomLabels.corruptLabels(base, 0, 1).classes());
        int[] a = base.classes();
        int[] b = MemorizeRandomLabels.corruptLabels(base, 0.4, 1).classes();
        int changed = 0;
        for (int i = 0; i < a.length; i++) {
            changed += a[i] != b[i] ? 1 : 0;
        }
        // A label changes with probability p·9/10 = 0.36: mean 108 of 300, standard deviation 8.3.
        assertTrue(Math.abs(changed - 108) < 4 * 8.3, "changed " + changed + " of 300 labels at p = 0.4");
        assertEquals(base.features(), MemorizeRandomLabels.corruptLabels(base, 0.4, 1).features());
    }

    @Test
    void corruptionLevelOutsideZeroOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemorizeRandomLabels.corruptLabels(base, 1.5, 1));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void theConvnetMemorisesRandomLabelsOf256Images() {
        ArrayDataset random = MemorizeRandomLabels.corrupt(base.head(256), Condition.RANDOM_LABELS, 1);
        List<double[]> curve = new ArrayList<>();
        Trainer.Result r = MemorizeRandomLabels.fitToFull(random, 150, 1, curve);
        double accuracy = Evaluations.accuracy(r.net(), random, 256);
        assertTrue(accuracy >= 0.99, "training accuracy on random labels " + accuracy + " after "
                + r.state().step() + " steps");
    }
}
