package dev.primer.nn.norm;

import dev.primer.nn.optim.FloatViews;
import java.nio.FloatBuffer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer of a {@link FusedBatchNorm}: y = max(0, γ·x̂ + β) (or without the max), x̂ = (x − μ)/√(σ² + ε) per channel,
 * with μ, σ² the batch's statistics in training and the running estimates in inference (Ioffe and Szegedy 2015,
 * Alg. 1–2). Forward: one pass for the statistics, one for the output. Backward (Alg. 1's chain rule, the ReLU's
 * mask recomputed from x): with g = ∂L/∂y masked, ∂L/∂β = Σg, ∂L/∂γ = Σg·x̂ and
 * ∂L/∂x = γ/(√(σ² + ε)·m)·(m·g − ∂L/∂β − x̂·∂L/∂γ), m = N·H·W — one pass for the sums, one for ∂L/∂x. The running
 * estimates move as DL4J's batch norm moves them, through their "gradients" (decay d):
 * Δμ = (1 − d)(μ_run − μ_batch) and Δlog10 σ = log10 σ_run − log10 √(d·σ²_run + (1 − d)·σ²_batch), the new variance
 * floored at {@link #VARIANCE_FLOOR}.
 */
public class FusedBatchNormLayer extends BatchNormalization {
    private static final String GAMMA = BatchNormalizationParamInitializer.GAMMA;
    private static final String BETA = BatchNormalizationParamInitializer.BETA;
    private static final String MEAN = BatchNormalizationParamInitializer.GLOBAL_MEAN;
    private static final String VAR = BatchNormalizationParamInitializer.GLOBAL_VAR;
    private static final String LOG_STD = BatchNormalizationParamInitializer.GLOBAL_LOG_STD;
    /**
     * The least running variance: a channel whose batch variance stays 0 (a dead channel) otherwise decays its running
     * variance geometrically until it underflows float, and the log-std move log10(0/0) turns it into NaN, which makes
     * every inference output NaN. 1e-12 is far below ε (1e-5), so inference is the same as with 0.
     */
    static final double VARIANCE_FLOOR = 1e-12;

    /** Statistics the last forward pass normalised with, per channel. */
    private float[] mean = new float[0];
    private float[] invStd = new float[0];
    private float[] batchVar = new float[0];
    /** Whether they were the batch's own (training) rather than the running estimates. */
    private boolean batchStats;
    /** One example's C·H·W values, twice (input and gradient). */
    private float[] a = new float[0];
    private float[] b = new float[0];

    /** A layer for {@code conf} (a {@link FusedBatchNorm}) computing in {@code dataType} (float only). */
    public FusedBatchNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        if (dataType != DataType.FLOAT) {
            throw new IllegalArgumentException("FusedBatchNorm computes in float, not " + dataType);
        }
    }

    @Override
    public LayerHelper getHelper() {
        return null;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray x = FloatViews.contiguous(input);
        if (x.rank() != 4) {
            throw new IllegalArgumentException("FusedBatchNorm " + layerId() + " takes NCHW feature maps, got shape "
                    + java.util.Arrays.toString(x.shape()));
        }
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int hw = (int) (x.size(2) * x.size(3));
        prepare(c, hw);
        FloatBuffer in = FloatViews.slice(x);
        double eps = layerConf().getEps();
        if (training) {
            statistics(in, n, c, hw, eps);
        } else {
            runningStatistics(c, eps);
        }
        float[] gamma = getParam(GAMMA).toFloatVector();
        float[] beta = getParam(BETA).toFloatVector();
        float[] scale = new float[c];
        float[] shift = new float[c];
        for (int k = 0; k < c; k++) {
            scale[k] = gamma[k] * invStd[k];
            shift[k] = beta[k] - mean[k] * scale[k];
        }
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, x.shape(), 'c');
        FloatBuffer out = FloatViews.slice(y);
        boolean relu = ((FusedBatchNorm) layerConf()).relu();
        int chw = c * hw;
        for (int e = 0; e < n; e++) {
            in.get(e * chw, a, 0, chw);
            for (int k = 0; k < c; k++) {
                float s = scale[k];
                float t = shift[k];
                int from = k * hw;
                int to = from + hw;
                if (relu) {
                    for (int i = from; i < to; i++) {
                        a[i] = Math.max(0f, a[i] * s + t);
                    }
                } else {
                    for (int i = from; i < to; i++) {
                        a[i] = a[i] * s + t;
                    }
                }
            }
            out.put(e * chw, a, 0, chw);
        }
        return y;
    }

    /** Sets {@link #mean}, {@link #batchVar} and {@link #invStd} to the batch's per-channel statistics. */
    private void statistics(FloatBuffer in, int n, int c, int hw, double eps) {
        double[] sum = new double[c];
        double[] sumSq = new double[c];
        int chw = c * hw;
        for (int e = 0; e < n; e++) {
            in.get(e * chw, a, 0, chw);
            for (int k = 0; k < c; k++) {
                float s0 = 0;
                float s1 = 0;
                float q0 = 0;
                float q1 = 0;
                int i = k * hw;
                int to = i + hw;
                for (; i + 1 < to; i += 2) {
                    float v0 = a[i];
                    float v1 = a[i + 1];
                    s0 += v0;
                    s1 += v1;
                    q0 += v0 * v0;
                    q1 += v1 * v1;
                }
                if (i < to) {
                    s0 += a[i];
                    q0 += a[i] * a[i];
                }
                sum[k] += s0 + s1;
                sumSq[k] += q0 + q1;
            }
        }
        double m = (double) n * hw;
        for (int k = 0; k < c; k++) {
            double mu = sum[k] / m;
            double var = Math.max(0, sumSq[k] / m - mu * mu);
            mean[k] = (float) mu;
            batchVar[k] = (float) var;
            invStd[k] = (float) (1 / Math.sqrt(var + eps));
        }
        batchStats = true;
    }

    /** Sets {@link #mean} and {@link #invStd} from the running estimates. */
    private void runningStatistics(int c, double eps) {
        float[] mu = getParam(MEAN).toFloatVector();
        float[] var = BatchNormFolding.runningVariance(this);
        for (int k = 0; k < c; k++) {
            mean[k] = mu[k];
            invStd[k] = (float) (1 / Math.sqrt(var[k] + eps));
        }
        batchStats = false;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray x = FloatViews.contiguous(input);
        INDArray g = FloatViews.contiguous(epsilon);
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int hw = (int) (x.size(2) * x.size(3));
        int chw = c * hw;
        if (mean.length != c) {
            throw new IllegalStateException("FusedBatchNorm " + layerId() + ": backprop without a forward pass");
        }
        FloatBuffer in = FloatViews.slice(x);
        FloatBuffer grad = FloatViews.slice(g);
        boolean relu = ((FusedBatchNorm) layerConf()).relu();
        float[] gamma = getParam(GAMMA).toFloatVector();
        float[] beta = getParam(BETA).toFloatVector();
        double[] dBeta = new double[c];
        double[] dGamma = new double[c];
        examples(in, grad, null, n, chw, () -> {
            for (int k = 0; k < c; k++) {
                accumulate(k, hw, gamma[k], beta[k], relu, dBeta, dGamma);
            }
        });
        float m = (float) n * hw;
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, x.shape(), 'c');
        examples(in, grad, FloatViews.slice(dx), n, chw, () -> {
            for (int k = 0; k < c; k++) {
                inputGradient(k, hw, gamma[k], beta[k], relu, (float) dBeta[k], (float) dGamma[k], m);
            }
        });
        return new Pair<>(gradient(dGamma, dBeta, c), dx);
    }

    /** Loads each example's input into {@link #a} and gradient into {@link #b}, runs {@code body}, stores b to out. */
    private void examples(FloatBuffer in, FloatBuffer grad, FloatBuffer out, int n, int chw, Runnable body) {
        for (int e = 0; e < n; e++) {
            in.get(e * chw, a, 0, chw);
            grad.get(e * chw, b, 0, chw);
            body.run();
            if (out != null) {
                out.put(e * chw, b, 0, chw);
            }
        }
    }

    /** Adds channel k's Σg and Σg·x̂ over the loaded example to {@code dBeta[k]}, {@code dGamma[k]}. */
    private void accumulate(int k, int hw, float ga, float be, boolean relu, double[] dBeta, double[] dGamma) {
        float mu = mean[k];
        float is = invStd[k];
        float sg0 = 0;
        float sg1 = 0;
        float sgx0 = 0;
        float sgx1 = 0;
        int i = k * hw;
        int to = i + hw;
        for (; i + 1 < to; i += 2) {
            float xh0 = (a[i] - mu) * is;
            float xh1 = (a[i + 1] - mu) * is;
            float g0 = relu ? masked(b[i], xh0 * ga + be) : b[i];
            float g1 = relu ? masked(b[i + 1], xh1 * ga + be) : b[i + 1];
            sg0 += g0;
            sg1 += g1;
            sgx0 += g0 * xh0;
            sgx1 += g1 * xh1;
        }
        if (i < to) {
            float xh = (a[i] - mu) * is;
            float gi = relu ? masked(b[i], xh * ga + be) : b[i];
            sg0 += gi;
            sgx0 += gi * xh;
        }
        dBeta[k] += sg0 + sg1;
        dGamma[k] += sgx0 + sgx1;
    }

    /** Overwrites channel k of the loaded gradient {@link #b} with ∂L/∂x, from the sums ∂L/∂β, ∂L/∂γ over m values. */
    private void inputGradient(int k, int hw, float ga, float be, boolean relu, float db, float dg, float m) {
        float mu = mean[k];
        float is = invStd[k];
        float scale = ga * is / m;
        for (int i = k * hw, to = i + hw; i < to; i++) {
            float xh = (a[i] - mu) * is;
            float gi = relu ? masked(b[i], xh * ga + be) : b[i];
            b[i] = batchStats ? scale * (m * gi - db - xh * dg) : gi * ga * is;
        }
    }

    /** The parameter gradient: γ and β from the sums, and the running estimates' moves. */
    private Gradient gradient(double[] dGamma, double[] dBeta, int c) {
        Gradient ret = new DefaultGradient();
        INDArray gammaView = gradientViews.get(GAMMA);
        INDArray betaView = gradientViews.get(BETA);
        gammaView.assign(Nd4j.createFromArray(toFloats(dGamma)).reshape(gammaView.shape()));
        betaView.assign(Nd4j.createFromArray(toFloats(dBeta)).reshape(betaView.shape()));
        ret.setGradientFor(GAMMA, gammaView);
        ret.setGradientFor(BETA, betaView);
        double d = layerConf().getDecay();
        float[] runMean = getParam(MEAN).toFloatVector();
        float[] runVar = BatchNormFolding.runningVariance(this);
        float[] dMean = new float[c];
        float[] dVar = new float[c];
        boolean logStd = layerConf().isUseLogStd();
        float[] runLogStd = logStd ? getParam(LOG_STD).toFloatVector() : null;
        for (int k = 0; k < c && batchStats; k++) {
            dMean[k] = (float) ((1 - d) * (runMean[k] - mean[k]));
            double next = Math.max(VARIANCE_FLOOR, d * Math.max(runVar[k], VARIANCE_FLOOR) + (1 - d) * batchVar[k]);
            dVar[k] = (float) (logStd ? runLogStd[k] - Math.log10(next) / 2 : (1 - d) * (runVar[k] - batchVar[k]));
        }
        INDArray meanView = gradientViews.get(MEAN);
        meanView.assign(Nd4j.createFromArray(dMean).reshape(meanView.shape()));
        ret.setGradientFor(MEAN, meanView);
        String varKey = logStd ? LOG_STD : VAR;
        INDArray varView = gradientViews.get(varKey);
        varView.assign(Nd4j.createFromArray(dVar).reshape(varView.shape()));
        ret.setGradientFor(varKey, varView);
        return ret;
    }

    /**
     * {@code g} where the ReLU's input {@code z} is positive, else 0 — without a branch, since the sign of z is a coin
     * toss that a branch predictor loses (it made the backward pass five times slower): the mask is all ones exactly
     * when z's bits, read as an int, are positive (z = +0 gives 0 bits, every negative z and −0 a negative int).
     */
    private static float masked(float g, float z) {
        int bits = Float.floatToRawIntBits(z);
        return Float.intBitsToFloat(Float.floatToRawIntBits(g) & ~(((bits - 1) | bits) >> 31));
    }

    private void prepare(int c, int hw) {
        if (mean.length != c) {
            mean = new float[c];
            invStd = new float[c];
            batchVar = new float[c];
        }
        if (a.length != c * hw) {
            a = new float[c * hw];
            b = new float[c * hw];
        }
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
