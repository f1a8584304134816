package dev.primer.nn.seq;

import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An LSTM encoder-decoder over one-hot tokens (Sutskever et al. 2014: the decoder starts from the encoder's final
 * state), optionally with the additive attention of Bahdanau et al. 2015 (§3.1, appendix A.1.2: a bidirectional
 * encoder's annotations hⱼ, scores eₜⱼ = vᵀ tanh(W sₜ₋₁ + U hⱼ), weights αₜ = softmax(eₜ) over the source, and the
 * context cₜ = Σⱼ αₜⱼ hⱼ fed to the decoder's step and to its output layer).
 *
 * <p>Two inputs, both one-hot rows laid out step after step: {@code features} holds the source ({@code srcLen}
 * tokens, padded with {@code pad}) then the decoder's inputs ({@code tgtLen} tokens, the first the start token),
 * {@code labels} the targets ({@code tgtLen} one-hots, all-zero rows after the end, which the loss skips). The loss
 * is the batch mean of each sequence's summed negative log-likelihood. {@link #training} feeds the decoder the true
 * previous token (teacher forcing); {@link #greedy} feeds it its own previous argmax, so one forward pass decodes
 * greedily. Both declare the same parameters in the same order, whatever the lengths, so one network's
 * {@code params()} can be assigned to another's.
 *
 * @param vocab     tokens (one-hot width)
 * @param srcLen    source steps
 * @param tgtLen    target steps
 * @param hidden    LSTM cells in the encoder (each direction) and decoder
 * @param attention whether the decoder attends over the source
 * @param pad       the padding token, which attention never weighs
 */
public record Seq2Seq(int vocab, int srcLen, int tgtLen, int hidden, boolean attention, int pad) {
    /** Output: every step's logits, tgtLen × vocab columns. */
    public static final String LOGITS = "logits";
    /** Output (attention only): every step's weights over the source, tgtLen × srcLen columns. */
    public static final String WEIGHTS = "attention";
    /** Added to a padding position's score: its weight underflows to zero. */
    private static final double MASKED = -1e4;

    /** Rejects sizes that cannot run. */
    public Seq2Seq {
        if (vocab < 2 || srcLen < 1 || tgtLen < 1 || hidden < 1 || pad < 0 || pad >= vocab) {
            throw new IllegalArgumentException("seq2seq needs vocab >= 2, positive lengths and hidden size, and a pad"
                    + " token inside the vocabulary; got vocab " + vocab + ", lengths " + srcLen + "/" + tgtLen
                    + ", hidden " + hidden + ", pad " + pad);
        }
    }

    /** The same model unrolled over other lengths (its parameters fit this one's). */
    public Seq2Seq withLengths(int src, int tgt) {
        return new Seq2Seq(vocab, src, tgt, hidden, attention, pad);
    }

    /** Columns of the {@code features} input. */
    public int featureColumns() {
        return (srcLen + tgtLen) * vocab;
    }

    /** Columns of the {@code labels} input. */
    public int labelColumns() {
        return tgtLen * vocab;
    }

    /** The program trained with teacher forcing. */
    public Program training() {
        return build(false);
    }

    /** The program that decodes greedily in one forward pass. */
    public Program greedy() {
        return build(true);
    }

    private Program build(boolean greedy) {
        Program.Builder p = Program.builder();
        Expr features = p.input("features", featureColumns());
        Expr labels = p.input("labels", labelColumns());
        int context = attention ? 2 * hidden : 0;
        LstmCell enc = LstmCell.declare(p, "enc", vocab, hidden, LstmVariant.NP);
        LstmCell back = attention ? LstmCell.declare(p, "enc_back", vocab, hidden, LstmVariant.NP) : null;
        Expr u = attention ? p.param("att.U", context, hidden, 1 / Math.sqrt(context)) : null;
        Expr w = attention ? p.param("att.W", hidden, hidden, 1 / Math.sqrt(hidden)) : null;
        Expr v = attention ? p.param("att.v", 1, hidden, 1 / Math.sqrt(hidden)) : null;
        LstmCell dec = LstmCell.declare(p, "dec", vocab + context, hidden, LstmVariant.NP);
        double bound = 1 / Math.sqrt(hidden + context);
        Expr outW = p.param("out.W", hidden + context, vocab, bound);
        Expr outB = p.param("out.b", 1, vocab, bound);

        Expr[] xs = new Expr[srcLen];
        Expr[] rev = new Expr[srcLen];
        for (int t = 0; t < srcLen; t++) {
            xs[t] = p.columns(features, t * vocab, vocab);
            rev[srcLen - 1 - t] = xs[t];
        }
        LstmCell.State[] fwd = enc.run(p, xs);
        Attention att = attention ? attend(p, features, fwd, back.run(p, rev), u, w, v) : null;

        Map<String, Expr> outputs = new LinkedHashMap<>();
        Expr[] logits = new Expr[tgtLen];
        Expr[] weights = new Expr[tgtLen];
        LstmCell.State s = fwd[srcLen - 1];
        for (int t = 0; t < tgtLen; t++) {
            Expr in = t > 0 && greedy ? p.straightThrough(logits[t - 1], vocab)
                    : p.columns(features, (srcLen + t) * vocab, vocab);
            Expr readout = null;
            if (att != null) {
                weights[t] = att.weights(p, s.y());
                Expr ctx = p.mixBlocks(weights[t], att.annotations());
                in = p.concat(in, ctx);
                s = dec.step(p, in, s);
                readout = p.concat(s.y(), ctx);
            } else {
                s = dec.step(p, in, s);
                readout = s.y();
            }
            logits[t] = p.dense(readout, outW, outB);
        }
        Expr all = p.concat(logits);
        Expr nll = p.scale(p.meanRows(p.rowSum(p.mul(p.groupLogSoftmax(all, vocab), labels))), -1);
        outputs.put(LOGITS, all);
        if (attention) {
            outputs.put(WEIGHTS, p.concat(weights));
        }
        return p.build(nll, outputs);
    }

    /** The encoder's annotations and the parts of the scores fixed over the decoder's steps. */
    private record Attention(Expr annotations, Expr keys, Expr vTiled, Expr maskBias, Expr w, int steps,
                             int dim) {
        /** αₜ = softmax over the source of vᵀ tanh(W sₜ₋₁ + U hⱼ), padding masked out. */
        Expr weights(Program.Builder p, Expr state) {
            Expr scores = p.groupSum(p.mulRow(p.tanh(p.add(keys, p.tile(p.matmul(state, w), steps))), vTiled), dim);
            return p.groupSoftmax(p.add(scores, maskBias), steps);
        }
    }

    private Attention attend(Program.Builder p, Expr features, LstmCell.State[] fwd, LstmCell.State[] bwd, Expr u,
                             Expr w, Expr v) {
        Expr[] h = new Expr[srcLen];
        Expr[] keys = new Expr[srcLen];
        Expr[] isPad = new Expr[srcLen];
        for (int j = 0; j < srcLen; j++) {
            h[j] = p.concat(fwd[j].y(), bwd[srcLen - 1 - j].y());
            keys[j] = p.matmul(h[j], u);
            isPad[j] = p.columns(features, j * vocab + pad, 1);
        }
        return new Attention(p.concat(h), p.concat(keys), p.tile(v, srcLen), p.scale(p.concat(isPad), MASKED), w,
                srcLen, hidden);
    }
}
