package dev.primer.nn.seq;

import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;

/**
 * An LSTM block written into a {@link Program}, one time step per {@link #step} call, with the equations of Greff et
 * al. 2017, §2 (σ the logistic sigmoid, g = h = tanh, ⊙ elementwise, y the block output):
 *
 * <pre>
 *   z = g(W_z x + R_z y' + b_z)                 block input          (1)
 *   i = σ(W_i x + R_i y' + p_i ⊙ c' + b_i)      input gate           (2)
 *   f = σ(W_f x + R_f y' + p_f ⊙ c' + b_f)      forget gate          (3)
 *   c = z ⊙ i + c' ⊙ f                          cell                 (4)
 *   o = σ(W_o x + R_o y' + p_o ⊙ c + b_o)       output gate          (5)
 *   y = h(c) ⊙ o                                block output         (6)
 * </pre>
 *
 * where primes mark the previous step's values. A {@link LstmVariant} removes one part; W, R and b hold only the
 * columns of the gates it computes, laid out [z | i | f | o]. The forget gate's pre-activation is shifted by
 * {@link #FORGET_BIAS} so that a fresh cell remembers (Gers et al. 2000; Jozefowicz et al. 2015, §2.2).
 *
 * @param variant which parts the cell has
 * @param in      input columns
 * @param hidden  cells (the block output's columns)
 * @param w       input weights W, in × (blocks·hidden)
 * @param r       recurrent weights R, hidden × (blocks·hidden)
 * @param b       biases, 1 × (blocks·hidden)
 * @param peeps   peephole weights p_i, p_f, p_o (each 1 × hidden; null where the gate or the peepholes are absent)
 */
public record LstmCell(LstmVariant variant, int in, int hidden, Expr w, Expr r, Expr b, Expr[] peeps) {
    /** Added to the forget gate's pre-activation: a fresh cell keeps about 73% of its state per step. */
    public static final double FORGET_BIAS = 1.0;

    /** The state between steps: block output y and cell c. */
    public record State(Expr y, Expr c) {
    }

    /**
     * Declares the parameters of a cell called {@code name} ({@code name.W}, {@code name.R}, {@code name.b},
     * {@code name.pi}, {@code name.pf}, {@code name.po}), initialised uniformly in ±1/√hidden as PyTorch's {@code nn.LSTM} is.
     */
    public static LstmCell declare(Program.Builder p, String name, int in, int hidden, LstmVariant variant) {
        int blocks = 1 + (variant.inputGate() ? 1 : 0) + (variant.forgetGate() ? 1 : 0)
                + (variant.outputGate() ? 1 : 0);
        double bound = 1 / Math.sqrt(hidden);
        Expr w = p.param(name + ".W", in, blocks * hidden, bound);
        Expr r = p.param(name + ".R", hidden, blocks * hidden, bound);
        Expr b = p.param(name + ".b", 1, blocks * hidden, bound);
        boolean[] gated = {variant.inputGate(), variant.forgetGate(), variant.outputGate()};
        String[] names = {".pi", ".pf", ".po"};
        Expr[] peeps = new Expr[3];
        for (int k = 0; k < 3; k++) {
            peeps[k] = variant.peepholes() && gated[k] ? p.param(name + names[k], 1, hidden, bound) : null;
        }
        return new LstmCell(variant, in, hidden, w, r, b, peeps);
    }

    /** One step on input {@code x} from state {@code prev} (null: the zero state, whose terms are left out). */
    public State step(Program.Builder p, Expr x, State prev) {
        Expr pre = p.dense(x, w, b);
        if (prev != null) {
            pre = p.add(pre, p.matmul(prev.y(), r));
        }
        int col = 0;
        Expr zPre = p.columns(pre, col, hidden);
        Expr z = variant == LstmVariant.NIAF ? zPre : p.tanh(zPre);
        Expr i = null;
        if (variant.inputGate()) {
            col += hidden;
            i = p.sigmoid(peep(p, p.columns(pre, col, hidden), prev == null ? null : prev.c(), 0));
        }
        Expr f = null;
        if (variant.forgetGate()) {
            col += hidden;
            Expr fPre = p.shift(p.columns(pre, col, hidden), FORGET_BIAS);
            f = p.sigmoid(peep(p, fPre, prev == null ? null : prev.c(), 1));
        } else if (variant == LstmVariant.CIFG) {
            f = p.shift(p.scale(i, -1), 1);
        }
        Expr c = i == null ? z : p.mul(z, i);
        if (prev != null) {
            c = p.add(c, f == null ? prev.c() : p.mul(prev.c(), f));
        }
        Expr hc = variant == LstmVariant.NOAF ? c : p.tanh(c);
        Expr y = hc;
        if (variant.outputGate()) {
            col += hidden;
            y = p.mul(hc, p.sigmoid(peep(p, p.columns(pre, col, hidden), c, 2)));
        }
        return new State(y, c);
    }

    /** {@code pre + p_k ⊙ cell}, or {@code pre} without peepholes or without a cell (the zero state). */
    private Expr peep(Program.Builder p, Expr pre, Expr cell, int k) {
        if (peeps[k] == null || cell == null) {
            return pre;
        }
        return p.add(pre, p.mulRow(cell, peeps[k]));
    }

    /** The cell over a whole sequence {@code xs} from the zero state; returns every step's state. */
    public State[] run(Program.Builder p, Expr[] xs) {
        State[] out = new State[xs.length];
        State s = null;
        for (int t = 0; t < xs.length; t++) {
            s = step(p, xs[t], s);
            out[t] = s;
        }
        return out;
    }
}
