package dev.primer.experiments.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** FGSM and PGD do what Goodfellow et al. and Madry et al. define, on a tiny net. */
class AttackTest {
    private static final int N = 8;
    private static final int D = 12;
    private final Net.Sequential net = (Net.Sequential) Net.of(Networks.mlp(D, new int[] {10}, 3,
            Updates.adam(1e-3), 7));
    private final INDArray x = pixels(new SplitMix64(7));
    private final INDArray y = labels();

    /** Pixels in [0, 1], a third of them at 0 or 1 so that clipping matters. */
    private static INDArray pixels(SplitMix64 rng) {
        float[] v = new float[N * D];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 3 == 0 ? (float) (i % 2) : (float) rng.nextDouble();
        }
        return Nd4j.create(v, new long[] {N, D}, 'c');
    }

    private static INDArray labels() {
        INDArray y = Nd4j.zeros(DataType.FLOAT, N, 3);
        for (int i = 0; i < N; i++) {
            y.putScalar(i, i % 3, 1);
        }
        return y;
    }

    @Test
    void fgsmIsEpsilonTimesTheGradientsSignClippedToTheUnitInterval() {
        double eps = 0.1;
        float[] g = net.inputGradient(x, y).data().asFloat();
        float[] clean = x.dup().data().asFloat();
        float[] adv = Attack.fgsm(eps).perturb(net, x, y, new SplitMix64(1)).data().asFloat();
        int clipped = 0;
        for (int i = 0; i < clean.length; i++) {
            double expected = Math.min(1, Math.max(0, clean[i] + eps * Math.signum(g[i])));
            assertEquals(expected, adv[i], 1e-6, "pixel " + i);
            clipped += expected != clean[i] + eps * Math.signum(g[i]) ? 1 : 0;
        }
        assertTrue(clipped > 0, "the test's pixels at 0 and 1 exercise the clipping");
        assertEquals(x, Nd4j.create(clean, new long[] {N, D}, 'c'), "the clean input is left unchanged");
    }

    @Test
    void pgdStaysInsideTheEpsilonBallAndRaisesTheLoss() {
        double eps = 0.05;
        INDArray adv = Attack.pgd(eps, 10).perturb(net, x, y, new SplitMix64(2));
        double maxShift = adv.sub(x).amaxNumber().doubleValue();
        assertTrue(maxShift <= eps + 1e-6, "max |x' - x| = " + maxShift);
        assertTrue(maxShift > eps / 2, "PGD moves the input, max |x' - x| = " + maxShift);
        assertTrue(adv.minNumber().doubleValue() >= 0 && adv.maxNumber().doubleValue() <= 1, "pixels in [0, 1]");
        assertTrue(loss(adv) > loss(x), "loss " + loss(adv) + " after PGD against " + loss(x) + " before");
    }

    @Test
    void adversarialBatchesAreTheCleanBatchesAttacked() {
        ArrayDataset clean = new ArrayDataset(x, y);
        Iterator<DataSet> it = new Adversarial.AdversarialBatches(clean, net, Attack.fgsm(0.1)).batches(N, 3, 0);
        DataSet b = it.next();
        assertTrue(!it.hasNext(), "one batch of " + N);
        org.nd4j.linalg.dataset.api.DataSet c = clean.batches(N, 3, 0).next();
        assertEquals(c.getLabels(), b.getLabels(), "the same examples in the same order, labels kept");
        double shift = b.getFeatures().sub(c.getFeatures()).amaxNumber().doubleValue();
        assertEquals(0.1, shift, 1e-6, "every batch moved by FGSM's epsilon at most, and some pixel by all of it");
    }

    @Test
    void negativeEpsilonIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Attack.fgsm(-0.1));
        assertTrue(e.getMessage().contains("-0.1"), e.getMessage());
    }

    private double loss(INDArray input) {
        return ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork) net.model()).score(new DataSet(input, y), false);
    }
}
