package dev.primer.nn.seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.ExprNetTest;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Sketch-RNN's stroke layout, its mixture likelihood and its programs (Ha & Eck 2017, §3). */
class SketchRnnTest {
    private static final SketchRnn.KlTerm KL = new SketchRnn.KlTerm(0.5, 0.01, 0.999, 0.2);
    private static final SketchRnn SMALL = new SketchRnn(4, 5, 6, 3, 2, KL);
    private static final float[][] SKETCH = {{1, 2, 0}, {-3, 0.5f, 1}, {2, -2, 1}};

    @Test
    void stroke5RoundTripsAndPadsWithEndOfSketch() {
        float[] row = SMALL.stroke5(SKETCH, 2);
        assertArrayEquals(new float[] {0, 0, 1, 0, 0}, java.util.Arrays.copyOfRange(row, 0, 5));
        assertArrayEquals(new float[] {0.5f, 1, 1, 0, 0}, java.util.Arrays.copyOfRange(row, 5, 10));
        assertArrayEquals(new float[] {-1.5f, 0.25f, 0, 1, 0}, java.util.Arrays.copyOfRange(row, 10, 15));
        assertArrayEquals(new float[] {0, 0, 0, 0, 1}, java.util.Arrays.copyOfRange(row, 20, 25));
        float[][] back = SMALL.stroke3(row, 2);
        assertEquals(SKETCH.length, back.length);
        for (int i = 0; i < SKETCH.length; i++) {
            assertArrayEquals(SKETCH[i], back[i], 1e-6f);
        }
    }

    /** The mixture's log-likelihood against eq. 3 of Ha & Eck written out in double precision. */
    @Test
    void mixtureLogLikelihoodMatchesADirectComputation() {
        int m = 3;
        int steps = 2;
        Program.Builder p = Program.builder();
        Expr in = p.input("in", 6 * m * steps);
        Expr x = p.input("x", m * steps);
        Expr y = p.input("y", m * steps);
        int w = m * steps;
        SketchRnn.Mixture mix = new SketchRnn.Mixture(p.columns(in, 0, w), p.columns(in, w, w),
                p.columns(in, 2 * w, w), p.columns(in, 3 * w, w), p.columns(in, 4 * w, w), p.columns(in, 5 * w, w));
        Expr ll = mix.logLikelihood(p, x, y, m);
        // An optimiser needs a parameter: a zero bias under the loss, which leaves ll alone.
        Expr loss = p.meanRows(p.rowSum(p.add(ll, p.broadcast(p.param("zero", 1, steps, 0), ll))));
        ExprNet net = new ExprNet(p.build(loss, Map.of("ll", ll)), Updates.adam(0), 1);
        SplitMix64 rng = SplitMix64.seeded(3);
        int rows = 4;
        double[][] raw = new double[rows][6 * w];
        double[][] tx = new double[rows][steps];
        double[][] ty = new double[rows][steps];
        float[][] fin = new float[rows][6 * w];
        float[][] fx = new float[rows][w];
        float[][] fy = new float[rows][w];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < 6 * w; k++) {
                raw[r][k] = (float) rng.nextGaussianBoxMuller();
                fin[r][k] = (float) raw[r][k];
            }
            for (int t = 0; t < steps; t++) {
                tx[r][t] = (float) (2 * rng.nextGaussianBoxMuller());
                ty[r][t] = (float) (2 * rng.nextGaussianBoxMuller());
                for (int j = 0; j < m; j++) {
                    fx[r][t * m + j] = (float) tx[r][t];
                    fy[r][t * m + j] = (float) ty[r][t];
                }
            }
        }
        float[][] got = net.outputs(Nd4j.createFromArray(fin), Nd4j.createFromArray(fx), Nd4j.createFromArray(fy))
                .get("ll").toFloatMatrix();
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < steps; t++) {
                double z = 0;
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    z += Math.exp(raw[r][t * m + j]);
                }
                for (int j = 0; j < m; j++) {
                    int k = t * m + j;
                    double pi = Math.exp(raw[r][k]) / z;
                    double sx = Math.exp(raw[r][3 * w + k]);
                    double sy = Math.exp(raw[r][4 * w + k]);
                    double rho = Math.tanh(raw[r][5 * w + k]);
                    double dx = (tx[r][t] - raw[r][w + k]) / sx;
                    double dy = (ty[r][t] - raw[r][2 * w + k]) / sy;
                    double q = dx * dx + dy * dy - 2 * rho * dx * dy;
                    sum += pi * Math.exp(-q / (2 * (1 - rho * rho)))
                            / (2 * Math.PI * sx * sy * Math.sqrt(1 - rho * rho));
                }
                assertEquals(Math.log(sum), got[r][t], 1e-4 * Math.max(1, Math.abs(Math.log(sum))),
                        "row " + r + " step " + t);
            }
        }
    }

    private static INDArray[] batch(SketchRnn model) {
        float[][] s = new float[2][];
        float[][] mask = new float[2][];
        float[][] other = {{0.5f, -1, 1}, {1, 1, 0}, {0, 2, 0}, {-1, 0, 1}};
        s[0] = model.stroke5(SKETCH, 1);
        s[1] = model.stroke5(other, 1);
        mask[0] = model.mask(SKETCH.length);
        mask[1] = model.mask(other.length);
        return new INDArray[] {Nd4j.createFromArray(s), Nd4j.createFromArray(mask)};
    }

    @Test
    void trainingGradientsMatchCentralDifferences() {
        SketchRnn model = new SketchRnn(4, 1, 2, 1, 2, KL);
        ExprNet net = new ExprNet(model.training(), Updates.adam(1e-3), 2);
        double worst = ExprNetTest.worstGradientError(net, net, batch(model), 1e-3);
        assertTrue(worst < 5e-3, "worst relative gradient error " + worst);
    }

    /** Until the annealing has run, max(L_KL, KL_min) enters at weight w_KL·η_min: at update 0 it is exactly that. */
    @Test
    void theLossIsReconstructionPlusTheAnnealedFlooredKl() {
        ExprNet net = new ExprNet(SMALL.training(), Updates.adam(1e-3), 2);
        INDArray[] b = batch(SMALL);
        double loss = net.gradient(b);
        Map<String, INDArray> out = net.outputs(2 * 0x9E3779B97F4A7C15L, b);
        double lr = out.get(SketchRnn.RECONSTRUCTION).meanNumber().doubleValue();
        double kl = out.get(SketchRnn.KL).meanNumber().doubleValue();
        assertEquals(lr + KL.weight() * KL.etaMin() * Math.max(kl, KL.floor()), loss, 1e-5);
    }

    @Test
    void theSamplerEncodesAndDrawsPenStatesWithinTheStepLimit() {
        ExprNet net = new ExprNet(SMALL.training(), Updates.adam(1e-3), 2);
        SketchSampler sampler = new SketchSampler(SMALL, net.params());
        float[][] mu = sampler.encode(batch(SMALL)[0].toFloatMatrix());
        assertEquals(2, mu.length);
        assertEquals(SMALL.latent(), mu[0].length);
        List<float[][]> drawn = sampler.decode(mu, 0, 0.5, SMALL.steps(), SplitMix64.seeded(1));
        assertEquals(2, drawn.size());
        for (float[][] d : drawn) {
            assertTrue(d.length <= SMALL.steps());
            for (float[] point : d) {
                assertTrue(point[2] == 0 || point[2] == 1);
            }
        }
    }
}
