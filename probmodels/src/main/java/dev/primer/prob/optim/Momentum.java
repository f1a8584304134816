package dev.primer.prob.optim;

/** Heavy-ball momentum (Polyak 1964): v_{t+1} = β·v_t − η·g_t, x_{t+1} = x_t + v_{t+1}. */
public record Momentum(double eta, double beta) implements UpdateRule {
    @Override
    public State init(double[] x0) {
        return new State(x0.clone(), 0, new double[x0.length], new double[0]);
    }

    @Override
    public State step(State s, double[] g) {
        double[] x = s.x().clone();
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = beta * s.m()[i] - eta * g[i];
            x[i] += v[i];
        }
        return new State(x, s.t() + 1, v, s.v());
    }
}
