package dev.primer.prob.optim;

import dev.primer.prob.autodiff.Differentiable;
import dev.primer.prob.linalg.Vec;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright 2006, Alg. 7.4 and 7.5): the two-loop recursion over the last
 * {@code memory} pairs (s, y) as the search direction, an Armijo backtracking step ({@link LineSearch#armijo}),
 * and a pair kept only when sᵀy &gt; 0, so the implicit inverse Hessian stays positive definite without a Wolfe
 * search; a step with sᵀy ≤ 0 (negative curvature along it) empties the memory, as stale pairs would otherwise
 * freeze the direction, and the next step is steepest descent. Deterministic, full-gradient.
 *
 * @param memory the number of (s, y) pairs kept, m
 */
public record Lbfgs(int memory) {
    /** Rejects a memory below 1. */
    public Lbfgs {
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS needs a memory of at least 1 pair, got " + memory);
        }
    }

    /** Runs {@code iterations} iterations from x₀ (fewer if a step makes no progress); values[t] = f(x_t). */
    public Minimization minimize(Differentiable f, double[] x0, int iterations) {
        int d = x0.length;
        double[] x = x0.clone();
        double[] g = new double[d];
        double fx = f.valueAndGradient(x, g);
        double[] values = new double[iterations + 1];
        values[0] = fx;
        Deque<double[][]> pairs = new ArrayDeque<>();
        for (int t = 1; t <= iterations; t++) {
            double[] p = direction(g, pairs);
            double[] next = LineSearch.armijo(f, x, fx, g, p);
            double[] gNext = new double[d];
            double fNext = f.valueAndGradient(next, gNext);
            if (!(fNext < fx)) {
                Arrays.fill(values, t, iterations + 1, fx);
                break;
            }
            double[] s = new double[d];
            double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                s[i] = next[i] - x[i];
                y[i] = gNext[i] - g[i];
            }
            if (Vec.dot(s, y) > 0) {
                pairs.addLast(new double[][] {s, y});
                if (pairs.size() > memory) {
                    pairs.removeFirst();
                }
            } else {
                pairs.clear();
            }
            x = next;
            g = gNext;
            fx = fNext;
            values[t] = fx;
        }
        return new Minimization(x, values);
    }

    /** −H·g by the two-loop recursion, with H₀ = (sᵀy / yᵀy)·I from the newest pair (eq. 7.20); −g without pairs. */
    private static double[] direction(double[] g, Deque<double[][]> pairs) {
        double[] q = g.clone();
        double[] alpha = new double[pairs.size()];
        int k = pairs.size() - 1;
        for (var it = pairs.descendingIterator(); it.hasNext(); k--) {
            double[][] sy = it.next();
            alpha[k] = Vec.dot(sy[0], q) / Vec.dot(sy[1], sy[0]);
            q = Vec.axpy(q, -alpha[k], sy[1]);
        }
        if (!pairs.isEmpty()) {
            double[][] last = pairs.peekLast();
            double gamma = Vec.dot(last[0], last[1]) / Vec.dot(last[1], last[1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        k = 0;
        for (double[][] sy : pairs) {
            double beta = Vec.dot(sy[1], q) / Vec.dot(sy[1], sy[0]);
            q = Vec.axpy(q, alpha[k++] - beta, sy[0]);
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = -q[i];
        }
        return q;
    }
}
