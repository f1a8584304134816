package dev.primer.prob.optim;

/** Adam (Kingma &amp; Ba 2015, Algorithm 1) with bias-corrected moments. */
public record Adam(double eta, double beta1, double beta2, double eps) implements UpdateRule {
    /** Adam with the paper's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public static Adam of(double eta) {
        return new Adam(eta, 0.9, 0.999, 1e-8);
    }

    @Override
    public State init(double[] x0) {
        return new State(x0.clone(), 0, new double[x0.length], new double[x0.length]);
    }

    @Override
    public State step(State s, double[] g) {
        long t = s.t() + 1;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        double[] x = s.x().clone();
        double[] m = new double[x.length];
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            m[i] = beta1 * s.m()[i] + (1 - beta1) * g[i];
            v[i] = beta2 * s.v()[i] + (1 - beta2) * g[i] * g[i];
            x[i] -= eta * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
        }
        return new State(x, t, m, v);
    }
}
