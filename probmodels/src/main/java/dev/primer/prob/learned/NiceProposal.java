package dev.primer.prob.learned;

import dev.primer.prob.LogDensity;
import dev.primer.prob.mcmc.Draws;
import dev.primer.prob.mcmc.Kernel;
import dev.primer.prob.mcmc.RandomWalkMetropolis;
import dev.primer.prob.mcmc.TransitionStats;
import dev.primer.random.SplitMix64;

/**
 * Metropolis–Hastings with a learned volume-preserving proposal on the space of (x, v), v ~ N(0, I) an auxiliary
 * velocity (A-NICE-MC, Song et al. 2017, §4): f is three additive couplings, a leapfrog whose forces are learned,
 * v₁ = v + m₁(x), x′ = x + m₂(v₁), v′ = v₁ + m₃(x′), so |det ∂f| = 1; f or f⁻¹ is applied with probability ½ each
 * and accepted with min(1, π(x′)N(v′)/(π(x)N(v))). The direction makes the move an involution on (x, v, d), so the
 * chain leaves π invariant whatever the shears are: training can only make it mix faster, never bias it. Its state
 * is random-walk MH's: position, log π, the RNG word and the transition's statistics.
 *
 * @param target the log density (its value only)
 * @param m1     the first velocity shear m₁(x)
 * @param m2     the position shear m₂(v)
 * @param m3     the second velocity shear m₃(x)
 */
public record NiceProposal(LogDensity target, Shear m1, Shear m2, Shear m3)
        implements Kernel<RandomWalkMetropolis.State> {
    /** A point of the extended space (x, v). */
    public record Point(double[] x, double[] v) {
    }

    @Override
    public RandomWalkMetropolis.State init(double[] x0, int warmup, long seed) {
        return new RandomWalkMetropolis.State(x0.clone(), target.value(x0), seed, TransitionStats.INITIAL);
    }

    @Override
    public RandomWalkMetropolis.State step(RandomWalkMetropolis.State s) {
        SplitMix64 rng = new SplitMix64(s.rng());
        double[] v = new double[s.position().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussianBoxMuller();
        }
        Point p = new Point(s.position(), v);
        Point q = rng.nextDouble() < 0.5 ? forward(p) : inverse(p);
        double lq = target.value(q.x());
        double logAlpha = lq - 0.5 * dot(q.v()) - s.logDensity() + 0.5 * dot(v);
        boolean accept = Draws.logUniform(rng) < logAlpha;
        TransitionStats tr = TransitionStats.metropolis(Math.min(1, Math.exp(logAlpha)), accept, 0, Double.NaN);
        return accept ? new RandomWalkMetropolis.State(q.x(), lq, rng.state(), tr)
                : new RandomWalkMetropolis.State(s.position(), s.logDensity(), rng.state(), tr);
    }

    /** f(x, v). */
    public Point forward(Point p) {
        double[] v1 = plus(p.v(), m1.apply(p.x()), 1);
        double[] x1 = plus(p.x(), m2.apply(v1), 1);
        return new Point(x1, plus(v1, m3.apply(x1), 1));
    }

    /** f⁻¹(x, v): the couplings undone in reverse order. */
    public Point inverse(Point p) {
        double[] v1 = plus(p.v(), m3.apply(p.x()), -1);
        double[] x0 = plus(p.x(), m2.apply(v1), -1);
        return new Point(x0, plus(v1, m1.apply(x0), -1));
    }

    private static double[] plus(double[] a, double[] b, double sign) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] + sign * b[i];
        }
        return r;
    }

    private static double dot(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return s;
    }
}
