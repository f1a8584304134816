package dev.primer.prob.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.ExprNetTest;
import dev.primer.nn.optim.Updates;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The IWAE objective in the graph: L_1 is the ELBO's log w, L_k is Bounds' log-mean-exp on the same draws. */
class IwaeTest {
    @Test
    void atOneSampleTheBoundIsTheLogWeightOfTheVaeOnTheSameDraws() {
        Iwae one = new Iwae(VaeTest.SMALL, 1);
        ExprNet iwae = one.build(Updates.adam(1e-3), 4);
        ExprNet vae = one.evaluator(iwae);
        INDArray x = VaeTest.testImages(50);
        double[] lk = iwae.outputs(9, x).get(Iwae.L_K).toDoubleVector();
        double[] logW = vae.outputs(9, x).get(Vae.LOG_W).toDoubleVector();
        for (int r = 0; r < lk.length; r++) {
            assertEquals(logW[r], lk[r], 1e-4 * Math.abs(logW[r]), "row " + r);
        }
        // Written in the Vae's order, the same seed initialises the two programs alike.
        assertEquals(VaeTest.SMALL.build(Updates.adam(1e-3), 4).params(), iwae.params());
    }

    @Test
    void atFiveSamplesTheBoundIsTheLogMeanExpOfFiveVaeWeightsAndAtLeastTheirMean() {
        int k = 5;
        Iwae five = new Iwae(VaeTest.SMALL, k);
        ExprNet iwae = five.build(Updates.adam(1e-3), 6);
        ExprNet vae = five.evaluator(iwae);
        INDArray x = VaeTest.testImages(40);
        Map<String, INDArray> out = iwae.outputs(11, x);
        double[] lk = out.get(Iwae.L_K).toDoubleVector();
        double[] meanLogW = out.get(Iwae.MEAN_LOG_W).toDoubleVector();
        // The graph's k samples of row r are the k consecutive rows r·k… of the one-sample program on repeated rows:
        // both draw the same stream of ε in row-major order.
        int[] each = new int[40 * k];
        for (int i = 0; i < each.length; i++) {
            each[i] = i / k;
        }
        double[] logW = vae.outputs(11, x.getRows(each)).get(Vae.LOG_W).toDoubleVector();
        double gapSum = 0;
        for (int r = 0; r < lk.length; r++) {
            assertEquals(Bounds.logMeanExp(logW, r * k, k), lk[r], 1e-4 * Math.abs(lk[r]), "row " + r);
            assertTrue(lk[r] >= meanLogW[r] - 1e-3, "Jensen, row " + r + ": " + lk[r] + " < " + meanLogW[r]);
            gapSum += lk[r] - meanLogW[r];
        }
        assertTrue(gapSum / lk.length > 1, "the bound is visibly tighter than the mean ELBO: " + gapSum / lk.length);
    }

    @Test
    void lossGradientMatchesCentralDifferences() {
        Iwae tiny = new Iwae(new Vae(6, 5, 2), 3);
        ExprNet net = tiny.build(Updates.adam(1e-3), 5);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 6).gt(0.5).castTo(DataType.FLOAT);
        // Central differences are wrong across a ReLU kink: no encoder pre-activation may lie within h of zero (the
        // decoder's depend on the draws; seed 5 keeps them clear too, or the check below would fail).
        double h = 1e-3;
        INDArray pre = x.mmul(net.param("enc.W")).addRowVector(net.param("enc.b"));
        double nearest = Transforms.abs(pre).minNumber().doubleValue();
        assertTrue(nearest > 2 * h, "a pre-activation at " + nearest + " is too close to the ReLU kink");
        net.setIterations(7);
        double worst = ExprNetTest.worstGradientError(net, net, new INDArray[] {x}, h);
        // Float32 losses of size ~5 are rounded by ~1e-6, so central differences are good to ~1e-3.
        assertTrue(worst < 5e-3, "worst relative gradient error " + worst);
    }

    @Test
    void activeUnitsCountsTheLatentsWhoseMeanVariesOverImages() {
        ExprNet net = VaeTest.SMALL.build(Updates.adam(1e-3), 8);
        INDArray x = VaeTest.testImages(100);
        assertEquals(0, Iwae.activeUnits(net, x), "at initialisation no mean varies by 0.1");
        net.param("enc.mu.W").muli(30);
        int before = Iwae.activeUnits(net, x);
        // Columns 0–2 of the μ head's weights and bias set to zero: those units' means are 0 for every image.
        net.param("enc.mu.W").get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3)).assign(0);
        net.param("enc.mu.b").get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3)).assign(0);
        int after = Iwae.activeUnits(net, x);
        assertEquals(before - 3, after, "before " + before);
        assertEquals(8, before, "scaled up, every mean varies");
    }

    @Test
    void noSamplesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Iwae(VaeTest.SMALL, 0));
    }
}
