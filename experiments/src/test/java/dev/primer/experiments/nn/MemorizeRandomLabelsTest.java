package dev.primer.experiments.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.nn.MemorizeRandomLabels.Condition;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The four conditions of Zhang et al. §2 change exactly what they should. */
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
}
