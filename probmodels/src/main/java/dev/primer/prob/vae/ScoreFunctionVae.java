package dev.primer.prob.vae;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.linalg.Vec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link Vae}'s model and ELBO with the encoder trained by the score-function (REINFORCE, Williams 1992) estimator
 * instead of the reparametrisation: the decoder reads z = μ + σ ⊙ ε held constant (no path back to μ and σ), and
 * the reconstruction term's encoder gradient is (−log p(x | z) − b(x))·∇log q(z | x) (Kingma &amp; Welling 2014,
 * §2.2's "naïve" estimator; Mnih &amp; Gregor 2014, §3.3 for the baseline), with
 * log q(z | x) = −½ Σⱼ (log σⱼ² + (zⱼ − μⱼ)²/σⱼ²) + const. The KL term keeps its closed form (Appendix B), so the two
 * estimators differ in the encoder's reconstruction gradient alone; the decoder's gradient is the same path in
 * both, and on the same draws (the same seed and update count) it is the same number.
 *
 * <p>With {@code baseline}, b(x) = stop(h)·w + c is a linear read-out of the encoder's hidden layer regressed on
 * the signal by (stop(nll) − b)², as in {@link GumbelVae}; without it, b = 0. The parameters bear the {@link Vae}'s
 * names, in its order, with the baseline's ({@code baseline.W}, {@code baseline.b}) after them.
 *
 * <p>Outputs per row: those of {@link Vae} ({@code neg_elbo}, {@code log_w}, {@code mu}, {@code logvar}, {@code kl})
 * and {@code nll} (−log p(x | z)) and {@code h} (the hidden layer), which {@link #fitBaseline} regresses.
 *
 * @param vae      the model
 * @param baseline whether the signal is centred by a learnt b(x)
 */
public record ScoreFunctionVae(Vae vae, boolean baseline) {
    /** Output name: per-row −log p(x | z). */
    public static final String NLL = "nll";
    /** Output name: the encoder's hidden layer. */
    public static final String HIDDEN = "h";
    /** The baseline's parameter names. */
    static final String BASELINE = "baseline";

    /** The model as a program: input {@code x} (binary pixels), loss whose gradient is the estimator. */
    public Program program() {
        Program.Builder p = Program.builder();
        Vae.Encoder enc = vae.encoder(p);
        Expr x = enc.x();
        Expr h = enc.hidden();
        Expr mu = enc.mu();
        Expr logvar = enc.logvar();
        Expr eps = enc.eps();
        Expr z = p.stopGradient(enc.z());
        Expr logits = p.linear("dec.out", p.relu(p.linear("dec", z, vae.hidden())), vae.pixels());
        Expr nll = p.rowSum(p.bceWithLogits(logits, x));
        Expr kl = Vae.kl(p, mu, logvar);
        Expr negElbo = p.add(nll, kl);
        // log q(z|x) up to a constant, z held fixed: its gradient is ε/σ for μ and (ε² − 1)/2 for log σ².
        Expr logq = p.scale(p.rowSum(p.add(logvar, p.mul(p.square(p.sub(z, mu)), p.exp(p.scale(logvar, -1))))),
                -0.5);
        Expr surrogate;
        if (baseline) {
            Expr b = p.linear(BASELINE, p.stopGradient(h), 1);
            Expr centred = p.stopGradient(p.sub(nll, b));
            surrogate = p.add(p.mul(centred, logq), p.square(p.sub(p.stopGradient(nll), b)));
        } else {
            surrogate = p.mul(p.stopGradient(nll), logq);
        }
        Expr logW = p.sub(p.scale(p.rowSum(p.sub(p.add(p.square(eps), logvar), p.square(z))), 0.5), nll);
        Map<String, Expr> outputs = new LinkedHashMap<>();
        outputs.put(Vae.NEG_ELBO, negElbo);
        outputs.put(Vae.LOG_W, logW);
        outputs.put(Vae.MU, mu);
        outputs.put(Vae.LOGVAR, logvar);
        outputs.put(Vae.KL, kl);
        outputs.put(NLL, nll);
        outputs.put(HIDDEN, h);
        return p.build(p.meanRows(p.add(negElbo, surrogate)), outputs);
    }

    /** A fresh network of this model trained by {@code updates}, initialised from {@code seed}. */
    public ExprNet build(Updates updates, long seed) {
        return new ExprNet(program(), updates, seed);
    }

    /**
     * A network of this estimator with {@code trained}'s model parameters (a {@link Vae} network or one of this
     * class; copied by name), the same noise seed as {@code seed}, and, with a baseline, b(x) fitted by
     * {@link #fitBaseline} on {@code fitRows}.
     */
    public ExprNet at(ExprNet trained, long seed, INDArray fitRows, long fitSeed) {
        ExprNet net = Iwae.copyParams(vae, trained, build(Updates.adam(1e-3), seed));
        if (baseline) {
            fitBaseline(net, fitRows, fitSeed);
        }
        return net;
    }

    /**
     * Sets b(x) = h·w + c to the least-squares fit (ridge 1e-3 for rank) of −log p(x | z) on the hidden layer h over
     * the rows of {@code x}, z drawn from the stream {@code noiseSeed}. Fitted on draws (and, if they are other
     * images, images) independent of those an estimate uses, b leaves the estimator unbiased.
     */
    public static void fitBaseline(ExprNet net, INDArray x, long noiseSeed) {
        Map<String, INDArray> out = net.outputs(noiseSeed, x);
        double[][] h = out.get(HIDDEN).toDoubleMatrix();
        double[] y = out.get(NLL).toDoubleVector();
        int d = h[0].length + 1;
        double[][] gram = new double[d][d];
        double[] rhs = new double[d];
        double[] row = new double[d];
        for (int r = 0; r < h.length; r++) {
            System.arraycopy(h[r], 0, row, 0, d - 1);
            row[d - 1] = 1;
            for (int i = 0; i < d; i++) {
                rhs[i] += row[i] * y[r];
                if (row[i] != 0) {
                    for (int j = 0; j < d; j++) {
                        gram[i][j] += row[i] * row[j];
                    }
                }
            }
        }
        for (int i = 0; i < d; i++) {
            gram[i][i] += 1e-3 * h.length;
        }
        double[] w = Vec.choleskySolve(Vec.cholesky(gram), rhs);
        INDArray weights = net.param(BASELINE + ".W");
        for (int i = 0; i < d - 1; i++) {
            weights.putScalar(i, 0, w[i]);
        }
        net.param(BASELINE + ".b").putScalar(0, 0, w[d - 1]);
    }
}
