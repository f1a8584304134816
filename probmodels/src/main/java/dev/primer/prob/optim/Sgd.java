package dev.primer.prob.optim;

/** (Stochastic) gradient descent x_{t+1} = x_t − η_t·g_t (Robbins &amp; Monro 1951). */
public record Sgd(StepSizeSchedule lr) implements UpdateRule {
    /** Constant step η. */
    public static Sgd of(double eta) {
        return new Sgd(StepSizeSchedule.constant(eta));
    }

    @Override
    public State init(double[] x0) {
        return new State(x0.clone(), 0, new double[0], new double[0]);
    }

    @Override
    public State step(State s, double[] g) {
        double eta = lr.at(s.t());
        double[] x = s.x().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] -= eta * g[i];
        }
        return new State(x, s.t() + 1, s.m(), s.v());
    }
}
