package dev.primer.nn.optim;

import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * A learning rate as a function of the step (iteration) count.
 *
 * @param shape   how it changes
 * @param initial value at step 0
 * @param rate    STEP: factor per {@code period}; EXPONENTIAL: γ per step; POLY: power
 * @param period  STEP: steps between drops; POLY: steps to reach 0
 */
public record LearningRate(Shape shape, double initial, double rate, int period) {
    /** The supported shapes: lr, lr·rate^⌊t/period⌋, lr·γ^t, lr·(1 − t/period)^power. */
    public enum Shape { CONSTANT, STEP, EXPONENTIAL, POLY }

    /** A constant learning rate. */
    public static LearningRate constant(double lr) {
        return new LearningRate(Shape.CONSTANT, lr, 0, 0);
    }

    /** lr·factor^⌊t/period⌋. */
    public static LearningRate step(double lr, double factor, int period) {
        return new LearningRate(Shape.STEP, lr, factor, period);
    }

    /** lr·γ^t. */
    public static LearningRate exponential(double lr, double gamma) {
        return new LearningRate(Shape.EXPONENTIAL, lr, gamma, 0);
    }

    /** lr·(1 − t/steps)^power, reaching 0 at {@code steps}. */
    public static LearningRate poly(double lr, double power, int steps) {
        return new LearningRate(Shape.POLY, lr, power, steps);
    }

    /** The DL4J schedule, or null for a constant rate. */
    public ISchedule schedule() {
        return switch (shape) {
            case CONSTANT -> null;
            case STEP -> new StepSchedule(ScheduleType.ITERATION, initial, rate, period);
            case EXPONENTIAL -> new ExponentialSchedule(ScheduleType.ITERATION, initial, rate);
            case POLY -> new PolyDecay(initial, rate, period);
        };
    }

    /** The rate at step t. */
    public double at(int step) {
        ISchedule s = schedule();
        return s == null ? initial : s.valueAt(step, 0);
    }
}
