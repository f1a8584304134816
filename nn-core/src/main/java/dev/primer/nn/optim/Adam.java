package dev.primer.nn.optim;

import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1, in the efficient form of §2's last paragraph) as one pass over the
 * gradient and both moments, instead of DL4J's native op:
 * {@code m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;  θ ← θ − α_t·m / (√v + ε)} with
 * {@code α_t = lr·√(1−β2^t) / (1−β1^t)}, t = iteration + 1. This is the rule of DL4J's
 * {@link org.nd4j.linalg.learning.config.Adam} (ε outside the bias correction: ε̂ in the paper's words), and its
 * state layout (the first moment "M", then the second "V", each as long as the parameters), so a state written
 * by DL4J's Adam continues here unchanged. One difference, deliberate: at a learning rate of 0 the step is 0,
 * where DL4J's op falls back to ε as the step size.
 */
public final class Adam extends OnePassUpdater {
    private static final long serialVersionUID = 1L;
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /** Decays β1, β2 of the first and second moments and ε added after the square root. */
    @JsonCreator
    public Adam(@JsonProperty("learningRate") double learningRate,
                @JsonProperty("learningRateSchedule") ISchedule schedule,
                @JsonProperty("beta1") double beta1, @JsonProperty("beta2") double beta2,
                @JsonProperty("epsilon") double epsilon) {
        super(learningRate, schedule, "M", "V");
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** Decay β1 of the first moment. */
    public double getBeta1() {
        return beta1;
    }

    /** Decay β2 of the second moment. */
    public double getBeta2() {
        return beta2;
    }

    /** ε added after the square root. */
    public double getEpsilon() {
        return epsilon;
    }

    /**
     * α_t = lr·√(1−β2^t) / (1−β1^t), every operation in float as DL4J's float op computes it (in double the bias
     * corrections of the first steps differ from DL4J's by 1e-5 relative: 1 − β2^t cancels most of β2^t's digits).
     */
    private float stepSize(double lr, int t) {
        float b1t = (float) Math.pow((float) beta1, t);
        float b2t = (float) Math.pow((float) beta2, t);
        return (float) lr * (float) Math.sqrt(1 - b2t) / (1 - b1t);
    }

    /** The whole update in one pass over gradient g and moments m, v, in float as DL4J's op does. */
    @Override
    FloatViews.ChunkBody pass(int iteration, int epoch) {
        float step = stepSize(getLearningRate(iteration, epoch), iteration + 1);
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float c1 = 1 - b1;
        float c2 = 1 - b2;
        float eps = (float) epsilon;
        return (gc, mc, vc, len) -> {
            for (int i = 0; i < len; i++) {
                float gi = gc[i];
                float mi = b1 * mc[i] + gi * c1;
                float vi = b2 * vc[i] + gi * gi * c2;
                mc[i] = mi;
                vc[i] = vi;
                gc[i] = mi * step / ((float) Math.sqrt(vi) + eps);
            }
        };
    }

    @Override
    public Adam clone() {
        return new Adam(getLearningRate(), scheduleCopy(), beta1, beta2, epsilon);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Adam a && sameRate(a) && a.beta1 == beta1 && a.beta2 == beta2 && a.epsilon == epsilon;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getLearningRate(), beta1, beta2, epsilon, getLearningRateSchedule());
    }
}
