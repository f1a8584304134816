package dev.primer.prob.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The VAE's closed-form KL, its bounds' ordering, and the binarisation. */
class VaeTest {
    static final Vae SMALL = new Vae(784, 64, 8);

    static INDArray testImages(int n) {
        ArrayDataset test = Datasets.fashionMnist(Datasets.Split.TEST, n);
        return Vae.binarize(test.features());
    }

    @Test
    void closedFormKlMatchesAMonteCarloEstimate() {
        ExprNet net = SMALL.build(Updates.adam(1e-3), 5);
        // Push the encoder's variances away from 1 so that the KL is not trivially about μ alone.
        net.param("enc.logvar.b").addi(0.7);
        Map<String, INDArray> out = net.outputs(testImages(3));
        SplitMix64 rng = SplitMix64.seeded(17);
        int samples = 20_000;
        for (int r = 0; r < 3; r++) {
            double[] mu = out.get(Vae.MU).getRow(r).toDoubleVector();
            double[] logvar = out.get(Vae.LOGVAR).getRow(r).toDoubleVector();
            double sum = 0;
            double sumSq = 0;
            for (int s = 0; s < samples; s++) {
                // log q(z|x) − log p(z) at z = μ + σε: −½ Σ (ε² + log σ²) + ½ Σ z² (the log 2π terms cancel).
                double v = 0;
                for (int j = 0; j < mu.length; j++) {
                    double eps = rng.nextGaussianBoxMuller();
                    double z = mu[j] + Math.exp(0.5 * logvar[j]) * eps;
                    v += 0.5 * (z * z - eps * eps - logvar[j]);
                }
                sum += v;
                sumSq += v * v;
            }
            double mean = sum / samples;
            double se = Math.sqrt((sumSq / samples - mean * mean) / samples);
            double closed = out.get(Vae.KL).getDouble(r, 0);
            assertEquals(closed, mean, 4 * se, "row " + r + ": Monte Carlo " + mean + " ± " + se);
        }
    }

    @Test
    void elboIsBelowTheImportanceBoundWhichTightensWithK() {
        ExprNet net = SMALL.build(Updates.adam(1e-3), 3);
        INDArray x = testImages(200);
        Bounds one = Bounds.of(net, x, 1, 1);
        Bounds five = Bounds.of(net, x, 5, 2);
        Bounds fifty = Bounds.of(net, x, 50, 3);
        // Burda et al. 2016, Theorem 1: E[L_1] ≤ E[L_5] ≤ E[L_50]. The per-example differences of independent
        // estimates have a standard error; require each mean gap to exceed 3 of them.
        assertGap(one.perExample(), five.perExample());
        assertGap(five.perExample(), fifty.perExample());
        assertEquals(one.elbo(), one.iwae(), 3 * Math.abs(one.elbo()) / Math.sqrt(200),
                "L_1 is the ELBO (two independent one-sample estimates)");
    }

    /** Asserts that the mean of upper − lower exceeds 3 standard errors of the per-example differences. */
    static void assertGap(double[] lower, double[] upper) {
        Bounds.Gap gap = Bounds.gap(lower, upper);
        assertTrue(gap.mean() > 3 * gap.standardError(), "mean gap " + gap.mean() + " with standard error "
                + gap.standardError());
    }

    @Test
    void thePairedGapHasTheStandardErrorOfTheDifferences() {
        Bounds.Gap gap = Bounds.gap(new double[] {1, 2, 3}, new double[] {3, 5, 7});
        // Differences 2, 3, 4: mean 3, sample standard deviation 1, standard error 1/√3.
        assertEquals(3, gap.mean(), 1e-12);
        assertEquals(1 / Math.sqrt(3), gap.standardError(), 1e-12);
    }

    @Test
    void logMeanExpIsStableForHugeMagnitudes() {
        double[] a = {-1000, -1000 + Math.log(3)};
        assertEquals(-1000 + Math.log(2), Bounds.logMeanExp(a, 0, 2), 1e-9);
        assertEquals(800, Bounds.logMeanExp(new double[] {800, 800}, 0, 2), 1e-9);
    }

    @Test
    void binarisationKeepsPixelsAbove127() {
        INDArray px = org.nd4j.linalg.factory.Nd4j.createFromArray(new float[] {0, 127 / 255f, 128 / 255f, 1})
                .reshape(1, 4);
        assertEquals(org.nd4j.linalg.factory.Nd4j.createFromArray(new float[] {0, 0, 1, 1}).reshape(1, 4),
                Vae.binarize(px));
    }
}
