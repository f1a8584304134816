package dev.primer.nn.optim;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Heavy-ball SGD with momentum in PyTorch's convention (DL4J ships only Nesterov's):
 * {@code v ← μ·v + g;  θ ← θ − lr·v}.
 */
public final class MomentumUpdater implements IUpdater {
    private static final long serialVersionUID = 1L;
    private double learningRate;
    private ISchedule learningRateSchedule;
    private double momentum;


    /** Momentum μ with a learning-rate schedule (null for the constant {@code learningRate}). */
    @JsonCreator
    public MomentumUpdater(@JsonProperty("learningRate") double learningRate,
                           @JsonProperty("learningRateSchedule") ISchedule schedule,
                           @JsonProperty("momentum") double momentum) {
        this.learningRate = learningRate;
        this.learningRateSchedule = schedule;
        this.momentum = momentum;
    }

    /** Base learning rate (used when there is no schedule). */
    public double getLearningRate() {
        return learningRate;
    }

    /** Learning-rate schedule, or null. */
    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    /** Momentum μ. */
    public double getMomentum() {
        return momentum;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initialize) {
        Impl impl = new Impl(this);
        impl.setStateViewArray(viewArray, viewArray.shape(), 'c', initialize);
        return impl;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initialize) {
        Impl impl = new Impl(this);
        impl.setState(state, initialize);
        return impl;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule == null ? learningRate : learningRateSchedule.valueAt(iteration, epoch);
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule schedule) {
        this.learningRate = lr;
        this.learningRateSchedule = schedule;
    }

    @Override
    public MomentumUpdater clone() {
        return new MomentumUpdater(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(),
                momentum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MomentumUpdater m && m.learningRate == learningRate && m.momentum == momentum
                && Objects.equals(m.learningRateSchedule, learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum, learningRateSchedule);
    }

    private static final class Impl implements GradientUpdater<MomentumUpdater> {
        private final MomentumUpdater config;
        private INDArray velocity;

        Impl(MomentumUpdater config) {
            this.config = config;
        }

        @Override
        public MomentumUpdater getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            velocity = state.get("v");
            if (initialize) {
                velocity.assign(0);
            }
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of("v", velocity);
        }

        @Override
        public void setStateViewArray(INDArray view, long[] shape, char order, boolean initialize) {
            velocity = view.reshape(order, shape);
            if (initialize) {
                velocity.assign(0);
            }
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            velocity.muli(config.momentum).addi(gradient);
            gradient.assign(velocity).muli(config.getLearningRate(iteration, epoch));
        }
    }
}
