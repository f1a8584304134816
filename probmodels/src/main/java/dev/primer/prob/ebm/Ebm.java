package dev.primer.prob.ebm;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.LogDensity;
import dev.primer.prob.autodiff.FiniteDifference;
import dev.primer.prob.mcmc.Kernel;
import dev.primer.prob.mcmc.Langevin;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An energy-based model P(x) ∝ exp f(x) with f a softplus MLP (d → h → h → 1), trained by persistent contrastive
 * divergence (Tieleman 2008): the log-likelihood gradient E_data ∇f − E_P ∇f with the model expectation taken over
 * persistent chains that take a few steps of the project's Langevin kernel ({@link Langevin#mala}) on the current f
 * after every update. The loss on nn-core's expression path is mean f(x_model) − mean f(x_data) + α·(mean f(x_data)²
 * + mean f(x_model)²), the last term the energy regulariser of Du &amp; Mordatch (2019, §3.3) that keeps f bounded.
 */
public final class Ebm {
    /** Central-difference step of the input gradient Langevin uses. */
    private static final double FD_STEP = 1e-5;

    private final Config config;
    private final ExprNet net;
    private final SplitMix64 rng;
    private final List<Kernel.State> chains = new ArrayList<>();

    /**
     * The model and its training.
     *
     * @param dim          data dimension
     * @param hidden       units per hidden layer
     * @param chains       persistent chains (also the batch size)
     * @param stepsPerFit  Langevin steps of every chain per update
     * @param stepSize     the Langevin step ε
     * @param lr           Adam's rate
     * @param regulariser  α
     * @param initScale    standard deviation of the chains' N(0, s²I) start
     */
    public record Config(int dim, int hidden, int chains, int stepsPerFit, double stepSize, double lr,
                         double regulariser, double initScale) {
        /** Rejects sizes and scales that cannot train. */
        public Config {
            if (dim < 1 || hidden < 1 || chains < 2 || stepsPerFit < 1 || !(stepSize > 0) || !(lr > 0)
                    || !(regulariser >= 0) || !(initScale > 0)) {
                throw new IllegalArgumentException("EBM config needs positive sizes and scales, got " + this);
            }
        }

        /** A 2-D model: 64 hidden units, 256 chains of 5 MALA steps of 0.2, Adam 3·10⁻³, α = 0.01, chains from N(0, 3²). */
        public static Config plane() {
            return new Config(2, 64, 256, 5, 0.2, 3e-3, 0.01, 3);
        }
    }

    /** A fresh model, everything random drawn from {@code seed}. */
    public Ebm(Config config, long seed) {
        this.config = config;
        this.net = new ExprNet(program(config.dim(), config.hidden(), config.regulariser()), Updates.adam(config.lr()),
                seed);
        this.rng = SplitMix64.seeded(seed + 1);
        Langevin k = kernel();
        for (int c = 0; c < config.chains(); c++) {
            double[] x0 = new double[config.dim()];
            for (int j = 0; j < x0.length; j++) {
                x0[j] = config.initScale() * rng.nextGaussianBoxMuller();
            }
            chains.add(k.init(x0, 0, rng.nextLong()));
        }
    }

    /** One PCD update on a data batch of {@code chains} rows; returns mean f(data) − mean f(chains) before it. */
    public double fit(INDArray data) {
        Langevin k = kernel();
        double[][] model = new double[chains.size()][];
        for (int c = 0; c < chains.size(); c++) {
            // The kernel's state caches log π at the position: restart it on the current f.
            Langevin.State s = k.init(chains.get(c).position(), 0, rng.nextLong());
            for (int t = 0; t < config.stepsPerFit(); t++) {
                s = k.step(s);
            }
            chains.set(c, s);
            model[c] = s.position();
        }
        INDArray xm = Nd4j.create(model).castTo(DataType.FLOAT);
        net.fit(data.castTo(DataType.FLOAT), xm);
        Map<String, INDArray> out = net.outputs(data.castTo(DataType.FLOAT), xm);
        return out.get("f_data").meanNumber().doubleValue() - out.get("f_model").meanNumber().doubleValue();
    }

    /** The current f as a log density (unnormalised), its gradient by central differences. */
    public LogDensity logDensity() {
        Mlp f = Mlp.of(net);
        int d = config.dim();
        return new LogDensity() {
            @Override
            public int dim() {
                return d;
            }

            @Override
            public double value(double[] x) {
                return f.value(x);
            }

            @Override
            public double valueAndGradient(double[] x, double[] grad) {
                System.arraycopy(FiniteDifference.gradient(this, x, FD_STEP), 0, grad, 0, d);
                return f.value(x);
            }
        };
    }

    /** The network holding f. */
    ExprNet net() {
        return net;
    }

    /** The persistent chains' positions. */
    public double[][] chainPositions() {
        return chains.stream().map(Kernel.State::position).toArray(double[][]::new);
    }

    private Langevin kernel() {
        return Langevin.mala(logDensity(), config.stepSize());
    }

    /** f as a program over inputs x_data and x_model (shared weights); outputs f_data, f_model. */
    static Program program(int d, int hidden, double alpha) {
        Program.Builder p = Program.builder();
        Expr xd = p.input("x_data", d);
        Expr xm = p.input("x_model", d);
        double inBound = 1 / Math.sqrt(d);
        double hBound = 1 / Math.sqrt(hidden);
        Expr[] w = {p.param("l1.W", d, hidden, inBound), p.param("l1.b", 1, hidden, inBound),
            p.param("l2.W", hidden, hidden, hBound), p.param("l2.b", 1, hidden, hBound),
            p.param("out.W", hidden, 1, hBound), p.param("out.b", 1, 1, hBound)};
        Expr fd = mlp(p, xd, w);
        Expr fm = mlp(p, xm, w);
        Expr gap = p.sub(p.meanRows(fm), p.meanRows(fd));
        Expr reg = p.scale(p.add(p.meanRows(p.square(fd)), p.meanRows(p.square(fm))), alpha);
        return p.build(p.add(gap, reg), Map.of("f_data", fd, "f_model", fm));
    }

    private static Expr mlp(Program.Builder p, Expr x, Expr[] w) {
        Expr h1 = p.softplus(p.dense(x, w[0], w[1]));
        Expr h2 = p.softplus(p.dense(h1, w[2], w[3]));
        return p.dense(h2, w[4], w[5]);
    }

    /** The MLP's weights in double precision, for the samplers. */
    record Mlp(double[][] w1, double[] b1, double[][] w2, double[] b2, double[] w3, double b3) {
        static Mlp of(ExprNet net) {
            return new Mlp(net.param("l1.W").toDoubleMatrix(), net.param("l1.b").toDoubleVector(),
                    net.param("l2.W").toDoubleMatrix(), net.param("l2.b").toDoubleVector(),
                    net.param("out.W").toDoubleVector(), net.param("out.b").getDouble(0));
        }

        double value(double[] x) {
            double[] h1 = layer(x, w1, b1);
            double[] h2 = layer(h1, w2, b2);
            double f = b3;
            for (int k = 0; k < h2.length; k++) {
                f += h2[k] * w3[k];
            }
            return f;
        }

        private static double[] layer(double[] x, double[][] w, double[] b) {
            double[] h = b.clone();
            for (int i = 0; i < x.length; i++) {
                for (int k = 0; k < h.length; k++) {
                    h[k] += x[i] * w[i][k];
                }
            }
            for (int k = 0; k < h.length; k++) {
                h[k] = Math.max(h[k], 0) + Math.log1p(Math.exp(-Math.abs(h[k])));
            }
            return h;
        }
    }
}
