package dev.primer.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Backend;
import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.train.Checkpoint;
import dev.primer.nn.train.TrainState;
import dev.primer.random.SplitMix64;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.Set;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/** primer's one-pass Adam against DL4J's native one: same updates, same state layout, same resumed runs. */
class AdamTest {
    /** Two whole chunks of {@code FloatViews} and an odd remainder. */
    private static final int N = 2 * 2048 + 77;
    private static final int STEPS = 12;
    private static final double TOLERANCE = 1e-6;

    @TempDir
    Path dir;

    @BeforeAll
    static void init() {
        Backend.init();
    }

    /** Gradients whose magnitudes span 1e-8..10, so that ε's placement and the bias corrections both show. */
    private static INDArray gradient(SplitMix64 rng) {
        float[] g = new float[N];
        for (int i = 0; i < N; i++) {
            g[i] = (float) ((2 * rng.nextDouble() - 1) * Math.pow(10, -8 + 9 * rng.nextDouble()));
        }
        return Nd4j.createFromArray(g).reshape(1, N);
    }

    private static org.nd4j.linalg.learning.config.Adam dl4jAdam(LearningRate lr, double b1, double b2, double eps) {
        org.nd4j.linalg.learning.config.Adam a = new org.nd4j.linalg.learning.config.Adam(lr.initial(), b1, b2, eps);
        if (lr.schedule() != null) {
            a.setLrAndSchedule(lr.initial(), lr.schedule());
        }
        return a;
    }

    /** Largest difference of the two networks' moves from {@code start}, relative to the largest move. */
    private static double moveError(INDArray start, INDArray a, INDArray b) {
        INDArray moveB = b.sub(start);
        return a.sub(start).subi(moveB).amaxNumber().doubleValue() / moveB.amaxNumber().doubleValue();
    }

    /** Largest |a − b| / max(|b|, scale) over the elements. */
    private static double relativeError(float[] a, float[] b, float[] scale) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), scale[i]));
        }
        return worst;
    }

    /**
     * Steps both updaters on the same gradients and checks the updates and both moments at every step 1..STEPS.
     * Where β1·m + (1−β1)·g cancels, a last-bit difference in its terms (libnd4j's compiler may fuse them into an
     * FMA) is amplified, so each element of m and of the update is compared relative to the size m would have
     * without cancellation, the same average of |g| (times α_t / (√v + ε) for the update); v sums positive terms.
     */
    private static void sameAsDl4j(LearningRate lr, double b1, double b2, double eps) {
        INDArray ours = Nd4j.zeros(DataType.FLOAT, 1, 2 * N);
        INDArray theirs = Nd4j.zeros(DataType.FLOAT, 1, 2 * N);
        GradientUpdater<?> u = new Optimizer.Adam(b1, b2, eps).updater(lr).instantiate(ours, true);
        GradientUpdater<?> d = dl4jAdam(lr, b1, b2, eps).instantiate(theirs, true);
        SplitMix64 rng = SplitMix64.seeded(7);
        double[] absMoment = new double[N];
        for (int t = 0; t < STEPS; t++) {
            INDArray g = gradient(rng);
            INDArray h = g.dup();
            float[] grad = g.toFloatVector();
            u.applyUpdater(g, t, 0);
            d.applyUpdater(h, t, 0);
            float[] after = theirs.toFloatVector();
            double alpha = lr.at(t) * Math.sqrt(1 - Math.pow(b2, t + 1)) / (1 - Math.pow(b1, t + 1));
            float[] stateScale = new float[2 * N];
            float[] updateScale = new float[N];
            for (int i = 0; i < N; i++) {
                absMoment[i] = b1 * absMoment[i] + (1 - b1) * Math.abs(grad[i]);
                stateScale[i] = (float) absMoment[i];
                stateScale[N + i] = Math.abs(after[N + i]);
                updateScale[i] = (float) (alpha * stateScale[i] / (Math.sqrt(after[N + i]) + eps));
            }
            double update = relativeError(g.toFloatVector(), h.toFloatVector(), updateScale);
            double moments = relativeError(ours.toFloatVector(), after, stateScale);
            assertTrue(update < TOLERANCE, "update at step " + (t + 1) + ", " + lr + ": " + update);
            assertTrue(moments < TOLERANCE, "moments at step " + (t + 1) + ", " + lr + ": " + moments);
        }
        assertEquals(d.getState().keySet(), u.getState().keySet(), "DL4J's state names");
    }

    @Test
    void matchesDl4jsAdamAtEveryStepOfBiasCorrection() {
        sameAsDl4j(LearningRate.constant(1e-3), 0.9, 0.999, 1e-8);
    }

    @Test
    void matchesDl4jsAdamWithOtherDecaysAndEpsilon() {
        sameAsDl4j(LearningRate.constant(2e-4), 0.5, 0.95, 1e-4);
    }

    @Test
    void matchesDl4jsAdamUnderLearningRateSchedules() {
        sameAsDl4j(LearningRate.step(1e-2, 0.5, 3), 0.9, 0.999, 1e-8);
        sameAsDl4j(LearningRate.poly(1e-2, 1, STEPS + 1), 0.9, 0.999, 1e-8);
    }

    @Test
    void aZeroLearningRateLeavesTheParametersAlone() {
        GradientUpdater<?> u = Optimizer.adam().updater(LearningRate.poly(1e-3, 1, 1))
                .instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2 * N), true);
        INDArray g = gradient(SplitMix64.seeded(3));
        u.applyUpdater(g, 1, 0);
        assertEquals(0.0, g.amaxNumber().doubleValue(), 0.0, "DL4J's op would step by ε here");
    }

    @Test
    void theRuleSurvivesJavaSerialisationWithItsStateNames() throws Exception {
        IUpdater rule = Optimizer.adam().updater(LearningRate.poly(1e-3, 1, 100));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(rule);
        }
        Object back = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertEquals(rule, back);
        assertEquals(Set.of("M", "V"),
                ((IUpdater) back).instantiate(Nd4j.zeros(DataType.FLOAT, 1, 8), true).getState().keySet());
    }

    /** A copy of {@code net}'s configuration and parameters whose every layer updates with DL4J's Adam. */
    private static MultiLayerNetwork withDl4jsAdam(MultiLayerNetwork net, LearningRate lr) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations().clone();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            BaseLayer layer = (BaseLayer) conf.getConf(i).getLayer();
            IUpdater before = layer.getIUpdater();
            assertInstanceOf(Adam.class, before, "Optimizer.adam() builds primer's Adam");
            layer.setIUpdater(dl4jAdam(lr, 0.9, 0.999, 1e-8));
        }
        MultiLayerNetwork copy = new MultiLayerNetwork(conf);
        copy.init(net.params().dup(), true);
        return copy;
    }

    private static void fit(SplitMix64 rng, int steps, MultiLayerNetwork... nets) {
        for (int s = 0; s < steps; s++) {
            float[] x = new float[16 * 6];
            float[] y = new float[16 * 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (2 * rng.nextDouble() - 1);
            }
            for (int r = 0; r < 16; r++) {
                y[r * 3 + (int) (rng.nextDouble() * 3)] = 1;
            }
            for (MultiLayerNetwork n : nets) {
                n.fit(Nd4j.createFromArray(x).reshape(16, 6), Nd4j.createFromArray(y).reshape(16, 3));
            }
        }
    }

    @Test
    void aNetworkWithL2AndClippingTrainsAsUnderDl4jsAdam() {
        LearningRate lr = LearningRate.step(1e-2, 0.5, 4);
        MultiLayerNetwork ours = Networks.mlp(6, new int[] {33, 17}, 3, new Updates(Optimizer.adam(), lr, 1e-2, 0.5),
                11);
        MultiLayerNetwork theirs = withDl4jsAdam(ours, lr);
        INDArray start = ours.params().dup();
        fit(SplitMix64.seeded(5), 10, ours, theirs);
        double error = moveError(start, ours.params(), theirs.params());
        assertTrue(error < 1e-4, "parameters' moves over 10 steps differ by " + error);
    }

    @Test
    void aCheckpointWrittenUnderDl4jsAdamContinuesUnderPrimersUnchanged() throws IOException {
        LearningRate lr = LearningRate.constant(1e-2);
        MultiLayerNetwork ours = Networks.mlp(6, new int[] {33}, 3, new Updates(Optimizer.adam(), lr, 1e-3, 0), 12);
        MultiLayerNetwork old = withDl4jsAdam(ours, lr);
        fit(SplitMix64.seeded(6), 5, old);
        Path f = dir.resolve("old.bin");
        Checkpoint.write(f, Net.of(old), TrainState.start(5, 16));
        MultiLayerNetwork resumedOld = ((Net.Sequential) Checkpoint.read(f).net()).net();
        assertInstanceOf(org.nd4j.linalg.learning.config.Adam.class,
                ((BaseLayer) resumedOld.getLayerWiseConfigurations().getConf(0).getLayer()).getIUpdater(),
                "an old checkpoint keeps the rule it was written with");
        ours.setParams(resumedOld.params());
        ours.getUpdater().getStateViewArray().assign(resumedOld.getUpdater().getStateViewArray());
        ours.setIterationCount(resumedOld.getIterationCount());
        INDArray start = resumedOld.params().dup();
        fit(SplitMix64.seeded(8), 5, resumedOld, ours);
        double error = moveError(start, ours.params(), resumedOld.params());
        assertTrue(error < 1e-4, "five steps on from the old state differ by " + error);
    }
}
