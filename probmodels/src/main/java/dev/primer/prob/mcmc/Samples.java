package dev.primer.prob.mcmc;

import dev.primer.prob.diag.Diagnostics;
import java.util.function.ToDoubleFunction;

/**
 * Post-warmup draws of several chains with their transition statistics.
 *
 * @param draws                  draws[chain][iteration] is a position (length d)
 * @param transitions            transitions[chain][iteration] produced that draw
 * @param warmupGradients        gradient evaluations spent in warmup, per chain
 * @param samplingSeconds        wall time of the sampling phase, per chain
 */
public record Samples(double[][][] draws, TransitionStats[][] transitions, long[] warmupGradients,
                      double[] samplingSeconds) {
    /** Number of chains. */
    public int chains() {
        return draws.length;
    }

    /** Draws per chain. */
    public int size() {
        return draws[0].length;
    }

    /** The dimension d. */
    public int dim() {
        return draws[0][0].length;
    }

    /** f(draw) for every draw, as [chain][iteration]. */
    public double[][] map(ToDoubleFunction<double[]> f) {
        double[][] r = new double[chains()][size()];
        for (int c = 0; c < chains(); c++) {
            for (int t = 0; t < size(); t++) {
                r[c][t] = f.applyAsDouble(draws[c][t]);
            }
        }
        return r;
    }

    /** Coordinate j of every draw, as [chain][iteration]. */
    public double[][] component(int j) {
        return map(x -> x[j]);
    }

    /** The pooled mean of coordinate j. */
    public double mean(int j) {
        return mean(component(j));
    }

    /** The pooled mean of a [chain][iteration] array. */
    public static double mean(double[][] values) {
        double s = 0;
        int n = 0;
        for (double[] chain : values) {
            for (double v : chain) {
                s += v;
                n++;
            }
        }
        return s / n;
    }

    /** The pooled sample standard deviation (divisor count − 1) of a [chain][iteration] array. */
    public static double sd(double[][] values) {
        double m = mean(values);
        double s = 0;
        int n = 0;
        for (double[] chain : values) {
            for (double v : chain) {
                s += (v - m) * (v - m);
                n++;
            }
        }
        return Math.sqrt(s / (n - 1));
    }

    /** Split-chain ESS of coordinate j ({@link Diagnostics#ess}). */
    public double ess(int j) {
        return Diagnostics.ess(component(j));
    }

    /** Split R̂ of coordinate j ({@link Diagnostics#splitRhat}). */
    public double rhat(int j) {
        return Diagnostics.splitRhat(component(j));
    }

    /** The smallest ESS over coordinates. */
    public double minEss() {
        double m = Double.POSITIVE_INFINITY;
        for (int j = 0; j < dim(); j++) {
            m = Math.min(m, ess(j));
        }
        return m;
    }

    /** The mean ESS over coordinates. */
    public double meanEss() {
        double s = 0;
        for (int j = 0; j < dim(); j++) {
            s += ess(j);
        }
        return s / dim();
    }

    /** The largest split R̂ over coordinates. */
    public double maxRhat() {
        double m = 0;
        for (int j = 0; j < dim(); j++) {
            m = Math.max(m, rhat(j));
        }
        return m;
    }

    /** The mean acceptance statistic over all post-warmup transitions. */
    public double meanAcceptProb() {
        double s = 0;
        int n = 0;
        for (TransitionStats[] chain : transitions) {
            for (TransitionStats t : chain) {
                s += t.acceptProb();
                n++;
            }
        }
        return s / n;
    }

    /** The fraction of post-warmup transitions that moved. */
    public double acceptanceRate() {
        long moved = 0;
        long n = 0;
        for (TransitionStats[] chain : transitions) {
            for (TransitionStats t : chain) {
                moved += t.accepted() ? 1 : 0;
                n++;
            }
        }
        return (double) moved / n;
    }

    /** The number of divergent post-warmup transitions over all chains. */
    public int divergences() {
        int n = 0;
        for (TransitionStats[] chain : transitions) {
            for (TransitionStats t : chain) {
                n += t.divergent() ? 1 : 0;
            }
        }
        return n;
    }

    /** Gradient evaluations spent in the sampling phase over all chains. */
    public long samplingGradients() {
        long n = 0;
        for (TransitionStats[] chain : transitions) {
            for (TransitionStats t : chain) {
                n += t.gradientEvaluations();
            }
        }
        return n;
    }

    /** The mean post-warmup step size. */
    public double meanStepSize() {
        double s = 0;
        int n = 0;
        for (TransitionStats[] chain : transitions) {
            for (TransitionStats t : chain) {
                s += t.stepSize();
                n++;
            }
        }
        return s / n;
    }

    /** Total sampling-phase seconds over chains (one core's worth of time each). */
    public double totalSamplingSeconds() {
        double s = 0;
        for (double v : samplingSeconds) {
            s += v;
        }
        return s;
    }
}
