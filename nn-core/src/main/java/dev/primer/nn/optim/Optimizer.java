package dev.primer.nn.optim;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * A first-order optimiser and its constants, independent of the learning rate.
 *
 * @param kind     the update rule
 * @param momentum μ for MOMENTUM and NESTEROV; β1 for ADAM
 * @param decay    α of RMSprop's running averages; β2 for ADAM
 * @param epsilon  numerical floor in the denominator of adaptive rules
 */
public record Optimizer(Kind kind, double momentum, double decay, double epsilon) {
    /** The update rules on offer. */
    public enum Kind { SGD, MOMENTUM, NESTEROV, RMSPROP, CENTERED_RMSPROP, ADAM }

    /** Plain SGD: θ ← θ − lr·g. */
    public static Optimizer sgd() {
        return new Optimizer(Kind.SGD, 0, 0, 0);
    }

    /** Heavy-ball momentum μ (PyTorch's convention). */
    public static Optimizer momentum(double mu) {
        return new Optimizer(Kind.MOMENTUM, mu, 0, 0);
    }

    /** Nesterov momentum μ (DL4J's {@link Nesterovs}). */
    public static Optimizer nesterov(double mu) {
        return new Optimizer(Kind.NESTEROV, mu, 0, 0);
    }

    /** RMSprop (Tieleman &amp; Hinton 2012) with decay α and ε. */
    public static Optimizer rmsprop(double alpha, double eps) {
        return new Optimizer(Kind.RMSPROP, 0, alpha, eps);
    }

    /** Centred RMSprop (Graves 2013) with decay α and ε; DQN/MinAtar use α 0.95, ε 0.01. */
    public static Optimizer centeredRmsprop(double alpha, double eps) {
        return new Optimizer(Kind.CENTERED_RMSPROP, 0, alpha, eps);
    }

    /** Adam (Kingma &amp; Ba 2015) with the paper's β1 0.9, β2 0.999, ε 1e-8. */
    public static Optimizer adam() {
        return new Optimizer(Kind.ADAM, 0.9, 0.999, 1e-8);
    }

    /** The DL4J updater for this rule at the given schedule. */
    public IUpdater updater(LearningRate lr) {
        ISchedule schedule = lr.schedule();
        double base = lr.initial();
        return switch (kind) {
            case SGD -> schedule == null ? new Sgd(base) : new Sgd(schedule);
            case MOMENTUM -> new MomentumUpdater(base, schedule, momentum);
            case NESTEROV -> schedule == null ? new Nesterovs(base, momentum) : new Nesterovs(schedule, momentum);
            case RMSPROP -> withSchedule(new RmsProp(base, decay, epsilon), schedule);
            case CENTERED_RMSPROP -> new CenteredRmsProp(base, schedule, decay, epsilon);
            case ADAM -> withSchedule(new Adam(base, momentum, decay, epsilon), schedule);
        };
    }

    private static IUpdater withSchedule(IUpdater updater, ISchedule schedule) {
        if (schedule != null) {
            updater.setLrAndSchedule(schedule.valueAt(0, 0), schedule);
        }
        return updater;
    }
}
