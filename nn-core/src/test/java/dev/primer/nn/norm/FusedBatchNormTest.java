package dev.primer.nn.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Networks;
import dev.primer.nn.Networks.BatchNorm;
import dev.primer.nn.Networks.TowerSpec;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused batch-norm(+ReLU) tower against the same tower built from DL4J's BatchNormalization and ActivationLayer,
 * with the same parameters: same training-mode loss and gradients, same losses over Adam steps, same inference
 * outputs after them (running statistics), and a checkpoint round trip.
 */
class FusedBatchNormTest {
    private static final TowerSpec SPEC = new TowerSpec(5, 5, 8, 2, 26, 0, Networks.TowerHeads.POLICY);
    private static final Updates ADAM = new Updates(Optimizer.adam(), LearningRate.constant(1e-2), 1e-4, 0);

    @Test
    void gradientsMatchDl4jBatchNormAndActivationLayers() {
        ComputationGraph fused = Networks.residualTower(SPEC, ADAM, 3, BatchNorm.FUSED);
        ComputationGraph dl4j = sameParams(fused);
        assertInstanceOf(FusedBatchNormLayer.class, fused.getLayer("stem_bn"));
        INDArray[] x = {input(8, 11)};
        INDArray[] y = {labels(8)};
        Map<String, INDArray> gf = gradient(fused, x, y);
        Map<String, INDArray> gd = gradient(dl4j, x, y);
        assertEquals(dl4j.score(), fused.score(), 1e-5 * Math.abs(dl4j.score()), "training-mode loss");
        assertEquals(gd.keySet(), gf.keySet());
        for (String k : gd.keySet()) {
            INDArray d = gd.get(k);
            double tol = 1e-4 * Math.max(d.norm2Number().doubleValue(), 1e-3);
            assertTrue(d.sub(gf.get(k)).norm2Number().doubleValue() <= tol,
                    k + ": |Δ| = " + d.sub(gf.get(k)).norm2Number() + " against |g| = " + d.norm2Number());
        }
    }

    @Test
    void adamStepsGiveTheSameLossesAndInferenceOutputs() {
        ComputationGraph fused = Networks.residualTower(SPEC, ADAM, 4, BatchNorm.FUSED);
        ComputationGraph dl4j = sameParams(fused);
        INDArray x = input(16, 12);
        INDArray y = labels(16);
        double[] lf = new double[6];
        double[] ld = new double[6];
        for (int i = 0; i < lf.length; i++) {
            fused.fit(new INDArray[] {x}, new INDArray[] {y});
            dl4j.fit(new INDArray[] {x}, new INDArray[] {y});
            lf[i] = fused.score();
            ld[i] = dl4j.score();
        }
        assertArrayEquals(ld, lf, 1e-3 * ld[0], "losses over 6 Adam steps");
        assertTrue(lf[5] < lf[0], "training lowers the loss");
        INDArray probe = input(4, 13);
        INDArray of = fused.output(false, probe)[0];
        INDArray od = dl4j.output(false, probe)[0];
        assertTrue(of.equalsWithEps(od, 1e-4), "inference outputs (running statistics)\n" + of + "\n" + od);
    }

    @Test
    void checkpointRoundTripKeepsTheFusedLayers() throws IOException {
        ComputationGraph fused = Networks.residualTower(SPEC, ADAM, 5, BatchNorm.FUSED);
        fused.fit(new INDArray[] {input(8, 14)}, new INDArray[] {labels(8)});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(fused, bytes, true);
        ComputationGraph back = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()),
                true);
        assertInstanceOf(FusedBatchNormLayer.class, back.getLayer("res0_b_bn"));
        assertTrue(((FusedBatchNorm) back.getLayer("stem_bn").conf().getLayer()).relu());
        INDArray probe = input(3, 15);
        assertEquals(fused.output(false, probe)[0], back.output(false, probe)[0]);
    }

    @Test
    void aDeadChannelKeepsAFiniteRunningVariance() {
        ComputationGraph fused = Networks.residualTower(SPEC, ADAM, 6, BatchNorm.FUSED);
        fused.getLayer("stem_conv").getParam("W").get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).assign(0);
        Layer bn = fused.getLayer("stem_bn");
        String logStd = org.deeplearning4j.nn.params.BatchNormalizationParamInitializer.GLOBAL_LOG_STD;
        bn.getParam(logStd).putScalar(0, -30);
        fused.fit(new INDArray[] {input(8, 16)}, new INDArray[] {labels(8)});
        float after = bn.getParam(logStd).getFloat(0);
        assertTrue(Float.isFinite(after) && after >= Math.log10(FusedBatchNormLayer.VARIANCE_FLOOR) / 2 - 1e-3,
                "channel 0 saw a batch variance of 0 with a running variance below float's range: " + after);
        for (float p : fused.output(false, input(4, 17))[0].ravel().toFloatVector()) {
            assertTrue(Float.isFinite(p), "inference output " + p);
        }
    }

    /** The DL4J-layer twin of {@code fused}, every layer's parameters copied by name. */
    static ComputationGraph sameParams(ComputationGraph fused) {
        ComputationGraph dl4j = Networks.residualTower(SPEC, ADAM, 99, BatchNorm.DL4J);
        for (Layer l : fused.getLayers()) {
            Layer twin = dl4j.getLayer(l.conf().getLayer().getLayerName());
            l.paramTable().forEach((k, v) -> twin.setParam(k, v.dup()));
        }
        return dl4j;
    }

    private static Map<String, INDArray> gradient(ComputationGraph g, INDArray[] x, INDArray[] y) {
        g.setInputs(x);
        g.setLabels(y);
        g.computeGradientAndScore();
        Map<String, INDArray> m = new java.util.TreeMap<>();
        g.gradient().gradientForVariable().forEach((k, v) -> m.put(k, v.dup()));
        return m;
    }

    private static INDArray input(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, n, SPEC.inputPlanes(), SPEC.boardSize(), SPEC.boardSize()).muli(2).subi(1);
    }

    private static INDArray labels(int n) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, SPEC.policyOutputs());
        for (int i = 0; i < n; i++) {
            y.putScalar(i, (i * 7) % SPEC.policyOutputs(), 1);
        }
        return y;
    }
}
