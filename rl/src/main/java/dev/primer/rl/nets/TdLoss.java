package dev.primer.rl.nets;

import java.util.Objects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The temporal-difference loss of DQN on Q(s,a) for the taken action only: squared error, or Huber with
 * threshold δ (Mnih et al. 2015, "error clipping": the gradient of the error is clipped to [−δ, δ]).
 *
 * <p>Which action was taken arrives as the labels mask, shape [batch, actions]: 1 (or a prioritized-replay
 * importance weight, Schaul et al. 2016) at the taken action, 0 elsewhere, so untaken actions get no gradient.
 * Per example: MSE {@code d²}, Huber {@code ½d²} for |d| ≤ δ and {@code δ(|d| − ½δ)} beyond, with
 * {@code d = Q(s,a) − y}. DL4J averages over the minibatch, like PyTorch's {@code mse_loss} and
 * {@code smooth_l1_loss} on the gathered Q-values.
 */
public final class TdLoss implements ILossFunction {
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

    private INDArray error(INDArray labels, INDArray preOutput, IActivation fn) {
        return fn.getActivation(preOutput.dup(), true).subi(labels);
    }

    private static INDArray masked(INDArray a, INDArray mask) {
        return mask == null ? a : a.muli(mask);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        INDArray d = error(labels, preOutput, fn);
        INDArray perElement;
        if (kind == Kind.MSE) {
            perElement = d.muli(d);
        } else {
            INDArray abs = Transforms.abs(d, true);
            INDArray small = abs.lte(delta).castTo(d.dataType());
            INDArray quadratic = abs.mul(abs).muli(0.5);
            INDArray linear = abs.sub(0.5 * delta).muli(delta);
            perElement = quadratic.muli(small).addi(linear.muli(small.rsub(1.0)));
        }
        return masked(perElement, mask).sum(true, 1);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, fn, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        INDArray d = error(labels, preOutput, fn);
        INDArray dLdOut = kind == Kind.MSE ? d.muli(2.0)
                : Transforms.max(Transforms.min(d, delta, false), -delta, false);
        return fn.backprop(preOutput.dup(), masked(dLdOut, mask)).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation fn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, fn, mask, average),
                computeGradient(labels, preOutput, fn, mask));
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
