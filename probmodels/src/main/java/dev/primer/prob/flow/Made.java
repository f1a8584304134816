package dev.primer.prob.flow;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MADE (Germain et al. 2015) for binary vectors: an autoencoder x → relu(hidden) → logits whose weights are masked
 * so that output d sees only inputs before d (natural order), making p(x) = Πᵈ Bernoulli(x_d; σ(logit_d)) a
 * normalised autoregressive model whose exact −log p(x) is one forward pass. The masks come from
 * {@link #degrees} and {@link #mask}, which any masked autoregressive network (MAF, IAF) can reuse with
 * {@link Program.Builder#maskedLinear}.
 *
 * @param dim    D, the input (and output) dimension
 * @param hidden units of the one hidden layer
 * @param seed   seed of the hidden units' degrees
 */
public record Made(int dim, int hidden, long seed) {
    /** Output name: −log p(x) per row, in nats. */
    public static final String NLL = "nll";
    /** Output name: the conditionals' logits. */
    public static final String LOGITS = "logits";

    /**
     * Degrees m(k) of a hidden layer of {@code units} units for inputs of degrees 1..{@code dim}: uniform in
     * [min over the layer below, D − 1] (Germain et al. 2015, §4.2: a unit of degree m sees inputs 1..m).
     */
    public static int[] degrees(int dim, int units, int below, SplitMix64 rng) {
        if (dim < 2) {
            throw new IllegalArgumentException("an autoregressive model needs dim >= 2, got " + dim);
        }
        int[] m = new int[units];
        for (int k = 0; k < units; k++) {
            m[k] = below + rng.nextIntModulo(dim - below);
        }
        return m;
    }

    /** The degrees 1..D of the inputs in their natural order. */
    public static int[] inputDegrees(int dim) {
        int[] m = new int[dim];
        for (int d = 0; d < dim; d++) {
            m[d] = d + 1;
        }
        return m;
    }

    /**
     * The mask from units of degrees {@code from} to units of degrees {@code to}: 1 where to ≥ from (eq. 12, a hidden
     * layer), or where to &gt; from when {@code strict} (eq. 13, the output layer).
     */
    public static float[][] mask(int[] from, int[] to, boolean strict) {
        float[][] m = new float[from.length][to.length];
        for (int i = 0; i < from.length; i++) {
            for (int j = 0; j < to.length; j++) {
                m[i][j] = (strict ? to[j] > from[i] : to[j] >= from[i]) ? 1 : 0;
            }
        }
        return m;
    }

    /** The program: input {@code x} (binary), loss the mean −log p(x). */
    public Program program() {
        int[] in = inputDegrees(dim);
        int[] h = degrees(dim, hidden, 1, SplitMix64.seeded(seed));
        Program.Builder p = Program.builder();
        Expr x = p.input("x", dim);
        Expr hid = p.relu(p.maskedLinear("made.hidden", x, mask(in, h, false)));
        Expr logits = p.maskedLinear("made.out", hid, mask(h, in, true));
        Expr nll = p.rowSum(p.bceWithLogits(logits, x));
        return p.build(p.meanRows(nll), Map.of(NLL, nll, LOGITS, logits));
    }

    /** A fresh network of this model trained by {@code updates}, initialised from {@code netSeed}. */
    public ExprNet build(Updates updates, long netSeed) {
        return new ExprNet(program(), updates, netSeed);
    }

    /**
     * {@code n} exact samples, drawn one dimension at a time (D forward passes): x_d ~ Bernoulli(σ(logit_d(x_{&lt;d}))).
     */
    public INDArray sample(ExprNet net, int n, SplitMix64 rng) {
        INDArray x = Nd4j.zeros(DataType.FLOAT, n, dim);
        for (int d = 0; d < dim; d++) {
            INDArray logits = net.outputs(x).get(LOGITS);
            for (int r = 0; r < n; r++) {
                double p = 1 / (1 + Math.exp(-logits.getDouble(r, d)));
                x.putScalar(r, d, rng.nextDouble() < p ? 1 : 0);
            }
        }
        return x;
    }
}
