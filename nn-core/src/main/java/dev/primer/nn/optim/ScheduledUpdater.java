package dev.primer.nn.optim;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Base of primer's own DL4J update rules: a learning rate or schedule, and state laid out as
 * {@link #stateArrays()} blocks of the parameter count each.
 */
abstract class ScheduledUpdater implements IUpdater {
    private static final long serialVersionUID = 1L;
    private double learningRate;
    private ISchedule learningRateSchedule;

    ScheduledUpdater(double learningRate, ISchedule schedule) {
        this.learningRate = learningRate;
        this.learningRateSchedule = schedule;
    }

    /** Base learning rate (used when there is no schedule). */
    public double getLearningRate() {
        return learningRate;
    }

    /** Learning-rate schedule, or null. */
    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    @Override
    public abstract ScheduledUpdater clone();

    /** Number of state arrays, each as long as the parameters. */
    abstract int stateArrays();

    /** A fresh, stateless updater for this configuration. */
    abstract StatefulUpdater<?> newUpdater();

    @Override
    public long stateSize(long numParams) {
        return stateArrays() * numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initialize) {
        long[] gradientShape = viewArray.shape().clone();
        gradientShape[gradientShape.length - 1] /= stateArrays();
        StatefulUpdater<?> u = newUpdater();
        u.setStateViewArray(viewArray, gradientShape, 'c', initialize);
        return u;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initialize) {
        StatefulUpdater<?> u = newUpdater();
        u.setState(state, initialize);
        return u;
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

    /** The schedule's deep copy, for {@code clone()}. */
    ISchedule scheduleCopy() {
        return learningRateSchedule == null ? null : learningRateSchedule.clone();
    }

    /** Same learning rate and schedule. */
    boolean sameRate(ScheduledUpdater o) {
        return o.learningRate == learningRate && java.util.Objects.equals(o.learningRateSchedule, learningRateSchedule);
    }
}
