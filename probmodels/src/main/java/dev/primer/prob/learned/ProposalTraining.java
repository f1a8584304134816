package dev.primer.prob.learned;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.LogDensity;
import dev.primer.random.SplitMix64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the shears of a {@link NiceProposal} by the loss of L2HMC (Levy et al. 2018, eq. 7): for a move ξ → ξ′
 * accepted with probability A and squared jump δ = ‖x′ − x‖², ℓ = λ²/(δA) − δA/λ², averaged over a batch of
 * persistent chains and over both directions (f and f⁻¹); the first term punishes a chain that never moves, the
 * second rewards the expected squared jump. The target is tempered, π^{1/T}, with T falling geometrically from
 * {@link Config#temperature} to 1 over the first 80% of training (Levy et al. §5.1 anneal the same way), so that
 * early moves see connected modes. After every update the chains take one MH step with the current proposal.
 *
 * <p>The gradient of ℓ with respect to the network's parameters runs through x′ and v′ and, through A, through
 * ∇log π(x′): it is computed by the chain rule in two halves. This class computes g = ∂ℓ/∂(x′, v′) from the target's
 * own gradient; the nn-core program backpropagates it into the shears as the gradient of the surrogate loss
 * mean Σ g ⊙ (x′, v′) with g fed as a constant input, so no second autodiff is written.
 */
public final class ProposalTraining {
    private static final String[] SHEARS = {"m1", "m2", "m3"};
    /** Keeps 1/(δA) finite for a chain that did not move (the L2HMC code adds the same constant). */
    private static final double EPS = 1e-4;
    /** The fraction of training over which the temperature falls to 1. */
    private static final double ANNEAL = 0.8;

    private ProposalTraining() {
    }

    /**
     * How to train.
     *
     * @param hidden      hidden units of each shear
     * @param batch       persistent chains
     * @param iterations  Adam updates
     * @param lr          Adam's rate
     * @param lambda      L2HMC's length scale λ
     * @param initScale   standard deviation of the chains' N(0, s²I) start
     * @param temperature the first temperature T₀ ≥ 1 of the annealing
     */
    public record Config(int hidden, int batch, int iterations, double lr, double lambda, double initScale,
                         double temperature) {
        /** Rejects sizes and scales that cannot train. */
        public Config {
            if (hidden < 1 || batch < 2 || iterations < 1 || !(lr > 0) || !(lambda > 0) || !(initScale > 0)
                    || !(temperature >= 1)) {
                throw new IllegalArgumentException("proposal training needs positive sizes and scales and a first"
                        + " temperature >= 1, got " + this);
            }
        }

        /** 32 hidden units, 128 chains, Adam 3·10⁻³, λ = 0.1 (the L2HMC code's scale), chains from N(0, 3²I), T₀ = 16. */
        public static Config of(int iterations) {
            return new Config(32, 128, iterations, 3e-3, 0.1, 3, 16);
        }
    }

    /**
     * What training made.
     *
     * @param kernel     the trained proposal as an MH kernel on the untempered target
     * @param loss       the batch's mean L2HMC loss at each update
     * @param acceptance the batch's mean acceptance probability at each update
     * @param seconds    training wall time
     */
    public record Result(NiceProposal kernel, double[] loss, double[] acceptance, double seconds) {
    }

    /** Trains a proposal for {@code target}, everything random drawn from {@code seed}. */
    public static Result train(LogDensity target, Config c, long seed) {
        int d = target.dim();
        int b = c.batch();
        ExprNet net = new ExprNet(program(d, c.hidden()), Updates.adam(c.lr()), seed);
        SplitMix64 rng = SplitMix64.seeded(seed + 1);
        double[][] x = new double[b][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = c.initScale() * rng.nextGaussianBoxMuller();
            }
        }
        double[] loss = new double[c.iterations()];
        double[] acceptance = new double[c.iterations()];
        long t0 = System.nanoTime();
        for (int it = 0; it < c.iterations(); it++) {
            double temperature = Math.pow(c.temperature(), Math.max(0, 1 - it / (ANNEAL * c.iterations())));
            double[][] v = new double[b][d];
            for (double[] row : v) {
                for (int j = 0; j < d; j++) {
                    row[j] = rng.nextGaussianBoxMuller();
                }
            }
            INDArray xs = matrix(x);
            INDArray vs = matrix(v);
            INDArray zero = Nd4j.zeros(xs.dataType(), b, d);
            Map<String, INDArray> out = net.outputs(xs, vs, zero, zero, zero, zero);
            Move fwd = Move.of(target, temperature, x, v, out.get("xf").toDoubleMatrix(),
                    out.get("vf").toDoubleMatrix(), c.lambda());
            Move bwd = Move.of(target, temperature, x, v, out.get("xb").toDoubleMatrix(),
                    out.get("vb").toDoubleMatrix(), c.lambda());
            net.fit(xs, vs, matrix(fwd.gx()), matrix(fwd.gv()), matrix(bwd.gx()), matrix(bwd.gv()));
            for (int i = 0; i < b; i++) {
                Move m = rng.nextDouble() < 0.5 ? fwd : bwd;
                if (rng.nextDouble() < m.accept()[i]) {
                    x[i] = m.x()[i];
                }
                loss[it] += (fwd.loss()[i] + bwd.loss()[i]) / (2.0 * b);
                acceptance[it] += (fwd.accept()[i] + bwd.accept()[i]) / (2.0 * b);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(new NiceProposal(target, shear(net, "m1"), shear(net, "m2"), shear(net, "m3")),
                loss, acceptance, seconds);
    }

    /**
     * The batch's proposals in one direction with their acceptance probabilities A, L2HMC losses ℓ and
     * ∂ℓ/∂x′, ∂ℓ/∂v′.
     */
    private record Move(double[][] x, double[] accept, double[] loss, double[][] gx, double[][] gv) {
        static Move of(LogDensity target, double temperature, double[][] x0, double[][] v0, double[][] x1,
                       double[][] v1, double lambda) {
            int b = x0.length;
            int d = x0[0].length;
            double[] accept = new double[b];
            double[] loss = new double[b];
            double[][] gx = new double[b][d];
            double[][] gv = new double[b][d];
            double[] grad = new double[d];
            double l2 = lambda * lambda;
            for (int i = 0; i < b; i++) {
                double lp1 = target.valueAndGradient(x1[i], grad) / temperature;
                double delta = lp1 - 0.5 * dot(v1[i], v1[i]) - target.value(x0[i]) / temperature
                        + 0.5 * dot(v0[i], v0[i]);
                if (!Double.isFinite(delta)) {
                    continue;
                }
                double a = Math.min(1, Math.exp(delta));
                double dA = delta < 0 ? a : 0;
                double jump = 0;
                for (int j = 0; j < d; j++) {
                    jump += (x1[i][j] - x0[i][j]) * (x1[i][j] - x0[i][j]);
                }
                double u = jump * a + EPS;
                accept[i] = a;
                loss[i] = l2 / u - u / l2;
                double dLoss = -l2 / (u * u) - 1 / l2;
                for (int j = 0; j < d; j++) {
                    // u = δ·A: ∂u/∂x′ = 2A(x′ − x) + δ·∂A/∂Δ·∇log π(x′)/T, ∂u/∂v′ = −δ·∂A/∂Δ·v′.
                    gx[i][j] = dLoss * (2 * a * (x1[i][j] - x0[i][j]) + jump * dA * grad[j] / temperature);
                    gv[i][j] = -dLoss * jump * dA * v1[i][j];
                }
            }
            return new Move(x1, accept, loss, gx, gv);
        }
    }

    /**
     * The proposal as a program: inputs x, v and the four upstream gradients; outputs f(x, v) = (xf, vf) and
     * f⁻¹(x, v) = (xb, vb); loss the surrogate mean Σ g ⊙ output.
     */
    static Program program(int d, int hidden) {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", d);
        Expr v = p.input("v", d);
        Expr gxf = p.input("gxf", d);
        Expr gvf = p.input("gvf", d);
        Expr gxb = p.input("gxb", d);
        Expr gvb = p.input("gvb", d);
        ShearParams m1 = ShearParams.of(p, "m1", d, hidden);
        ShearParams m2 = ShearParams.of(p, "m2", d, hidden);
        ShearParams m3 = ShearParams.of(p, "m3", d, hidden);
        Expr v1 = p.add(v, m1.apply(p, x));
        Expr xf = p.add(x, m2.apply(p, v1));
        Expr vf = p.add(v1, m3.apply(p, xf));
        Expr v1b = p.sub(v, m3.apply(p, x));
        Expr xb = p.sub(x, m2.apply(p, v1b));
        Expr vb = p.sub(v1b, m1.apply(p, xb));
        Expr surrogate = p.add(p.add(p.mul(gxf, xf), p.mul(gvf, vf)), p.add(p.mul(gxb, xb), p.mul(gvb, vb)));
        Map<String, Expr> outputs = new LinkedHashMap<>();
        outputs.put("xf", xf);
        outputs.put("vf", vf);
        outputs.put("xb", xb);
        outputs.put("vb", vb);
        return p.build(p.meanRows(p.rowSum(surrogate)), outputs);
    }

    /** One shear's parameters in the program, written once and applied in both directions. */
    private record ShearParams(Expr skipW, Expr skipB, Expr w1, Expr b1, Expr w2, Expr b2) {
        static ShearParams of(Program.Builder p, String name, int d, int hidden) {
            double inBound = 1 / Math.sqrt(d);
            double hiddenBound = 1 / Math.sqrt(hidden);
            return new ShearParams(p.param(name + ".skip.W", d, d, inBound), p.param(name + ".skip.b", 1, d, 0),
                    p.param(name + ".hidden.W", d, hidden, inBound), p.param(name + ".hidden.b", 1, hidden, inBound),
                    p.param(name + ".out.W", hidden, d, hiddenBound), p.param(name + ".out.b", 1, d, 0));
        }

        /** m(u) = u·S + relu(u·W₁ + b₁)·W₂ + b, the bias split in two nodes (skip.b and out.b). */
        Expr apply(Program.Builder p, Expr u) {
            return p.add(p.dense(u, skipW, skipB), p.dense(p.relu(p.dense(u, w1, b1)), w2, b2));
        }
    }

    /** The trained shear called {@code name} read out of the network, in double precision. */
    static Shear shear(ExprNet net, String name) {
        double[] bias = net.param(name + ".skip.b").add(net.param(name + ".out.b")).toDoubleVector();
        return new Shear(net.param(name + ".skip.W").toDoubleMatrix(), net.param(name + ".hidden.W").toDoubleMatrix(),
                net.param(name + ".hidden.b").toDoubleVector(), net.param(name + ".out.W").toDoubleMatrix(), bias);
    }

    private static INDArray matrix(double[][] rows) {
        return Nd4j.create(rows).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
