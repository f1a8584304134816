package dev.primer.prob.optim;

/**
 * RMSprop (Tieleman &amp; Hinton 2012, lecture 6.5): v_{t+1} = ρ·v_t + (1−ρ)·g², x_{t+1} = x_t − η·g/(√v_{t+1} + ε).
 */
public record RmsProp(double eta, double rho, double eps) implements UpdateRule {
    /** RMSprop with ρ = 0.9 and ε = 1e-8. */
    public static RmsProp of(double eta) {
        return new RmsProp(eta, 0.9, 1e-8);
    }

    @Override
    public State init(double[] x0) {
        return new State(x0.clone(), 0, new double[0], new double[x0.length]);
    }

    @Override
    public State step(State s, double[] g) {
        double[] x = s.x().clone();
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = rho * s.v()[i] + (1 - rho) * g[i] * g[i];
            x[i] -= eta * g[i] / (Math.sqrt(v[i]) + eps);
        }
        return new State(x, s.t() + 1, s.m(), v);
    }
}
