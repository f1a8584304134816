package dev.primer.prob.mcmc;

import dev.primer.prob.LogDensity;
import dev.primer.random.SplitMix64;

/**
 * The Euler–Maruyama discretisation of the Langevin diffusion, y = x + (ε²/2)·∇log π(x) + ε·ξ with ξ ~ N(0, I)
 * (Roberts &amp; Tweedie 1996, eq. 2.2 with h = ε²). {@link #mala} adds the Metropolis–Hastings correction with
 * q(y|x) = N(y; x + (ε²/2)∇log π(x), ε²I), making π exactly invariant; {@link #unadjusted} (ULA) always moves and
 * samples a distribution biased by O(ε²).
 *
 * @param target   the log density
 * @param stepSize ε
 * @param adjusted whether to apply the Metropolis–Hastings correction (MALA) or not (ULA)
 */
public record Langevin(LogDensity target, double stepSize, boolean adjusted) implements Kernel<Langevin.State> {
    /** Position, log π and its gradient there, and the RNG word. */
    public record State(double[] position, double logDensity, double[] gradient, long rng, TransitionStats transition)
            implements Kernel.State {
    }

    /** The Metropolis-adjusted Langevin algorithm. */
    public static Langevin mala(LogDensity target, double stepSize) {
        return new Langevin(target, stepSize, true);
    }

    /** The unadjusted Langevin algorithm. */
    public static Langevin unadjusted(LogDensity target, double stepSize) {
        return new Langevin(target, stepSize, false);
    }

    @Override
    public State init(double[] x0, int warmup, long seed) {
        double[] g = new double[x0.length];
        double l = target.valueAndGradient(x0, g);
        return new State(x0.clone(), l, g, seed, TransitionStats.INITIAL);
    }

    @Override
    public State step(State s) {
        SplitMix64 rng = new SplitMix64(s.rng());
        double[] x = s.position();
        double h = stepSize * stepSize;
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i] + 0.5 * h * s.gradient()[i] + stepSize * rng.nextGaussianBoxMuller();
        }
        double[] gy = new double[x.length];
        double ly = target.valueAndGradient(y, gy);
        if (!adjusted) {
            return new State(y, ly, gy, rng.state(), TransitionStats.metropolis(1, true, 1, stepSize));
        }
        double logAlpha = ly - s.logDensity() + logQ(x, y, gy, h) - logQ(y, x, s.gradient(), h);
        boolean accept = Draws.logUniform(rng) < logAlpha;
        TransitionStats tr = TransitionStats.metropolis(Math.min(1, Math.exp(logAlpha)), accept, 1, stepSize);
        return accept ? new State(y, ly, gy, rng.state(), tr)
                : new State(x, s.logDensity(), s.gradient(), rng.state(), tr);
    }

    /** log q(to | from) up to a constant, for the Langevin proposal with h = ε². */
    private static double logQ(double[] to, double[] from, double[] gradFrom, double h) {
        double s = 0;
        for (int i = 0; i < to.length; i++) {
            double r = to[i] - from[i] - 0.5 * h * gradFrom[i];
            s += r * r;
        }
        return -s / (2 * h);
    }
}
