package dev.primer.nn.optim;

import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/** A learning rate as a function of the step (iteration) count: one record per shape. */
public sealed interface LearningRate {

    /** The rate at step 0. */
    double initial();

    /** The DL4J schedule, or null for a constant rate. */
    ISchedule schedule();

    /** The rate at step t. */
    default double at(int step) {
        ISchedule s = schedule();
        return s == null ? initial() : s.valueAt(step, 0);
    }

    /** lr at every step. */
    record Constant(double initial) implements LearningRate {
        @Override
        public ISchedule schedule() {
            return null;
        }
    }

    /** lr·factor^⌊t/period⌋. */
    record Step(double initial, double factor, int period) implements LearningRate {
        @Override
        public ISchedule schedule() {
            return new StepSchedule(ScheduleType.ITERATION, initial, factor, period);
        }
    }

    /** lr·γ^t. */
    record Exponential(double initial, double gamma) implements LearningRate {
        @Override
        public ISchedule schedule() {
            return new ExponentialSchedule(ScheduleType.ITERATION, initial, gamma);
        }
    }

    /** lr·(1 − t/steps)^power, reaching 0 at {@code steps}. */
    record Poly(double initial, double power, int steps) implements LearningRate {
        @Override
        public ISchedule schedule() {
            return new PolyDecay(initial, power, steps);
        }
    }

    /** A constant learning rate. */
    static LearningRate constant(double lr) {
        return new Constant(lr);
    }

    /** lr·factor^⌊t/period⌋. */
    static LearningRate step(double lr, double factor, int period) {
        return new Step(lr, factor, period);
    }

    /** lr·γ^t. */
    static LearningRate exponential(double lr, double gamma) {
        return new Exponential(lr, gamma);
    }

    /** lr·(1 − t/steps)^power, reaching 0 at {@code steps}. */
    static LearningRate poly(double lr, double power, int steps) {
        return new Poly(lr, power, steps);
    }
}
