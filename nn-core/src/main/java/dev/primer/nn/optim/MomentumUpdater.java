package dev.primer.nn.optim;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Heavy-ball SGD with momentum in PyTorch's convention (DL4J ships only Nesterov's):
 * {@code v ← μ·v + g;  θ ← θ − lr·v}.
 */
public final class MomentumUpdater extends ScheduledUpdater {
    private static final long serialVersionUID = 1L;
    private final double momentum;

    /** Momentum μ with a learning-rate schedule (null for the constant {@code learningRate}). */
    @JsonCreator
    public MomentumUpdater(@JsonProperty("learningRate") double learningRate,
                           @JsonProperty("learningRateSchedule") ISchedule schedule,
                           @JsonProperty("momentum") double momentum) {
        super(learningRate, schedule);
        this.momentum = momentum;
    }

    /** Momentum μ. */
    public double getMomentum() {
        return momentum;
    }

    @Override
    int stateArrays() {
        return 1;
    }

    @Override
    StatefulUpdater<?> newUpdater() {
        return new StatefulUpdater<MomentumUpdater>(this, "v") {
            @Override
            public void applyUpdater(INDArray gradient, int iteration, int epoch) {
                INDArray velocity = state(0);
                velocity.muli(momentum).addi(gradient);
                gradient.assign(velocity).muli(getLearningRate(iteration, epoch));
            }
        };
    }

    @Override
    public MomentumUpdater clone() {
        return new MomentumUpdater(getLearningRate(), scheduleCopy(), momentum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MomentumUpdater m && sameRate(m) && m.momentum == momentum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getLearningRate(), momentum, getLearningRateSchedule());
    }
}
