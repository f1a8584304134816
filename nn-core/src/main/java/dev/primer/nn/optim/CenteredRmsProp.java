package dev.primer.nn.optim;

import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Centred RMSprop (Graves 2013, eq. 38–40) as in {@code torch.optim.RMSprop(centered=True)}, the
 * optimiser of DQN and MinAtar:
 * {@code n ← α·n + (1−α)·g²;  ḡ ← α·ḡ + (1−α)·g;  θ ← θ − lr·g / (√(n − ḡ²) + ε)}.
 */
public final class CenteredRmsProp extends OnePassUpdater {
    private static final long serialVersionUID = 1L;
    private final double alpha;
    private final double epsilon;

    /** Decay α of both running averages and ε added after the square root (PyTorch's placement). */
    @JsonCreator
    public CenteredRmsProp(@JsonProperty("learningRate") double learningRate,
                           @JsonProperty("learningRateSchedule") ISchedule schedule,
                           @JsonProperty("alpha") double alpha, @JsonProperty("epsilon") double epsilon) {
        super(learningRate, schedule, "n", "g");
        this.alpha = alpha;
        this.epsilon = epsilon;
    }

    /** Decay α of the running averages. */
    public double getAlpha() {
        return alpha;
    }

    /** ε added after the square root. */
    public double getEpsilon() {
        return epsilon;
    }

    /** The whole update in one pass over gradient g, n and ḡ, in float as torch does (not a dozen array ops). */
    @Override
    FloatViews.ChunkBody pass(int iteration, int epoch) {
        float lr = (float) getLearningRate(iteration, epoch);
        float a = (float) alpha;
        float b = 1 - a;
        float eps = (float) epsilon;
        return (gc, nc, mc, len) -> {
            for (int i = 0; i < len; i++) {
                float gi = gc[i];
                float ni = nc[i] * a + gi * gi * b;
                float mi = mc[i] * a + gi * b;
                nc[i] = ni;
                mc[i] = mi;
                gc[i] = gi / ((float) Math.sqrt(ni - mi * mi) + eps) * lr;
            }
        };
    }

    @Override
    public CenteredRmsProp clone() {
        return new CenteredRmsProp(getLearningRate(), scheduleCopy(), alpha, epsilon);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CenteredRmsProp c && sameRate(c) && c.alpha == alpha && c.epsilon == epsilon;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getLearningRate(), alpha, epsilon, getLearningRateSchedule());
    }
}
