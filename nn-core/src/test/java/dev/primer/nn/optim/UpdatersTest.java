package dev.primer.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.nn.Backend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;

/** The custom update rules against the same recurrences computed by hand in double precision. */
class UpdatersTest {
    private static final double[][] GRADS = {{0.5, -1.0, 2.0}, {0.1, 0.3, -0.7}, {-0.4, 0.0, 1.5}, {0.2, -0.2, 0.2}};

    @BeforeAll
    static void init() {
        Backend.init();
    }

    @Test
    void centeredRmsPropMatchesTorchsRecurrence() {
        double lr = 0.01;
        double alpha = 0.95;
        double eps = 0.01;
        GradientUpdater<?> u = new CenteredRmsProp(lr, null, alpha, eps)
                .instantiate(Nd4j.zeros(DataType.FLOAT, 1, 6), true);
        double[] n = new double[3];
        double[] gbar = new double[3];
        for (int t = 0; t < GRADS.length; t++) {
            INDArray g = Nd4j.create(new float[] {(float) GRADS[t][0], (float) GRADS[t][1], (float) GRADS[t][2]},
                    new long[] {1, 3});
            u.applyUpdater(g, t, 0);
            for (int i = 0; i < 3; i++) {
                double gi = GRADS[t][i];
                n[i] = alpha * n[i] + (1 - alpha) * gi * gi;
                gbar[i] = alpha * gbar[i] + (1 - alpha) * gi;
                double expected = lr * gi / (Math.sqrt(n[i] - gbar[i] * gbar[i]) + eps);
                assertEquals(expected, g.getDouble(0, i), 1e-5 * Math.max(1, Math.abs(expected)), "t=" + t + " i=" + i);
            }
        }
    }

    @Test
    void centeredRmsPropUpdatesViewsAndStridedArraysInPlace() {
        double lr = 0.05;
        double alpha = 0.9;
        double eps = 1e-3;
        int n = 7;
        GradientUpdater<?> u = new CenteredRmsProp(lr, null, alpha, eps)
                .instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2 * n), true);
        double[] sq = new double[n];
        double[] avg = new double[n];
        for (int t = 0; t < 5; t++) {
            INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 3 * n).subi(0.5);
            INDArray gradient = t % 2 == 0
                    ? flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(n, 2 * n))
                    : Nd4j.rand(DataType.FLOAT, n, 3).getColumn(1);
            double[] g = gradient.toDoubleVector();
            u.applyUpdater(gradient, t, 0);
            for (int i = 0; i < n; i++) {
                sq[i] = alpha * sq[i] + (1 - alpha) * g[i] * g[i];
                avg[i] = alpha * avg[i] + (1 - alpha) * g[i];
                double expected = lr * g[i] / (Math.sqrt(sq[i] - avg[i] * avg[i]) + eps);
                assertEquals(expected, gradient.getDouble(i), 1e-5 * Math.max(1, Math.abs(expected)), "t=" + t);
            }
        }
    }

    @Test
    void heavyBallMomentumMatchesTorchsRecurrence() {
        double lr = 0.1;
        double mu = 0.9;
        GradientUpdater<?> u = new MomentumUpdater(lr, null, mu).instantiate(Nd4j.zeros(DataType.FLOAT, 1, 3), true);
        double[] v = new double[3];
        for (int t = 0; t < GRADS.length; t++) {
            INDArray g = Nd4j.create(new float[] {(float) GRADS[t][0], (float) GRADS[t][1], (float) GRADS[t][2]},
                    new long[] {1, 3});
            u.applyUpdater(g, t, 0);
            for (int i = 0; i < 3; i++) {
                v[i] = mu * v[i] + GRADS[t][i];
                assertEquals(lr * v[i], g.getDouble(0, i), 1e-6, "t=" + t + " i=" + i);
            }
        }
    }

    @Test
    void schedulesFollowTheirFormulas() {
        assertEquals(0.1 * 0.5 * 0.5, LearningRate.step(0.1, 0.5, 10).at(25), 1e-12);
        assertEquals(0.1 * Math.pow(0.99, 7), LearningRate.exponential(0.1, 0.99).at(7), 1e-12);
        assertEquals(0.1 * Math.pow(1 - 30.0 / 100, 2), LearningRate.poly(0.1, 2, 100).at(30), 1e-12);
        assertEquals(0.3, LearningRate.constant(0.3).at(1000), 0);
        assertEquals(0.05, Optimizer.adam().updater(LearningRate.step(0.1, 0.5, 10)).getLearningRate(10, 0), 1e-12);
    }

    /** Runs {@code GRADS} through the updater of {@code o} at rate {@code lr}, checking each step against {@code rule}. */
    private static void matches(Optimizer o, double lr, int stateRows, Rule rule) {
        GradientUpdater<?> u = o.updater(LearningRate.constant(lr))
                .instantiate(Nd4j.zeros(DataType.FLOAT, 1, stateRows * 3), true);
        double[][] state = new double[2][3];
        for (int t = 0; t < GRADS.length; t++) {
            INDArray g = Nd4j.create(new float[] {(float) GRADS[t][0], (float) GRADS[t][1], (float) GRADS[t][2]},
                    new long[] {1, 3});
            u.applyUpdater(g, t, 0);
            for (int i = 0; i < 3; i++) {
                double expected = rule.step(state, i, GRADS[t][i], t + 1);
                assertEquals(expected, g.getDouble(0, i), 1e-5 * Math.max(1, Math.abs(expected)), o + " t=" + t);
            }
        }
    }

    /** One coordinate's textbook update (the amount subtracted from θ) at step t, advancing {@code state}. */
    private interface Rule {
        double step(double[][] state, int i, double g, int t);
    }

    @Test
    void nesterovMatchesSutskeversReformulation() {
        double lr = 0.1;
        double mu = 0.9;
        // Nesterov momentum in Bengio et al. 2013's form (their eq. 7): v ← μv − lr·g, θ ← θ − (μ·v_prev − (1+μ)·v).
        matches(Optimizer.nesterov(mu), lr, 1, (st, i, g, t) -> {
            double prev = st[0][i];
            st[0][i] = mu * prev - lr * g;
            return mu * prev - (1 + mu) * st[0][i];
        });
    }

    @Test
    void rmsPropMatchesTielemanAndHinton() {
        double lr = 0.01;
        double alpha = 0.9;
        matches(Optimizer.rmsprop(alpha, 1e-8), lr, 1, (st, i, g, t) -> {
            st[0][i] = alpha * st[0][i] + (1 - alpha) * g * g;
            return lr * g / (Math.sqrt(st[0][i]) + 1e-8);
        });
    }

    @Test
    void adamMatchesKingmaAndBaAlgorithm1() {
        double lr = 0.001;
        matches(Optimizer.adam(), lr, 2, (st, i, g, t) -> {
            st[0][i] = 0.9 * st[0][i] + 0.1 * g;
            st[1][i] = 0.999 * st[1][i] + 0.001 * g * g;
            double mHat = st[0][i] / (1 - Math.pow(0.9, t));
            double vHat = st[1][i] / (1 - Math.pow(0.999, t));
            return lr * mHat / (Math.sqrt(vHat) + 1e-8);
        });
    }
}
