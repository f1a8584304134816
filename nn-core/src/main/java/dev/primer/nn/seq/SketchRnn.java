package dev.primer.nn.seq;

import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sketch-RNN (Ha &amp; Eck 2017, §3): a sequence-to-sequence VAE of pen strokes. A bidirectional LSTM reads a sketch
 * of stroke-5 points Sᵢ = (Δx, Δy, p₁, p₂, p₃) (p₁ pen down, p₂ pen lifted after the point, p₃ end of sketch);
 * its two final outputs give μ and σ̂ and z = μ + exp(σ̂/2) ⊙ ε (§3.1, eq. 2). The decoder LSTM starts from
 * [h₀; c₀] = tanh(W_z z + b_z) and reads [Sᵢ₋₁, z] at step i; its output yᵢ = W_y hᵢ + b_y gives a mixture of M
 * bivariate normals over (Δx, Δy) (weights Π = softmax, σ = exp σ̂, ρ = tanh ρ̂; eqs. 3–6) and a softmax over
 * the pen state. The loss (§3.2) is
 *
 * <pre>
 *   L_R  = −(1/N_max) [ Σ_{i ≤ N_s} log Σ_j Π_{j,i} N(Δx_i, Δy_i | μ_{j,i}, σ_{j,i}, ρ_{j,i})
 *                       + Σ_{i ≤ N_max} Σ_k p_{k,i} log q_{k,i} ]                            (eqs. 8–9)
 *   L_KL = −(1/(2 N_z)) Σ (1 + σ̂ − μ² − exp σ̂)                                            (eq. 10)
 *   Loss = L_R + w_KL · η_step · max(L_KL, KL_min),   η_step = 1 − (1 − η_min) R^step       (eqs. 11–12)
 * </pre>
 *
 * averaged over the batch. With {@code latent = 0} the model is the paper's unconditional decoder (§3.4): no
 * encoder, a zero initial state, input Sᵢ₋₁ alone, loss L_R.
 *
 * <p>Two training inputs: {@code strokes}, the steps + 1 stroke-5 points of each sketch row after row (S₀ =
 * (0, 0, 1, 0, 0) first, then the sketch, padded with (0, 0, 0, 0, 1)), and {@code mask}, 1 for each of the first
 * N_s steps and 0 after. Every program here declares the same parameters in the same order, so the trained
 * network's {@code params()} can be assigned to the encoder's, the decoder start's and the one-step decoder's.
 *
 * @param steps     N_max, the points of the longest sketch
 * @param encoderCells LSTM cells in each direction of the encoder
 * @param decoderCells LSTM cells in the decoder
 * @param latent    N_z (0: the unconditional decoder)
 * @param mixtures  M, the normals in the mixture
 * @param kl        the KL term's weight, annealing and floor
 */
public record SketchRnn(int steps, int encoderCells, int decoderCells, int latent, int mixtures, KlTerm kl) {
    /** Columns of a stroke-5 point. */
    public static final int POINT = 5;
    /** Output: each row's L_R (batch × 1). */
    public static final String RECONSTRUCTION = "lr";
    /** Output: each row's L_KL (batch × 1; conditional models only). */
    public static final String KL = "kl";
    /** Output of the encoder: μ. */
    public static final String MU = "mu";
    /** Output of the encoder: σ̂, the log-variance of q(z | S). */
    public static final String SIGMA_HAT = "sigmaHat";
    /** Output of the decoder start and step: the LSTM output h. */
    public static final String H = "h";
    /** Output of the decoder start and step: the LSTM cell c. */
    public static final String C = "c";
    /** Output of the decoder step: y, 6M + 3 columns laid out [Π̂ | μx | μy | σ̂x | σ̂y | ρ̂ | q̂]. */
    public static final String Y = "y";
    /** Floor on 1 − ρ² (Ha &amp; Eck's implementation adds 1e-6 to the densities; this keeps the log finite). */
    private static final double MIN_ONE_MINUS_RHO2 = 1e-5;

    /**
     * The KL term of eqs. 11–12.
     *
     * @param weight w_KL
     * @param etaMin η_min, the annealed weight's start
     * @param decay  R, the annealing's per-update ratio
     * @param floor  KL_min, below which L_KL is not optimised
     */
    public record KlTerm(double weight, double etaMin, double decay, double floor) {
    }

    /** Rejects sizes that cannot run. */
    public SketchRnn {
        if (steps < 1 || encoderCells < 1 || decoderCells < 1 || latent < 0 || mixtures < 1) {
            throw new IllegalArgumentException("sketch-rnn needs positive steps, cells and mixtures and latent >= 0;"
                    + " got steps " + steps + ", cells " + encoderCells + "/" + decoderCells + ", latent " + latent
                    + ", mixtures " + mixtures);
        }
    }

    /** Columns of the {@code strokes} input. */
    public int strokeColumns() {
        return (steps + 1) * POINT;
    }

    /** Columns of the decoder's output y. */
    public int outputColumns() {
        return 6 * mixtures + 3;
    }

    /** Columns of the decoder's input [Sᵢ₋₁, z]. */
    public int stepColumns() {
        return POINT + latent;
    }

    /**
     * Lays out stroke-3 rows (Δx, Δy, p with p = 1 where the pen lifts) as the {@code strokes} row (S₀, the
     * sketch in stroke-5, end-of-sketch padding), Δx and Δy divided by {@code scale}; fails for a sketch longer than
     * {@link #steps}.
     */
    public float[] stroke5(float[][] stroke3, double scale) {
        if (stroke3.length > steps || stroke3.length == 0) {
            throw new IllegalArgumentException("a sketch of " + stroke3.length + " points does not fit " + steps
                    + " steps");
        }
        float[] row = new float[strokeColumns()];
        row[2] = 1;
        for (int i = 1; i <= steps; i++) {
            int at = i * POINT;
            if (i <= stroke3.length) {
                float[] s = stroke3[i - 1];
                row[at] = (float) (s[0] / scale);
                row[at + 1] = (float) (s[1] / scale);
                row[at + (s[2] > 0 ? 3 : 2)] = 1;
            } else {
                row[at + 4] = 1;
            }
        }
        return row;
    }

    /** The stroke-3 rows of a {@code strokes} row, Δx and Δy multiplied by {@code scale}: {@link #stroke5}'s inverse. */
    public float[][] stroke3(float[] row, double scale) {
        if (row.length != strokeColumns()) {
            throw new IllegalArgumentException("a strokes row has " + strokeColumns() + " columns, got " + row.length);
        }
        int n = 0;
        while (n < steps && row[(n + 1) * POINT + 4] == 0) {
            n++;
        }
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            int at = (i + 1) * POINT;
            out[i] = new float[] {(float) (row[at] * scale), (float) (row[at + 1] * scale), row[at + 3]};
        }
        return out;
    }

    /** The {@code mask} row of a sketch of {@code points} points. */
    public float[] mask(int points) {
        float[] m = new float[steps];
        Arrays.fill(m, 0, points, 1f);
        return m;
    }

    /** The parameters every program declares, in one order. */
    private record Params(LstmCell forward, LstmCell backward, Expr muW, Expr muB, Expr sigmaW, Expr sigmaB,
                          Expr initW, Expr initB, LstmCell dec, Expr outW, Expr outB) {
        static Params declare(Program.Builder p, SketchRnn m) {
            LstmCell fwd = null;
            LstmCell bwd = null;
            Expr[] mu = {null, null};
            Expr[] sigma = {null, null};
            Expr[] init = {null, null};
            if (m.latent > 0) {
                fwd = LstmCell.declare(p, "enc", POINT, m.encoderCells, LstmVariant.NP);
                bwd = LstmCell.declare(p, "enc_back", POINT, m.encoderCells, LstmVariant.NP);
                mu = linear(p, "mu", 2 * m.encoderCells, m.latent);
                sigma = linear(p, "sigma", 2 * m.encoderCells, m.latent);
                init = linear(p, "init", m.latent, 2 * m.decoderCells);
            }
            LstmCell dec = LstmCell.declare(p, "dec", m.stepColumns(), m.decoderCells, LstmVariant.NP);
            Expr[] out = linear(p, "out", m.decoderCells, m.outputColumns());
            return new Params(fwd, bwd, mu[0], mu[1], sigma[0], sigma[1], init[0], init[1], dec, out[0], out[1]);
        }

        /** W and b of a layer with nn.Linear's initialisation (uniform in ±1/√fan_in). */
        private static Expr[] linear(Program.Builder p, String name, int in, int out) {
            double bound = 1 / Math.sqrt(in);
            return new Expr[] {p.param(name + ".W", in, out, bound), p.param(name + ".b", 1, out, bound)};
        }
    }

    /** The program trained on (strokes, mask): loss of eqs. 8–12, outputs L_R and L_KL per row. */
    public Program training() {
        Program.Builder p = Program.builder();
        Params w = Params.declare(p, this);
        Expr[] points = points(p);
        Expr mask = p.input("mask", steps);
        Map<String, Expr> outputs = new LinkedHashMap<>();
        Expr z = null;
        Expr klRow = null;
        LstmCell.State s = null;
        if (latent > 0) {
            Expr[] posterior = encode(p, w, points);
            Expr mu = posterior[0];
            Expr sigmaHat = posterior[1];
            z = p.add(mu, p.mul(p.exp(p.scale(sigmaHat, 0.5)), p.normal(mu, latent)));
            // L_KL = −(1/(2 N_z)) Σ (1 + σ̂ − μ² − exp σ̂), eq. 10.
            klRow = p.scale(p.rowSum(p.sub(p.sub(p.shift(sigmaHat, 1), p.square(mu)), p.exp(sigmaHat))),
                    -0.5 / latent);
            s = start(p, w, z);
        }
        Expr[] ys = new Expr[steps];
        for (int i = 1; i <= steps; i++) {
            Expr in = z == null ? points[i - 1] : p.concat(points[i - 1], z);
            s = w.dec.step(p, in, s);
            ys[i - 1] = p.dense(s.y(), w.outW, w.outB);
        }
        Expr lr = reconstruction(p, ys, points, mask);
        outputs.put(RECONSTRUCTION, lr);
        Expr loss = p.meanRows(lr);
        if (klRow != null) {
            outputs.put(KL, klRow);
            Expr eta = p.shift(p.scale(p.decay(-Math.log(kl.decay())), -(1 - kl.etaMin())), 1);
            Expr floored = p.atLeast(p.meanRows(klRow), kl.floor());
            loss = p.add(loss, p.scale(p.mul(eta, floored), kl.weight()));
        }
        return p.build(loss, outputs);
    }

    /** The encoder: strokes in, μ and σ̂ out (conditional models only). */
    public Program encoder() {
        requireLatent("encoder");
        Program.Builder p = Program.builder();
        Params w = Params.declare(p, this);
        Expr[] posterior = encode(p, w, points(p));
        Expr loss = p.meanRows(p.rowSum(posterior[0]));
        return p.build(loss, Map.of(MU, posterior[0], SIGMA_HAT, posterior[1]));
    }

    /** The decoder's initial state from z (conditional models only): z in, h and c out. */
    public Program start() {
        requireLatent("decoder start");
        Program.Builder p = Program.builder();
        Params w = Params.declare(p, this);
        Expr z = p.input("z", latent);
        LstmCell.State s = start(p, w, z);
        Map<String, Expr> out = new LinkedHashMap<>();
        out.put(H, s.y());
        out.put(C, s.c());
        return p.build(p.meanRows(p.rowSum(s.c())), out);
    }

    /** One decoder step: [Sᵢ₋₁, z], h and c in; the next h and c and the output y out. */
    public Program step() {
        Program.Builder p = Program.builder();
        Params w = Params.declare(p, this);
        Expr in = p.input("x", stepColumns());
        Expr h = p.input("h", decoderCells);
        Expr c = p.input("c", decoderCells);
        LstmCell.State s = w.dec.step(p, in, new LstmCell.State(h, c));
        Expr y = p.dense(s.y(), w.outW, w.outB);
        Map<String, Expr> out = new LinkedHashMap<>();
        out.put(H, s.y());
        out.put(C, s.c());
        out.put(Y, y);
        return p.build(p.meanRows(p.rowSum(y)), out);
    }

    private void requireLatent(String what) {
        if (latent == 0) {
            throw new IllegalStateException("the unconditional decoder (latent 0) has no " + what);
        }
    }

    /** The {@code strokes} input, declared here, as its points S₀ … S_{N_max}. */
    private Expr[] points(Program.Builder p) {
        Expr strokes = p.input("strokes", strokeColumns());
        Expr[] points = new Expr[steps + 1];
        for (int i = 0; i <= steps; i++) {
            points[i] = p.columns(strokes, i * POINT, POINT);
        }
        return points;
    }

    /** μ and σ̂ from the final outputs of the forward and backward LSTMs over S₁ … S_{N_max}. */
    private Expr[] encode(Program.Builder p, Params w, Expr[] points) {
        Expr[] xs = new Expr[steps];
        Expr[] rev = new Expr[steps];
        for (int t = 0; t < steps; t++) {
            xs[t] = points[t + 1];
            rev[steps - 1 - t] = points[t + 1];
        }
        LstmCell.State[] f = w.forward.run(p, xs);
        LstmCell.State[] b = w.backward.run(p, rev);
        Expr h = p.concat(f[steps - 1].y(), b[steps - 1].y());
        return new Expr[] {p.dense(h, w.muW, w.muB), p.dense(h, w.sigmaW, w.sigmaB)};
    }

    /** [h₀; c₀] = tanh(W_z z + b_z). */
    private LstmCell.State start(Program.Builder p, Params w, Expr z) {
        Expr hc = p.tanh(p.dense(z, w.initW, w.initB));
        return new LstmCell.State(p.columns(hc, 0, decoderCells), p.columns(hc, decoderCells, decoderCells));
    }

    /** Each row's L_R (eqs. 8–9) from the decoder outputs y₁ … y_{N_max}. */
    private Expr reconstruction(Program.Builder p, Expr[] ys, Expr[] points, Expr mask) {
        int m = mixtures;
        Expr[][] parts = new Expr[7][steps];
        Expr[] dx = new Expr[steps];
        Expr[] dy = new Expr[steps];
        Expr[] pen = new Expr[steps];
        for (int i = 0; i < steps; i++) {
            for (int k = 0; k < 6; k++) {
                parts[k][i] = p.columns(ys[i], k * m, m);
            }
            parts[6][i] = p.columns(ys[i], 6 * m, 3);
            dx[i] = p.tile(p.columns(points[i + 1], 0, 1), m);
            dy[i] = p.tile(p.columns(points[i + 1], 1, 1), m);
            pen[i] = p.columns(points[i + 1], 2, 3);
        }
        Mixture mix = new Mixture(p.concat(parts[0]), p.concat(parts[1]), p.concat(parts[2]), p.concat(parts[3]),
                p.concat(parts[4]), p.concat(parts[5]));
        Expr offsets = p.rowSum(p.mul(mix.logLikelihood(p, p.concat(dx), p.concat(dy), m), mask));
        Expr pens = p.rowSum(p.mul(p.groupLogSoftmax(p.concat(parts[6]), 3), p.concat(pen)));
        return p.scale(p.add(offsets, pens), -1.0 / steps);
    }

    /**
     * A mixture of bivariate normals per step, each operand holding M columns per step side by side (raw network
     * outputs: logits Π̂, means, log standard deviations σ̂, and ρ̂ = atanh ρ).
     *
     * @param logits Π̂
     * @param muX    μx
     * @param muY    μy
     * @param sigmaX σ̂x
     * @param sigmaY σ̂y
     * @param rho    ρ̂
     */
    public record Mixture(Expr logits, Expr muX, Expr muY, Expr sigmaX, Expr sigmaY, Expr rho) {
        /**
         * log Σ_j Π_j N(x, y | μ_j, σ_j, ρ_j) per step (one column per step) for targets {@code x} and {@code y}
         * repeated M times per step (eqs. 3 and 8):
         * log N = −log 2π − log σx − log σy − ½ log(1 − ρ²) − Z / (2(1 − ρ²)),
         * Z = zx² + zy² − 2ρ zx zy, zx = (x − μx)/σx, zy = (y − μy)/σy.
         */
        public Expr logLikelihood(Program.Builder p, Expr x, Expr y, int m) {
            Expr r = p.tanh(rho);
            Expr zx = p.mul(p.sub(x, muX), p.exp(p.scale(sigmaX, -1)));
            Expr zy = p.mul(p.sub(y, muY), p.exp(p.scale(sigmaY, -1)));
            Expr oneMinusRho2 = p.atLeast(p.shift(p.scale(p.square(r), -1), 1), MIN_ONE_MINUS_RHO2);
            Expr logOneMinusRho2 = p.logAbs(oneMinusRho2);
            Expr quad = p.sub(p.add(p.square(zx), p.square(zy)), p.scale(p.mul(r, p.mul(zx, zy)), 2));
            Expr logN = p.sub(p.shift(p.scale(p.add(sigmaX, sigmaY), -1), -Math.log(2 * Math.PI)),
                    p.add(p.scale(logOneMinusRho2, 0.5),
                            p.scale(p.mul(quad, p.exp(p.scale(logOneMinusRho2, -1))), 0.5)));
            return p.groupLogSumExp(p.add(p.groupLogSoftmax(logits, m), logN), m);
        }
    }
}
