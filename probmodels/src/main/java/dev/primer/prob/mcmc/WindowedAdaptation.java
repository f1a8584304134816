package dev.primer.prob.mcmc;

import dev.primer.prob.LogDensity;
import dev.primer.prob.linalg.Vec;
import dev.primer.random.SplitMix64;

/**
 * Stan's windowed warmup (Stan Reference Manual, "HMC algorithm parameters", §15.2): a fast initial buffer
 * (75 iterations) adapting only the step size, slow windows (25, 50, 100, … iterations, the last stretched to the
 * terminal buffer) each ending in a diagonal inverse-metric update from the window's sample variances
 * (regularised as (n/(n+5))·σ² + 10⁻³·5/(n+5)), and a terminal buffer (50 iterations) adapting the step size
 * again. Step size follows {@link DualAveraging} throughout, restarted after every metric update; when warmup is
 * too short for the defaults the buffers become 15% and 10% of it, as in Stan; under 20 warmup iterations only
 * the step size adapts.
 *
 * @param warmup       number of warmup iterations
 * @param initBuffer   fast initial buffer length
 * @param termBuffer   fast terminal buffer length
 * @param baseWindow   first slow window length
 * @param targetAccept δ, the target acceptance statistic
 */
public record WindowedAdaptation(int warmup, int initBuffer, int termBuffer, int baseWindow, double targetAccept) {
    private static final double LOG_08 = Math.log(0.8);
    /** Stan's upper bound on the step size during the initial search. */
    private static final double MAX_STEP = 1e7;

    /** Stan's defaults (75/25/50) for {@code warmup} iterations and target δ. */
    public static WindowedAdaptation stan(int warmup, double targetAccept) {
        if (warmup < 20 || 75 + 25 + 50 <= warmup) {
            return new WindowedAdaptation(warmup, 75, 50, 25, targetAccept);
        }
        int init = (int) (0.15 * warmup);
        int term = (int) (0.1 * warmup);
        return new WindowedAdaptation(warmup, init, term, warmup - init - term, targetAccept);
    }

    /**
     * Adaptation progress; arrays are never mutated.
     *
     * @param counter    warmup iterations seen
     * @param windowSize current slow window length
     * @param nextWindow the iteration that ends the current slow window
     * @param dual       the step-size dual averaging
     * @param variance   the current window's variance accumulator
     * @param stepSize   the step size to use next
     * @param invMass    the diagonal inverse metric to use next
     */
    public record State(int counter, int windowSize, int nextWindow, DualAveraging dual, Welford variance,
                        double stepSize, double[] invMass) {
    }

    /** Finds a step size for the current metric; the kernel supplies it because it owns the position and RNG. */
    @FunctionalInterface
    public interface StepSizeSearch {
        /** A reasonable step size starting from ε under inverse metric {@code invMass}. */
        double find(double eps, double[] invMass);
    }

    /** The state before warmup, from step size ε₀ and unit metric. */
    public State start(int dim, double eps0) {
        return new State(0, baseWindow, initBuffer + baseWindow - 1, DualAveraging.start(eps0), Welford.empty(dim),
                eps0, Vec.fill(dim, 1));
    }

    /** Whether warmup is over (adaptation frozen). */
    public boolean done(State s) {
        return s.counter() >= warmup;
    }

    /** The state after one warmup iteration with acceptance statistic α that ended at position q. */
    public State update(State s, double alpha, double[] q, StepSizeSearch search) {
        if (done(s)) {
            return s;
        }
        if (warmup < 20) {
            DualAveraging da = s.dual().update(alpha, targetAccept);
            int c = s.counter() + 1;
            return new State(c, s.windowSize(), s.nextWindow(), da, s.variance(),
                    c == warmup ? da.averagedStepSize() : da.stepSize(), s.invMass());
        }
        DualAveraging da = s.dual().update(alpha, targetAccept);
        double eps = da.stepSize();
        int c = s.counter();
        Welford w = s.variance();
        double[] invMass = s.invMass();
        int windowSize = s.windowSize();
        int next = s.nextWindow();
        if (c >= initBuffer && c < warmup - termBuffer) {
            w = w.add(q);
        }
        if (c == next) {
            if (next != warmup - termBuffer - 1) {
                windowSize *= 2;
                next = c + windowSize;
                if (next != warmup - termBuffer - 1 && next + 2 * windowSize >= warmup - termBuffer) {
                    next = warmup - termBuffer - 1;
                }
            }
            double[] var = w.variance();
            int n = w.n();
            invMass = new double[var.length];
            for (int i = 0; i < var.length; i++) {
                invMass[i] = (n / (n + 5.0)) * var[i] + 1e-3 * (5.0 / (n + 5.0));
            }
            w = Welford.empty(var.length);
            eps = search.find(eps, invMass);
            da = DualAveraging.start(eps);
        }
        c++;
        if (c == warmup) {
            eps = da.averagedStepSize();
        }
        return new State(c, windowSize, next, da, w, eps, invMass);
    }

    /**
     * Stan's step-size initialisation, {@code base_hmc::init_stepsize} (a variant of Hoffman &amp; Gelman 2014,
     * Alg. 4, with threshold 0.8 instead of 0.5 and fresh momenta for every try): one leapfrog step at ε sets the
     * direction (up when the acceptance ratio exp(H₀ − H) exceeds 0.8, else down); then, as in Stan, ε is tried
     * again with a fresh momentum, and while the ratio stays on the same side ε is doubled (or halved) and tried
     * again. A NaN energy counts as H = +∞ (ratio 0), so a step too large to integrate makes ε shrink. Returns ε
     * unchanged when it is 0, NaN or above 10⁷, where Stan skips the search.
     *
     * @throws IllegalStateException when ε grows past 10⁷ ("posterior is improper") or halves to 0 ("no acceptably
     *                               small step size"), Stan's two failures
     */
    public static double reasonableStepSize(LogDensity target, PhasePoint start, double eps, double[] invMass,
                                            SplitMix64 rng) {
        if (!(eps > 0) || eps > MAX_STEP) {
            return eps;
        }
        double e = eps;
        int direction = oneStepLogRatio(target, start, e, invMass, rng) > LOG_08 ? 1 : -1;
        while (true) {
            double dH = oneStepLogRatio(target, start, e, invMass, rng);
            if (direction == 1 ? !(dH > LOG_08) : !(dH < LOG_08)) {
                return e;
            }
            e = direction == 1 ? 2 * e : 0.5 * e;
            if (e > MAX_STEP) {
                throw new IllegalStateException("step-size search: the one-step acceptance ratio stays above 0.8 "
                        + "for step sizes up to " + MAX_STEP + " (from " + eps + "); the posterior is probably "
                        + "improper");
            }
            if (e == 0) {
                throw new IllegalStateException("step-size search: no step size down to the smallest double gives a"
                        + " one-step acceptance ratio of 0.8 (from " + eps + "); the log density is probably not "
                        + "continuous or not finite near " + java.util.Arrays.toString(start.q()));
            }
        }
    }

    /** H₀ − H after one leapfrog step of size ε with a fresh momentum; −∞ when H is NaN (as Stan treats it). */
    private static double oneStepLogRatio(LogDensity target, PhasePoint start, double eps, double[] invMass,
                                          SplitMix64 rng) {
        double[] p = Draws.momentum(rng, invMass);
        PhasePoint z = new PhasePoint(start.q(), p, start.logDensity(), start.gradient());
        double h0 = z.hamiltonian(invMass);
        double h = Leapfrog.step(target, z, eps, invMass).hamiltonian(invMass);
        if (Double.isNaN(h)) {
            h = Double.POSITIVE_INFINITY;
        }
        return h0 - h;
    }
}
