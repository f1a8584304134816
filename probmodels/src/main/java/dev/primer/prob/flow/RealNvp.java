package dev.primer.prob.flow;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stack of coupling layers f mapping data x to a standard normal z, trained by maximum likelihood,
 * log p(x) = log N(f(x); 0, I) + log |det ∂f/∂x|: NICE's additive couplings closed by a diagonal scaling (Dinh et al.
 * 2015, §3) or RealNVP's affine couplings with s = scale ⊙ tanh(·) (Dinh et al. 2017, §3.3-3.4), written as an
 * nn-core {@link Program}. Each coupling's s and t come from one MLP of two relu layers on the passed-through
 * values; masks alternate a checkerboard on rows of {@code width} values (for d = 2, width 2: x₁ then x₂).
 * Unlike the papers' image models this one has no convolutions and no multi-scale squeezing.
 *
 * @param dim       d
 * @param width     the row length the checkerboard is laid on (the image width; 2 for points in the plane)
 * @param hidden    units of each conditioner layer
 * @param couplings coupling layers
 * @param affine    RealNVP's affine couplings if true, NICE's additive ones and final scaling if false
 */
public record RealNvp(int dim, int width, int hidden, int couplings, boolean affine) {
    /** Output name: log p(x) per row, in nats. */
    public static final String LOG_P = "log_p";
    /** Output name: z = f(x). */
    public static final String Z = "z";

    /** Coupling {@code l}'s mask: true where a value passes through (the checkerboard's colour l mod 2). */
    public boolean[] mask(int l) {
        boolean[] b = new boolean[dim];
        for (int i = 0; i < dim; i++) {
            b[i] = (i / width + i % width + l) % 2 == 0;
        }
        return b;
    }

    private float[][] maskRow(int l, boolean passes) {
        boolean[] b = mask(l);
        float[][] r = new float[1][dim];
        for (int i = 0; i < dim; i++) {
            r[0][i] = b[i] == passes ? 1 : 0;
        }
        return r;
    }

    /** The program: input {@code x}, loss the mean −log p(x). */
    public Program program() {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", dim);
        Expr z = x;
        Expr logDet = null;
        for (int l = 0; l < couplings; l++) {
            Expr changed = p.constant(maskRow(l, false));
            Expr h = p.mulRow(z, p.constant(maskRow(l, true)));
            h = p.relu(p.linear(name(l, "h1"), h, hidden));
            h = p.relu(p.linear(name(l, "h2"), h, hidden));
            Expr t = p.mulRow(p.linear(name(l, "t"), h, dim), changed);
            if (affine) {
                Expr s = p.mulRow(p.mulRow(p.tanh(p.linear(name(l, "s"), h, dim)),
                        p.param(name(l, "scale"), 1, dim, 0)), changed);
                z = p.add(p.mul(z, p.exp(s)), t);
                Expr step = p.rowSum(s);
                logDet = logDet == null ? step : p.add(logDet, step);
            } else {
                z = p.add(z, t);
            }
        }
        if (!affine) {
            // NICE's scaling z ⊙ e^S adds Σ S to every row's log-det: a column of ones times that 1 × 1 sum.
            Expr logScale = p.param("nice.scale", 1, dim, 0);
            Expr ones = p.shift(p.matmul(x, p.constant(new float[dim][1])), 1);
            z = p.mulRow(z, p.exp(logScale));
            logDet = p.matmul(ones, p.rowSum(logScale));
        }
        Expr logP = p.scale(p.shift(p.rowSum(p.square(z)), dim * Math.log(2 * Math.PI)), -0.5);
        logP = p.add(logP, logDet);
        return p.build(p.scale(p.meanRows(logP), -1), Map.of(LOG_P, logP, Z, z));
    }

    private static String name(int l, String what) {
        return "coupling" + l + "." + what;
    }

    /** A fresh network of this model trained by {@code updates}, initialised from {@code seed}. */
    public ExprNet build(Updates updates, long seed) {
        return new ExprNet(program(), updates, seed);
    }

    /** f with {@code net}'s parameters, in double precision: x ↦ z; sample by {@code inverse} of normal draws. */
    public Chain bijector(ExprNet net) {
        List<Bijector> steps = new ArrayList<>();
        for (int l = 0; l < couplings; l++) {
            steps.add(new Coupling(mask(l), conditioner(net, l)));
        }
        if (!affine) {
            steps.add(new ElementwiseAffine(net.param("nice.scale").toDoubleVector(), new double[dim]));
        }
        return new Chain(steps);
    }

    private Coupling.Conditioner conditioner(ExprNet net, int l) {
        Layer h1 = Layer.of(net, name(l, "h1"));
        Layer h2 = Layer.of(net, name(l, "h2"));
        Layer t = Layer.of(net, name(l, "t"));
        Layer s = affine ? Layer.of(net, name(l, "s")) : null;
        double[] scale = affine ? net.param(name(l, "scale")).toDoubleVector() : null;
        return masked -> {
            double[] h = h2.relu(h1.relu(masked));
            double[] logScale = new double[dim];
            if (affine) {
                double[] raw = s.apply(h);
                for (int i = 0; i < dim; i++) {
                    logScale[i] = scale[i] * Math.tanh(raw[i]);
                }
            }
            return new double[][] {logScale, t.apply(h)};
        };
    }

    /** A dense layer's weights in double precision. */
    private record Layer(double[][] w, double[] b) {
        static Layer of(ExprNet net, String name) {
            INDArray w = net.param(name + ".W");
            return new Layer(w.toDoubleMatrix(), net.param(name + ".b").toDoubleVector());
        }

        double[] apply(double[] x) {
            double[] y = b.clone();
            for (int i = 0; i < x.length; i++) {
                if (x[i] != 0) {
                    for (int j = 0; j < y.length; j++) {
                        y[j] += x[i] * w[i][j];
                    }
                }
            }
            return y;
        }

        double[] relu(double[] x) {
            double[] y = apply(x);
            for (int j = 0; j < y.length; j++) {
                y[j] = Math.max(y[j], 0);
            }
            return y;
        }
    }
}
