package dev.primer.prob.vae;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A VAE with categorical latents trained through the Gumbel-softmax / Concrete relaxation (Jang, Gu &amp; Poole 2017;
 * Maddison, Mnih &amp; Teh 2017), written as an nn-core {@link Program}. The encoder x → relu → relu → logits gives
 * {@code vars} categorical distributions q(zᵥ | x) over {@code classes} classes; a relaxed sample is
 * y = softmax((log q + g)/τ) per variable with g standard Gumbel noise drawn in the graph (Jang et al. eq. 2), the
 * temperature annealed as τ(t) = max(τ_min, e^(−r·t)) over the update count t (their §4); the Bernoulli decoder
 * reads y (or, with {@link Estimator#STRAIGHT_THROUGH}, the one-hot argmax of y with y's gradient, their §2.2). The
 * KL to the uniform prior is in closed form, KL = Σᵥ Σ_c q log(q·K) with K = classes.
 *
 * <p>With {@link Estimator#SCORE_FUNCTION} the decoder reads an exact sample and the encoder learns by REINFORCE
 * instead, on the same model, for comparison.
 *
 * <p>Outputs per row: {@code neg_elbo}, the −ELBO the decoder saw (the relaxed one for Gumbel-softmax; for
 * straight-through and score-function the decoder already reads an exact one-hot sample), {@code neg_elbo_discrete}, the −ELBO of the
 * discrete model estimated with one exact categorical sample (the Gumbel-max argmax of log q + g, their eq. 1) and
 * the closed-form KL, {@code kl}, and {@code q} (the posterior probabilities).
 *
 * @param pixels     input (and output) dimension
 * @param hidden1    first encoder layer (and the decoder's hidden layer)
 * @param hidden2    second encoder layer
 * @param vars       categorical variables
 * @param classes    classes per variable
 * @param estimator  how the decoder reads the sample
 * @param annealRate r of the temperature schedule, per update
 * @param minTau     the temperature's floor
 */
public record GumbelVae(int pixels, int hidden1, int hidden2, int vars, int classes, Estimator estimator,
                        double annealRate, double minTau) {
    /** Output name: per-row training objective. */
    public static final String NEG_ELBO = "neg_elbo";
    /** Output name: per-row −ELBO of the discrete model with an exact categorical sample. */
    public static final String NEG_ELBO_DISCRETE = "neg_elbo_discrete";
    /** Output name: per-row KL(q(z | x) ‖ uniform) in closed form. */
    public static final String KL = "kl";
    /** Output name: posterior probabilities, {@code vars} groups of {@code classes} columns. */
    public static final String Q = "q";
    /** Rows per forward pass when evaluating, bounding the scratch memory. */
    private static final int CHUNK_ROWS = 2000;

    /** How the decoder reads the categorical sample. */
    public enum Estimator {
        /** The relaxed sample itself (Jang et al. 2017, §2.1). */
        GUMBEL_SOFTMAX,
        /** Its one-hot argmax forward, its gradient backward (Jang et al. 2017, §2.2). */
        STRAIGHT_THROUGH,
        /**
         * No relaxation: an exact categorical sample (Gumbel-max) and the score-function (REINFORCE, Williams 1992)
         * gradient of the reconstruction term, (−log p(x | z) − b(x))·∇log q(z | x), with an input-dependent
         * baseline b(x) regressed on the signal (Mnih &amp; Gregor 2014, §3.3; without their variance normalisation).
         */
        SCORE_FUNCTION
    }

    /** Rejects shapes and schedules that cannot run. */
    public GumbelVae {
        if (vars < 1 || classes < 2 || annealRate < 0 || !(minTau > 0)) {
            throw new IllegalArgumentException("need vars >= 1, classes >= 2, annealRate >= 0 and minTau > 0; got "
                    + vars + ", " + classes + ", " + annealRate + ", " + minTau);
        }
    }

    /**
     * Jang et al.'s model (§4.2) on 784 pixels: encoder 784-400-200, 20 variables × 10 classes, decoder 200-400-784,
     * with this estimator and anneal rate, τ floored at 0.5.
     */
    public static GumbelVae of(Estimator estimator, double annealRate) {
        return new GumbelVae(784, 400, 200, 20, 10, estimator, annealRate, 0.5);
    }

    /** The temperature after {@code step} updates: max(τ_min, e^(−r·step)). */
    public double tau(long step) {
        return Math.max(minTau, Math.exp(-annealRate * step));
    }

    /** The model as a program: input {@code x} (binary pixels), loss the mean training objective. */
    public Program program() {
        int latent = vars * classes;
        Program.Builder p = Program.builder();
        Expr x = p.input("x", pixels);
        Expr h = p.relu(p.linear("enc.2", p.relu(p.linear("enc", x, hidden1)), hidden2));
        Expr logits = p.linear("enc.logits", h, latent);
        Expr logq = p.groupLogSoftmax(logits, classes);
        Expr q = p.groupSoftmax(logits, classes);
        Expr g = p.gumbel(x, latent);
        Expr perturbed = p.add(logq, g);
        Expr tau = p.atLeast(p.decay(annealRate), minTau);
        Expr y = p.groupSoftmax(p.divideBy(perturbed, tau), classes);
        Expr z = switch (estimator) {
            case GUMBEL_SOFTMAX -> y;
            case STRAIGHT_THROUGH -> p.straightThrough(y, classes);
            case SCORE_FUNCTION -> p.stopGradient(p.straightThrough(perturbed, classes));
        };
        // The decoder's parameters are written once and read by the training and the evaluation paths; they bear
        // Vae's names so that Vae.decode maps codes to pixel means.
        double b1 = 1 / Math.sqrt(latent);
        double b2 = 1 / Math.sqrt(hidden1);
        Expr w1 = p.param("dec.W", latent, hidden1, b1);
        Expr c1 = p.param("dec.b", 1, hidden1, b1);
        Expr w2 = p.param("dec.out.W", hidden1, pixels, b2);
        Expr c2 = p.param("dec.out.b", 1, pixels, b2);
        // KL(q ‖ uniform over K) = Σ q (log q + log K), Jang et al. 2017 §4.2's prior.
        Expr kl = p.rowSum(p.mul(q, p.shift(logq, Math.log(classes))));
        Expr nll = p.rowSum(p.bceWithLogits(p.dense(p.relu(p.dense(z, w1, c1)), w2, c2), x));
        Expr negElbo = p.add(nll, kl);
        Expr loss = p.meanRows(estimator == Estimator.SCORE_FUNCTION ? p.add(negElbo, scoreSurrogate(p, h, z, logq,
                nll)) : negElbo);
        Map<String, Expr> outputs = new LinkedHashMap<>();
        outputs.put(NEG_ELBO, negElbo);
        if (estimator != Estimator.GUMBEL_SOFTMAX) {
            outputs.put(NEG_ELBO_DISCRETE, negElbo);
        } else {
            // Written after the loss, so training's backward pass never visits it.
            Expr hard = p.straightThrough(perturbed, classes);
            Expr hardNll = p.rowSum(p.bceWithLogits(p.dense(p.relu(p.dense(hard, w1, c1)), w2, c2), x));
            outputs.put(NEG_ELBO_DISCRETE, p.add(hardNll, kl));
        }
        outputs.put(KL, kl);
        outputs.put(Q, q);
        return p.build(loss, outputs);
    }

    /**
     * Per row, the terms whose gradient is the score-function estimator with a baseline: stop(nll − b)·log q(z) (its
     * gradient is (nll − b)·∇log q(z), z an exact sample held constant) plus (stop(nll) − b)², which trains the
     * baseline b = linear(stop(h)) alone. Their values are not part of the ELBO.
     */
    private static Expr scoreSurrogate(Program.Builder p, Expr h, Expr z, Expr logq, Expr nll) {
        Expr baseline = p.linear("baseline", p.stopGradient(h), 1);
        Expr logqz = p.rowSum(p.mul(z, logq));
        Expr centred = p.stopGradient(p.sub(nll, baseline));
        return p.add(p.mul(centred, logqz), p.square(p.sub(p.stopGradient(nll), baseline)));
    }

    /** A fresh network of this model trained by {@code updates}, initialised from {@code seed}. */
    public ExprNet build(Updates updates, long seed) {
        return new ExprNet(program(), updates, seed);
    }

    /**
     * Test-set ELBOs of a trained network.
     *
     * @param discrete mean ELBO of the discrete model, one exact categorical sample per example (nats)
     * @param relaxed  mean training objective's ELBO at the network's current temperature (nats)
     * @param kl       mean closed-form KL(q ‖ uniform) (nats)
     */
    public record Elbos(double discrete, double relaxed, double kl) {
    }

    /** The ELBOs of {@code net} (a program of this class) on the binary rows of {@code x}, noise fixed by seed. */
    public static Elbos elbos(ExprNet net, INDArray x, long seed) {
        int n = (int) x.size(0);
        double discrete = 0;
        double relaxed = 0;
        double kl = 0;
        for (int from = 0, chunk = 0; from < n; from += CHUNK_ROWS, chunk++) {
            INDArray rows = x.get(NDArrayIndex.interval(from, Math.min(n, from + CHUNK_ROWS)), NDArrayIndex.all());
            Map<String, INDArray> out = net.outputs(seed * 31 + chunk, rows);
            discrete -= out.get(NEG_ELBO_DISCRETE).sumNumber().doubleValue();
            relaxed -= out.get(NEG_ELBO).sumNumber().doubleValue();
            kl += out.get(KL).sumNumber().doubleValue();
        }
        return new Elbos(discrete / n, relaxed / n, kl / n);
    }
}
