package dev.primer.prob.vae;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.flow.Made;
import dev.primer.random.SplitMix64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Vae} whose posterior is the encoder's diagonal Gaussian followed by T steps of inverse autoregressive flow
 * (Kingma, Salimans, Jozefowicz, Chen, Sutskever &amp; Welling 2016, §4 and Algorithm 1). The encoder x → relu(hidden)
 * → (μ, log σ₀², h) gives z₀ = μ + σ₀ ⊙ ε, ε ~ N(0, I); step t reads [m_t, s_t] from a one-hidden-layer MADE of
 * z_{t−1} (Germain et al. 2015) whose hidden layer also sees the context h, and moves
 * z_t = σ_t ⊙ z_{t−1} + (1 − σ_t) ⊙ m_t with σ_t = sigmoid(s_t) (their LSTM-type update). Each m_{t,i}, s_{t,i}
 * depends only on the variables before i in step t's order, so ∂z_t/∂z_{t−1} is triangular with diagonal σ_t
 * and log q(z_T | x) = −Σᵢ (½εᵢ² + ½ log 2π + log σ₀ᵢ) − Σ_t Σᵢ log σ_{t,i} (Algorithm 1). The order is reversed
 * between steps, so that every variable is conditioned on every other within two steps.
 *
 * <p>The loss is −ELBO estimated with one sample, −log w = −log p(x | z_T) − log p(z_T) + log q(z_T | x) (there is
 * no closed-form KL); the outputs are the {@link Vae}'s ({@code neg_elbo}, {@code log_w}, {@code mu}, {@code logvar},
 * {@code logits}), so {@link Bounds} evaluates it with the flow as its proposal, and {@code z}, {@code log_det}.
 *
 * @param pixels     input (and output) dimension
 * @param hidden     hidden units of encoder and decoder
 * @param latent     latent dimension D
 * @param context    units of the encoder's context h
 * @param steps      IAF steps T
 * @param madeHidden hidden units of each step's MADE
 * @param seed       seed of the MADEs' hidden degrees
 */
public record IafVae(int pixels, int hidden, int latent, int context, int steps, int madeHidden, long seed) {
    /** Output name: z_T, the flow's sample. */
    public static final String Z = "z";
    /** Output name: log |det ∂z_T/∂z₀| = Σ_t Σᵢ log σ_{t,i} per row. */
    public static final String LOG_DET = "log_det";
    /**
     * Added to each s_t so that σ_t starts near sigmoid(2) ≈ 0.88 and the flow near the identity: Kingma et al.
     * (2016, §4) found it beneficial that s_t be "sufficiently positive, such as close to +1 or +2" before training.
     */
    static final double GATE_BIAS = 2;

    /** The model: Kingma &amp; Welling's 784-400-20 VAE with a 50-unit context and T steps of 200-unit MADEs. */
    public static IafVae of(int steps, long seed) {
        return new IafVae(784, 400, 20, 50, steps, 200, seed);
    }

    /**
     * One IAF step on {@code z}, all of them batch × D nodes.
     *
     * @param m      the MADE's shift output m_t
     * @param s      its gate pre-activation s_t
     * @param z      z_t
     * @param logDet Σᵢ log σ_{t,i} per row (batch × 1)
     */
    public record Step(Expr m, Expr s, Expr z, Expr logDet) {
    }

    /**
     * The degrees 1..D that step t's MADE gives the variables: the natural order for even t, reversed for odd t, so
     * that variable i of step t is conditioned on the variables of lower degree.
     */
    public int[] order(int t) {
        int[] natural = Made.inputDegrees(latent);
        int[] d = new int[latent];
        for (int i = 0; i < latent; i++) {
            d[i] = t % 2 == 0 ? natural[i] : natural[latent - 1 - i];
        }
        return d;
    }

    /**
     * Appends IAF step {@code t} (its parameters named {@code iaf<t>.*}) on {@code z} with context {@code h}: hidden
     * = relu(z·(W ⊙ M) + b + h·V), [m, s] from masked layers of the hidden units (Germain et al. 2015, eqs. 12–13).
     */
    public Step step(Program.Builder p, Expr z, Expr h, int t) {
        int[] in = order(t);
        int[] deg = Made.degrees(latent, madeHidden, 1, SplitMix64.seeded(seed + t));
        String name = "iaf" + t;
        Expr fromContext = p.matmul(h, p.param(name + ".h.W", context, madeHidden, 1 / Math.sqrt(context)));
        Expr hid = p.relu(p.add(p.maskedLinear(name + ".z", z, Made.mask(in, deg, false)), fromContext));
        float[][] out = Made.mask(deg, in, true);
        Expr m = p.maskedLinear(name + ".m", hid, out);
        Expr s = p.shift(p.maskedLinear(name + ".s", hid, out), GATE_BIAS);
        // z_t = σ ⊙ z + (1 − σ) ⊙ m = m + σ ⊙ (z − m); log σ = −softplus(−s), computed without overflow.
        Expr next = p.add(m, p.mul(p.sigmoid(s), p.sub(z, m)));
        Expr logDet = p.scale(p.rowSum(p.softplus(p.scale(s, -1))), -1);
        return new Step(m, s, next, logDet);
    }

    /** Appends all T steps on z₀ with context h; returns the last step with {@code logDet} summed over the steps. */
    public Step flow(Program.Builder p, Expr z0, Expr h) {
        if (steps < 1) {
            throw new IllegalArgumentException("an IAF needs at least one step, got " + steps);
        }
        Step last = step(p, z0, h, 0);
        Expr logDet = last.logDet();
        for (int t = 1; t < steps; t++) {
            last = step(p, last.z(), h, t);
            logDet = p.add(logDet, last.logDet());
        }
        return new Step(last.m(), last.s(), last.z(), logDet);
    }

    /** The model as a program: input {@code x} (binary pixels), loss the mean one-sample −ELBO. */
    public Program program() {
        Program.Builder p = Program.builder();
        Vae.Encoder enc = new Vae(pixels, hidden, latent).encoder(p);
        Expr x = enc.x();
        Expr logvar = enc.logvar();
        Expr eps = enc.eps();
        Step f = flow(p, enc.z(), p.linear("enc.h", enc.hidden(), context));
        Expr logits = p.linear("dec.out", p.relu(p.linear("dec", f.z(), hidden)), pixels);
        Expr nll = p.rowSum(p.bceWithLogits(logits, x));
        // log p(z_T) − log q(z_T | x) = −½ Σ z_T² + ½ Σ (ε² + log σ₀²) + Σ_t Σ log σ_t (Algorithm 1; log 2π cancels).
        Expr logPriorOverQ = p.add(p.scale(p.rowSum(p.sub(p.add(p.square(eps), logvar), p.square(f.z()))), 0.5),
                f.logDet());
        Expr logW = p.sub(logPriorOverQ, nll);
        Expr negElbo = p.scale(logW, -1);
        Map<String, Expr> outputs = new LinkedHashMap<>();
        outputs.put(Vae.NEG_ELBO, negElbo);
        outputs.put(Vae.LOG_W, logW);
        outputs.put(Vae.MU, enc.mu());
        outputs.put(Vae.LOGVAR, logvar);
        outputs.put(Vae.LOGITS, logits);
        outputs.put(Z, f.z());
        outputs.put(LOG_DET, f.logDet());
        return p.build(p.meanRows(negElbo), outputs);
    }

    /** A fresh network of this model trained by {@code updates}, initialised from {@code netSeed}. */
    public ExprNet build(Updates updates, long netSeed) {
        return new ExprNet(program(), updates, netSeed);
    }
}
