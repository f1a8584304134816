package dev.primer.nn.seq;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Encodes sketches with a trained {@link SketchRnn} and draws new ones from its decoder, one step at a time, feeding
 * each sampled point back (Ha &amp; Eck 2017, §3.3). Not thread-safe.
 */
public final class SketchSampler {
    private final SketchRnn model;
    private final ExprNet encoder;
    private final ExprNet start;
    private final ExprNet step;

    /** A sampler running {@code model} with the parameters {@code params} of its trained network. */
    public SketchSampler(SketchRnn model, INDArray params) {
        this.model = model;
        this.encoder = model.latent() > 0 ? withParams(model.encoder(), params) : null;
        this.start = model.latent() > 0 ? withParams(model.start(), params) : null;
        this.step = withParams(model.step(), params);
    }

    private static ExprNet withParams(Program program, INDArray params) {
        ExprNet net = new ExprNet(program, Updates.adam(0), 0);
        if (net.params().length() != params.length()) {
            throw new IllegalArgumentException("the parameters hold " + params.length() + " values; this sketch-rnn"
                    + " has " + net.params().length());
        }
        net.params().assign(params);
        return net;
    }

    /** μ of q(z | S) for each row of {@code strokes} (rows laid out as {@link SketchRnn#stroke5}). */
    public float[][] encode(float[][] strokes) {
        if (encoder == null) {
            throw new IllegalStateException("the unconditional decoder has no encoder");
        }
        return encoder.outputs(Nd4j.createFromArray(strokes)).get(SketchRnn.MU).toFloatMatrix();
    }

    /**
     * One sketch per row of {@code z} (or {@code count} sketches from the unconditional decoder, {@code z} null),
     * sampled at temperature τ: the mixture weights and pen logits divided by τ before their softmax, the variances
     * multiplied by τ (§3.3). Each sketch is stroke-3 rows (Δx, Δy, p), p = 1 where the pen lifts, in the model's
     * units, and ends at the first end-of-sketch state or after {@code maxSteps} points.
     */
    public List<float[][]> decode(float[][] z, int count, double tau, int maxSteps, SplitMix64 rng) {
        int rows = z == null ? count : z.length;
        int m = model.mixtures();
        int hidden = model.decoderCells();
        float[][] h;
        float[][] c;
        if (z != null) {
            Map<String, INDArray> s = start.outputs(Nd4j.createFromArray(z));
            h = s.get(SketchRnn.H).toFloatMatrix();
            c = s.get(SketchRnn.C).toFloatMatrix();
        } else {
            h = new float[rows][hidden];
            c = new float[rows][hidden];
        }
        float[][] in = new float[rows][model.stepColumns()];
        List<List<float[]>> out = new ArrayList<>();
        boolean[] done = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            in[r][2] = 1;
            if (z != null) {
                System.arraycopy(z[r], 0, in[r], SketchRnn.POINT, z[r].length);
            }
            out.add(new ArrayList<>());
        }
        for (int t = 0; t < maxSteps; t++) {
            Map<String, INDArray> o = step.outputs(Nd4j.createFromArray(in), Nd4j.createFromArray(h),
                    Nd4j.createFromArray(c));
            h = o.get(SketchRnn.H).toFloatMatrix();
            c = o.get(SketchRnn.C).toFloatMatrix();
            float[][] y = o.get(SketchRnn.Y).toFloatMatrix();
            boolean any = false;
            for (int r = 0; r < rows; r++) {
                if (done[r]) {
                    continue;
                }
                int pen = categorical(y[r], 6 * m, 3, tau, rng);
                int j = categorical(y[r], 0, m, tau, rng);
                double sx = Math.exp(y[r][3 * m + j]) * Math.sqrt(tau);
                double sy = Math.exp(y[r][4 * m + j]) * Math.sqrt(tau);
                double rho = Math.tanh(y[r][5 * m + j]);
                double e1 = rng.nextGaussianBoxMuller();
                double e2 = rng.nextGaussianBoxMuller();
                float dx = (float) (y[r][m + j] + sx * e1);
                float dy = (float) (y[r][2 * m + j] + sy * (rho * e1 + Math.sqrt(1 - rho * rho) * e2));
                Arrays.fill(in[r], 0, SketchRnn.POINT, 0f);
                in[r][0] = dx;
                in[r][1] = dy;
                in[r][2 + pen] = 1;
                if (pen == 2) {
                    done[r] = true;
                } else {
                    out.get(r).add(new float[] {dx, dy, pen});
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        List<float[][]> sketches = new ArrayList<>();
        for (List<float[]> s : out) {
            sketches.add(s.toArray(float[][]::new));
        }
        return sketches;
    }

    /** A draw from softmax(v[from … from + k − 1] / τ). */
    private static int categorical(float[] v, int from, int k, double tau, SplitMix64 rng) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, v[from + j] / tau);
        }
        double[] w = new double[k];
        double total = 0;
        for (int j = 0; j < k; j++) {
            w[j] = Math.exp(v[from + j] / tau - max);
            total += w[j];
        }
        double u = rng.nextDouble() * total;
        for (int j = 0; j < k - 1; j++) {
            u -= w[j];
            if (u < 0) {
                return j;
            }
        }
        return k - 1;
    }
}
