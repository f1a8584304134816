package dev.primer.nn.optim;

import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ISchedule;

/** A first-order optimiser and its constants, independent of the learning rate: one record per update rule. */
public sealed interface Optimizer {

    /** The DL4J updater for this rule at the given schedule. */
    IUpdater updater(LearningRate lr);

    /** Plain SGD: θ ← θ − lr·g. */
    record Sgd() implements Optimizer {
        @Override
        public IUpdater updater(LearningRate lr) {
            ISchedule schedule = lr.schedule();
            return schedule == null ? new org.nd4j.linalg.learning.config.Sgd(lr.initial())
                    : new org.nd4j.linalg.learning.config.Sgd(schedule);
        }
    }

    /** Heavy-ball momentum in PyTorch's convention, with momentum coefficient μ. */
    record Momentum(double mu) implements Optimizer {
        @Override
        public IUpdater updater(LearningRate lr) {
            return new MomentumUpdater(lr.initial(), lr.schedule(), mu);
        }
    }

    /** Nesterov momentum μ (DL4J's {@link Nesterovs}). */
    record Nesterov(double mu) implements Optimizer {
        @Override
        public IUpdater updater(LearningRate lr) {
            ISchedule schedule = lr.schedule();
            return schedule == null ? new Nesterovs(lr.initial(), mu) : new Nesterovs(schedule, mu);
        }
    }

    /** RMSprop (Tieleman &amp; Hinton 2012) with decay α of the squared-gradient average and floor ε. */
    record RmsProp(double alpha, double epsilon) implements Optimizer {
        @Override
        public IUpdater updater(LearningRate lr) {
            return withSchedule(new org.nd4j.linalg.learning.config.RmsProp(lr.initial(), alpha, epsilon),
                    lr.schedule());
        }
    }

    /** Centred RMSprop (Graves 2013) with decay α of both running averages and floor ε. */
    record CenteredRmsProp(double alpha, double epsilon) implements Optimizer {
        @Override
        public IUpdater updater(LearningRate lr) {
            return new dev.primer.nn.optim.CenteredRmsProp(lr.initial(), lr.schedule(), alpha, epsilon);
        }
    }

    /** Adam (Kingma &amp; Ba 2015) with moment decays β1, β2 and floor ε, as {@link dev.primer.nn.optim.Adam}. */
    record Adam(double beta1, double beta2, double epsilon) implements Optimizer {
        @Override
        public IUpdater updater(LearningRate lr) {
            return new dev.primer.nn.optim.Adam(lr.initial(), lr.schedule(), beta1, beta2, epsilon);
        }
    }

    /** Plain SGD. */
    static Optimizer sgd() {
        return new Sgd();
    }

    /** Heavy-ball momentum μ (PyTorch's convention). */
    static Optimizer momentum(double mu) {
        return new Momentum(mu);
    }

    /** Nesterov momentum μ. */
    static Optimizer nesterov(double mu) {
        return new Nesterov(mu);
    }

    /** RMSprop with decay α and ε. */
    static Optimizer rmsprop(double alpha, double eps) {
        return new RmsProp(alpha, eps);
    }

    /** Centred RMSprop with decay α and ε; DQN/MinAtar use α 0.95, ε 0.01. */
    static Optimizer centeredRmsprop(double alpha, double eps) {
        return new CenteredRmsProp(alpha, eps);
    }

    /** Adam with the paper's β1 0.9, β2 0.999, ε 1e-8. */
    static Optimizer adam() {
        return new Adam(0.9, 0.999, 1e-8);
    }

    private static IUpdater withSchedule(IUpdater updater, ISchedule schedule) {
        if (schedule != null) {
            updater.setLrAndSchedule(schedule.valueAt(0, 0), schedule);
        }
        return updater;
    }
}
