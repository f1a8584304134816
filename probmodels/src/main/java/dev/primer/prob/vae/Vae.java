package dev.primer.prob.vae;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The variational autoencoder of Kingma &amp; Welling (2014) with a Bernoulli decoder, written as an nn-core
 * {@link Program}: encoder x → relu(hidden) → (μ, log σ²), a reparametrised sample z = μ + σ ⊙ ε with ε ~ N(0, I)
 * drawn inside the graph (§2.4), decoder z → relu(hidden) → logits of p(x | z), and the loss −ELBO averaged over
 * the batch, with the Gaussian KL in closed form (Appendix B):
 * −ELBO(x) = −log p(x | z) + KL(q(z | x) ‖ N(0, I)), KL = −½ Σⱼ (1 + log σⱼ² − μⱼ² − σⱼ²).
 *
 * <p>Outputs per row: {@code neg_elbo}, {@code log_w} = log p(x | z) + log p(z) − log q(z | x) (the importance
 * weight of Burda et al. 2016, eq. 8, whose log-mean-exp over k samples is the IWAE bound), {@code mu},
 * {@code logvar}, {@code logits} and {@code kl}.
 *
 * @param pixels input (and output) dimension
 * @param hidden hidden units of encoder and decoder
 * @param latent latent dimension
 */
public record Vae(int pixels, int hidden, int latent) {
    /** Output name: per-row −ELBO. */
    public static final String NEG_ELBO = "neg_elbo";
    /** Output name: per-row log importance weight. */
    public static final String LOG_W = "log_w";
    /** Output name: encoder means. */
    public static final String MU = "mu";
    /** Output name: encoder log-variances. */
    public static final String LOGVAR = "logvar";
    /** Output name: per-row KL(q(z | x) ‖ p(z)) in closed form. */
    public static final String KL = "kl";
    /** Output name: decoder logits. */
    public static final String LOGITS = "logits";

    /** Kingma &amp; Welling's Fashion-MNIST-sized model: 784-400-latent and back. */
    public static Vae of(int latent) {
        return new Vae(784, 400, latent);
    }

    /** The model as a program: input {@code x} (binary pixels), loss mean −ELBO. */
    public Program program() {
        Program.Builder p = Program.builder();
        Encoder enc = encoder(p);
        Expr x = enc.x();
        Expr mu = enc.mu();
        Expr logvar = enc.logvar();
        Expr eps = enc.eps();
        Expr z = enc.z();
        Expr logits = p.linear("dec.out", p.relu(p.linear("dec", z, hidden)), pixels);
        Expr nll = p.rowSum(p.bceWithLogits(logits, x));
        Expr kl = kl(p, mu, logvar);
        Expr negElbo = p.add(nll, kl);
        // log p(z) − log q(z|x) = −½ Σ z² + ½ Σ (ε² + log σ²): the log 2π terms cancel (Burda et al. 2016, eq. 8).
        Expr logPriorOverQ = p.scale(p.rowSum(p.sub(p.add(p.square(eps), logvar), p.square(z))), 0.5);
        Expr logW = p.sub(logPriorOverQ, nll);
        Map<String, Expr> outputs = new LinkedHashMap<>();
        outputs.put(NEG_ELBO, negElbo);
        outputs.put(LOG_W, logW);
        outputs.put(MU, mu);
        outputs.put(LOGVAR, logvar);
        outputs.put(LOGITS, logits);
        outputs.put(KL, kl);
        return p.build(p.meanRows(negElbo), outputs);
    }

    /**
     * The encoder's nodes.
     *
     * @param x      the input
     * @param hidden relu(x·W + b), the encoder's hidden layer
     * @param mu     μ
     * @param logvar log σ²
     * @param eps    ε ~ N(0, I), drawn in the graph
     * @param z      the reparametrised sample μ + σ ⊙ ε (§2.4)
     */
    public record Encoder(Expr x, Expr hidden, Expr mu, Expr logvar, Expr eps, Expr z) {
    }

    /**
     * The Gaussian posterior's nodes.
     *
     * @param x      the input
     * @param hidden relu(x·W + b), the encoder's hidden layer
     * @param mu     μ
     * @param logvar log σ²
     */
    public record Posterior(Expr x, Expr hidden, Expr mu, Expr logvar) {
    }

    /** KL(N(μ, σ²) ‖ N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²) per row (Kingma &amp; Welling 2014, Appendix B). */
    public static Expr kl(Program.Builder p, Expr mu, Expr logvar) {
        return p.scale(p.rowSum(p.sub(p.sub(p.shift(logvar, 1), p.square(mu)), p.exp(logvar))), -0.5);
    }

    /** Writes input {@code x} and the encoder (parameters {@code enc.*}, in this order) into {@code p}. */
    public Posterior posterior(Program.Builder p) {
        Expr x = p.input("x", pixels);
        Expr h = p.relu(p.linear("enc", x, hidden));
        return new Posterior(x, h, p.linear("enc.mu", h, latent), p.linear("enc.logvar", h, latent));
    }

    /** Writes input {@code x}, the encoder (parameters {@code enc.*}) and the reparametrised sample into {@code p}. */
    public Encoder encoder(Program.Builder p) {
        Posterior q = posterior(p);
        Expr eps = p.normal(q.x(), latent);
        Expr z = p.add(q.mu(), p.mul(p.exp(p.scale(q.logvar(), 0.5)), eps));
        return new Encoder(q.x(), q.hidden(), q.mu(), q.logvar(), eps, z);
    }

    /** A fresh network of this model trained by {@code updates}, initialised from {@code seed}. */
    public ExprNet build(Updates updates, long seed) {
        return new ExprNet(program(), updates, seed);
    }

    /** The decoder's Bernoulli means σ(logits) for latent codes {@code z} (rows), with {@code net}'s parameters. */
    public static INDArray decode(ExprNet net, INDArray z) {
        INDArray h = Transforms.relu(z.mmul(net.param("dec.W")).addiRowVector(net.param("dec.b")), false);
        return Transforms.sigmoid(h.mmul(net.param("dec.out.W")).addiRowVector(net.param("dec.out.b")), false);
    }

    /** Statically binarised copies of images in [0, 1]: 1 where the 8-bit pixel exceeds 127, else 0. */
    public static INDArray binarize(INDArray images) {
        return images.reshape(images.size(0), images.length() / images.size(0)).gt(127.5 / 255)
                .castTo(images.dataType());
    }
}
