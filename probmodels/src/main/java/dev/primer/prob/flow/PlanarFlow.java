package dev.primer.prob.flow;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.autodiff.Differentiable;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * K planar steps (Rezende &amp; Mohamed 2015, §4.1) pushing q₀ = N(0, I) forward, written as an nn-core
 * {@link Program} and fitted by reverse KL to an unnormalised target e^{−U}: the free energy
 * F = E_{q₀}[log q₀(z₀) − Σₖ log |1 + ûₖᵀψₖ(zₖ₋₁)| + β·U(z_K)] (eq. 15 with the annealing β of §6.1).
 *
 * <p>U is an arbitrary {@link Differentiable} rather than a graph, so each step runs the flow twice on the same
 * z₀: once to get z_K and β∇U(z_K), then a training pass whose loss mean(z_K·g − Σ log-dets), with g that gradient
 * fed as an input, has exactly the free energy's parameter gradient (only its value differs from F).
 *
 * @param dim   the dimension
 * @param steps K
 */
public record PlanarFlow(int dim, int steps) {
    /** Output name: z_K, the flow's sample. */
    public static final String Z = "z";
    /** Output name: Σₖ log |det ∂fₖ/∂z| per row. */
    public static final String LOG_DET = "log_det";

    /** The program: inputs {@code z0} (base draws) and {@code g} (β∇U at z_K), outputs z_K and the log-det sum. */
    public Program program() {
        Program.Builder p = Program.builder();
        Expr z = p.input("z0", dim);
        Expr g = p.input("g", dim);
        Expr logDet = null;
        for (int k = 0; k < steps; k++) {
            Expr w = p.param(name(k, "w"), dim, 1, 1);
            Expr u = p.param(name(k, "u"), 1, dim, 1);
            Expr b = p.param(name(k, "b"), 1, 1, 1);
            Expr wRow = p.transpose(w);
            Expr wu = p.matmul(u, w);
            // û = u + (m(wᵀu) − wᵀu)·w/‖w‖², m(x) = −1 + softplus(x) (Appendix A.1).
            Expr coef = p.divideBy(p.sub(p.shift(p.softplus(wu), -1), wu), p.matmul(wRow, w));
            Expr uHat = p.add(u, p.matmul(coef, wRow));
            Expr h = p.tanh(p.dense(z, w, b));
            z = p.add(z, p.matmul(h, uHat));
            // log |1 + ûᵀψ|, ψ = (1 − h²)·w (eq. 11-12).
            Expr step = p.logAbs(p.shift(p.matmul(p.shift(p.scale(p.square(h), -1), 1), p.matmul(uHat, w)), 1));
            logDet = logDet == null ? step : p.add(logDet, step);
        }
        Expr loss = p.meanRows(p.sub(p.rowSum(p.mul(z, g)), logDet));
        return p.build(loss, Map.of(Z, z, LOG_DET, logDet));
    }

    private static String name(int k, String what) {
        return "planar" + k + "." + what;
    }

    /** The trained flow as a double-precision {@link Chain} of {@link Planar} steps with {@code net}'s parameters. */
    public Chain bijector(ExprNet net) {
        List<Bijector> out = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            out.add(new Planar(net.param(name(k, "w")).toDoubleVector(), net.param(name(k, "u")).toDoubleVector(),
                    net.param(name(k, "b")).getDouble(0)));
        }
        return new Chain(out);
    }

    /**
     * How a fit runs.
     *
     * @param updates   Adam's rate, for one
     * @param iterations parameter updates
     * @param batch     z₀ draws per update
     * @param anneal    updates over which β rises linearly from 0.01 to 1 (§6.1: β = min(1, 0.01 + t/10⁴))
     */
    public record Fit(Updates updates, int iterations, int batch, int anneal) {
    }

    /** Fits a fresh flow to e^{−u} as {@code fit} says, from {@code seed}; returns the network. */
    public ExprNet fit(Differentiable u, Fit fit, long seed) {
        ExprNet net = new ExprNet(program(), fit.updates(), seed);
        SplitMix64 rng = SplitMix64.seeded(seed);
        float[][] z0 = new float[fit.batch()][dim];
        float[][] g = new float[fit.batch()][dim];
        double[] zk = new double[dim];
        double[] grad = new double[dim];
        for (int t = 0; t < fit.iterations(); t++) {
            double beta = Math.min(1, 0.01 + (double) t / Math.max(1, fit.anneal()));
            for (float[] row : z0) {
                for (int i = 0; i < dim; i++) {
                    row[i] = (float) rng.nextGaussianBoxMuller();
                }
            }
            INDArray in = Nd4j.createFromArray(z0);
            INDArray out = net.outputs(in, Nd4j.zeros(DataType.FLOAT, fit.batch(), dim)).get(Z);
            for (int r = 0; r < fit.batch(); r++) {
                for (int i = 0; i < dim; i++) {
                    zk[i] = out.getDouble(r, i);
                }
                u.valueAndGradient(zk, grad);
                for (int i = 0; i < dim; i++) {
                    g[r][i] = (float) (beta * grad[i]);
                }
            }
            net.fit(in, Nd4j.createFromArray(g));
        }
        return net;
    }

    /**
     * KL(q_K ‖ e^{−u}/Z) estimated in double precision from {@code n} draws of the flow {@code f} (base N(0, I)):
     * the mean of log q₀(z₀) − log |det ∂f/∂z₀| + u(f(z₀)), plus log Z ({@code logNormalizer}).
     */
    public static double reverseKl(Bijector f, Differentiable u, double logNormalizer, int n, long seed) {
        SplitMix64 rng = SplitMix64.seeded(seed);
        double sum = 0;
        double[] z = new double[f.dim()];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < z.length; i++) {
                z[i] = rng.nextGaussianBoxMuller();
            }
            sum += Bijector.standardNormalLogDensity(z) - f.forwardLogDetJacobian(z) + u.value(f.forward(z));
        }
        return sum / n + logNormalizer;
    }
}
