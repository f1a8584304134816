package dev.primer.rl.nets;

import java.util.Objects;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The temporal-difference loss of DQN on Q(s,a) for the taken action only: squared error, or Huber with
 * threshold δ (Mnih et al. 2015, "error clipping": the gradient of the error is clipped to [−δ, δ]).
 *
 * <p>Which action was taken arrives as the labels mask, shape [batch, actions]: 1 at the taken action, 0
 * elsewhere, so untaken actions get no gradient. The loss weights each element by the mask, but DL4J's
 * {@code fit} also multiplies the output by the mask before the loss, so a fractional mask (a prioritized-replay
 * importance weight, Schaul et al. 2016) would scale Q as well: weighted steps go through {@link FusedQNet}.
 * Per example: MSE {@code d²}, Huber {@code ½d²} for |d| ≤ δ and {@code δ(|d| − ½δ)} beyond, with
 * {@code d = Q(s,a) − y}. DL4J averages over the minibatch, like PyTorch's {@code mse_loss} and
 * {@code smooth_l1_loss} on the gathered Q-values.
 */
public final class TdLoss implements TwoPassLoss {
    private static final long serialVersionUID = 1L;

    /** The two error functions DQN uses. */
    public enum Kind { MSE, HUBER }

    private final Kind kind;
    private final double delta;

    /** A loss of {@code kind}; {@code delta} is Huber's threshold (ignored by MSE). */
    @JsonCreator
    public TdLoss(@JsonProperty("kind") Kind kind, @JsonProperty("delta") double delta) {
        this.kind = Objects.requireNonNull(kind);
        this.delta = delta;
    }

    /** The error function. */
    public Kind getKind() {
        return kind;
    }

    /** Huber's threshold δ. */
    public double getDelta() {
        return delta;
    }

    /** The loss of one error d = Q(s,a) − y: d² or Huber's. */
    public float of(float d) {
        float a = Math.abs(d);
        return kind == Kind.MSE ? a * a : a <= delta ? 0.5f * a * a : (float) (delta * (a - 0.5 * delta));
    }

    /** The loss's derivative in d: 2d, or d clipped to [−δ, δ]. */
    public float slope(float d) {
        return kind == Kind.MSE ? 2 * d : (float) Math.max(-delta, Math.min(delta, d));
    }

    // The batch is [examples, actions] and small, so the loss runs in Java on copies: a handful of ND4J ops
    // per call instead of about twenty.

    private static float[] floats(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    /** d = activation(preOutput) − labels, row-major. */
    private static float[] error(INDArray labels, INDArray preOutput, IActivation fn) {
        float[] d = floats(fn.getActivation(preOutput.dup(), true));
        float[] y = floats(labels);
        for (int i = 0; i < d.length; i++) {
            d[i] -= y[i];
        }
        return d;
    }

    /** The mask's weight of element i of n outputs in rows of {@code cols}: per element, or per example. */
    private static float weight(float[] mask, int i, int cols, int n) {
        return mask == null ? 1 : mask[mask.length == n ? i : i / cols];
    }

    /** The loss of each example (row). */
    private float[] perExample(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        float[] d = error(labels, preOutput, fn);
        float[] m = mask == null ? null : floats(mask);
        int rows = (int) labels.size(0);
        int cols = d.length / rows;
        float[] score = new float[rows];
        for (int i = 0; i < d.length; i++) {
            score[i / cols] += of(d[i]) * weight(m, i, cols, d.length);
        }
        return score;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        float[] score = perExample(labels, preOutput, fn, mask);
        return Nd4j.create(score, new long[] {score.length, 1}, labels.dataType());
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask, boolean average) {
        double sum = 0;
        for (float v : perExample(labels, preOutput, fn, mask)) {
            sum += v;
        }
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        float[] d = error(labels, preOutput, fn);
        float[] m = mask == null ? null : floats(mask);
        int cols = d.length / (int) labels.size(0);
        for (int i = 0; i < d.length; i++) {
            d[i] = slope(d[i]) * weight(m, i, cols, d.length);
        }
        INDArray dLdOut = Nd4j.create(d, preOutput.shape(), preOutput.dataType());
        return fn.backprop(preOutput.dup(), dLdOut).getFirst();
    }

    @Override
    public String name() {
        return "TdLoss(" + kind + (kind == Kind.HUBER ? ", δ=" + delta : "") + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TdLoss t && t.kind == kind && t.delta == delta;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, delta);
    }

    @Override
    public String toString() {
        return name();
    }
}
