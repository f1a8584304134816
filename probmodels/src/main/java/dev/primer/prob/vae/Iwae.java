package dev.primer.prob.vae;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The importance-weighted autoencoder of Burda, Grosse &amp; Salakhutdinov (2016): a {@link Vae}'s model trained on
 * L_k = log (1/k) Σᵢ wᵢ, wᵢ = p(x, zᵢ)/q(zᵢ | x), with k reparametrised samples zᵢ = μ + σ ⊙ εᵢ drawn inside the
 * graph (their eq. 8); its gradient Σᵢ w̃ᵢ ∇log wᵢ with normalised weights w̃ᵢ (their eq. 14) is what reverse mode
 * gives. The encoder runs once per image; its k samples lie side by side in the columns (sample i in columns
 * i·latent …), and one decoder, its parameters written once, reads each of them. log-mean-exp over the k columns is
 * log w₀ − log softmax(log w)₀ − log k, so no new operation is needed and nothing overflows.
 *
 * <p>The parameters bear the {@link Vae}'s names, in its order, so that the same seed initialises both alike and a
 * trained network's {@link #evaluator} is the one-sample {@link Vae} program that {@link Bounds} evaluates.
 *
 * <p>Outputs per row: {@code l_k} (the k-sample estimate of L_k), {@code mean_log_w} (the mean of the k one-sample
 * ELBO estimates on the same draws, ≤ l_k by Jensen), {@code mu} and {@code logvar}.
 *
 * @param vae the model
 * @param k   importance samples per image in training
 */
public record Iwae(Vae vae, int k) {
    /** Output name: per-row k-sample bound. */
    public static final String L_K = "l_k";
    /** Output name: per-row mean of the k log importance weights. */
    public static final String MEAN_LOG_W = "mean_log_w";
    /** Burda et al. 2016, §5: a latent unit u is active when Cov_x(E_{q(u|x)}[u]) exceeds this. */
    public static final double ACTIVE_THRESHOLD = 1e-2;
    /** Rows per forward pass when evaluating, bounding the scratch memory. */
    private static final int CHUNK_ROWS = 2000;

    /** Rejects a sample count below one. */
    public Iwae {
        if (k < 1) {
            throw new IllegalArgumentException("IWAE needs k >= 1 importance samples, got " + k);
        }
    }

    /** The model as a program: input {@code x} (binary pixels), loss −mean L_k. */
    public Program program() {
        int latent = vae.latent();
        int hidden = vae.hidden();
        Program.Builder p = Program.builder();
        Vae.Posterior q = vae.posterior(p);
        Expr x = q.x();
        Expr mu = q.mu();
        Expr logvar = q.logvar();
        double b1 = 1 / Math.sqrt(latent);
        double b2 = 1 / Math.sqrt(hidden);
        Expr w1 = p.param("dec.W", latent, hidden, b1);
        Expr c1 = p.param("dec.b", 1, hidden, b1);
        Expr w2 = p.param("dec.out.W", hidden, vae.pixels(), b2);
        Expr c2 = p.param("dec.out.b", 1, vae.pixels(), b2);
        Expr eps = p.normal(x, latent * k);
        Expr z = p.add(p.tile(mu, k), p.mul(p.tile(p.exp(p.scale(logvar, 0.5)), k), eps));
        Expr[] logW = new Expr[k];
        for (int i = 0; i < k; i++) {
            Expr zi = p.columns(z, i * latent, latent);
            Expr ei = p.columns(eps, i * latent, latent);
            Expr nll = p.rowSum(p.bceWithLogits(p.dense(p.relu(p.dense(zi, w1, c1)), w2, c2), x));
            // log p(z) − log q(z|x) = −½ Σ z² + ½ Σ (ε² + log σ²), as in Vae (Burda et al. 2016, eq. 8).
            Expr logPriorOverQ = p.scale(p.rowSum(p.sub(p.add(p.square(ei), logvar), p.square(zi))), 0.5);
            logW[i] = p.sub(logPriorOverQ, nll);
        }
        Expr all = k == 1 ? logW[0] : p.concat(logW);
        Expr first = p.columns(all, 0, 1);
        Expr lk = p.shift(p.sub(first, p.columns(p.groupLogSoftmax(all, k), 0, 1)), -Math.log(k));
        Map<String, Expr> outputs = new LinkedHashMap<>();
        outputs.put(L_K, lk);
        outputs.put(MEAN_LOG_W, p.scale(p.rowSum(all), 1.0 / k));
        outputs.put(Vae.MU, mu);
        outputs.put(Vae.LOGVAR, logvar);
        return p.build(p.meanRows(p.scale(lk, -1)), outputs);
    }

    /** A fresh network of this model trained by {@code updates}, initialised from {@code seed}. */
    public ExprNet build(Updates updates, long seed) {
        return new ExprNet(program(), updates, seed);
    }

    /** A one-sample {@link Vae} network with {@code trained}'s parameters (copied by name), for {@link Bounds}. */
    public ExprNet evaluator(ExprNet trained) {
        return copyParams(vae, trained, vae.build(Updates.adam(1e-3), 0));
    }

    /** Copies each parameter of {@code model}'s program from {@code from} into the same-named one of {@code into}. */
    static ExprNet copyParams(Vae model, ExprNet from, ExprNet into) {
        for (Program.Node n : model.program().nodes()) {
            if (n.op() == Program.Op.PARAM) {
                into.param(n.name()).assign(from.param(n.name()));
            }
        }
        return into;
    }

    /**
     * Burda et al.'s (2016, §5) count of active latent units of a Gaussian-encoder network ({@link Vae} or this
     * program): the units whose encoder mean μⱼ(x) varies over the images {@code x} with variance above
     * {@link #ACTIVE_THRESHOLD}.
     */
    public static int activeUnits(ExprNet net, INDArray x) {
        int n = (int) x.size(0);
        List<INDArray> means = new ArrayList<>();
        for (int from = 0; from < n; from += CHUNK_ROWS) {
            means.add(net.outputs(x.get(NDArrayIndex.interval(from, Math.min(n, from + CHUNK_ROWS)),
                    NDArrayIndex.all())).get(Vae.MU));
        }
        int active = 0;
        for (double v : Nd4j.vstack(means).var(false, 0).toDoubleVector()) {
            active += v > ACTIVE_THRESHOLD ? 1 : 0;
        }
        return active;
    }
}
