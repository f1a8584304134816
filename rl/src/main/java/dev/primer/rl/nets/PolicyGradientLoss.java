package dev.primer.rl.nets;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The score-function (REINFORCE) loss of a softmax policy, Williams 1992:
 * {@code L = −Σ_k y_k·log π_k} where the label row is {@code y = A·onehot(a)} — the advantage placed at the
 * taken action. Its gradient with respect to the logits is {@code π·Σ_k y_k − y = A·(π − onehot(a))}, so
 * descending it raises log π(a|s) in proportion to A. (DL4J's MCXENT assumes labels summing to 1 and masks
 * cannot carry signed weights there, hence this loss.)
 */
public final class PolicyGradientLoss implements TwoPassLoss {
    private static final long serialVersionUID = 1L;
    private static final double LOG_FLOOR = 1e-10;

    private static INDArray probabilities(INDArray preOutput, IActivation fn) {
        if (!(fn instanceof ActivationSoftmax)) {
            throw new IllegalArgumentException("the policy-gradient loss needs a softmax output, got " + fn);
        }
        return fn.getActivation(preOutput.dup(), true);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        INDArray logPi = Transforms.log(Transforms.max(probabilities(preOutput, fn), LOG_FLOOR, false), false);
        INDArray perExample = logPi.muli(labels).sum(true, 1).negi();
        return mask == null ? perExample : perExample.muli(mask);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, fn, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        INDArray grad = probabilities(preOutput, fn).muliColumnVector(labels.sum(true, 1)).subi(labels);
        return mask == null ? grad : grad.muliColumnVector(mask);
    }

    @Override
    public String name() {
        return "PolicyGradientLoss";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyGradientLoss;
    }

    @Override
    public int hashCode() {
        return 17;
    }

    @Override
    public String toString() {
        return name();
    }
}
