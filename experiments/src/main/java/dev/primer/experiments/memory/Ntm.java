package dev.primer.experiments.memory;

import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Neural Turing Machine (Graves et al. 2014) unrolled over the {@link CopyTask}'s steps as an nn-core expression
 * program: an LSTM controller fed the input and the last read vector, one read head and one write head addressing a
 * memory of N rows × W columns by content then location (eqs. 5–9), writing by erase and add (eqs. 3–4); the output
 * is a linear map of the controller state and the read vector. With {@code memory} off the same program is a plain
 * LSTM (the baseline). Every parameter is written before the first step, so programs of different lengths share one
 * parameter layout and can exchange parameters.
 *
 * @param cells       N, memory rows (128 in the paper)
 * @param width       W, memory columns (20)
 * @param controller  LSTM units of the controller (100 in the paper's LSTM-controlled NTM)
 * @param memory      false for the plain LSTM baseline
 */
public record Ntm(int cells, int width, int controller, boolean memory) {
    /** Shift weighting over −1, 0, +1 (the paper's copy task uses shifts of at most one). */
    static final int SHIFTS = 3;
    /** Added to the forget gate's pre-activation so that the cell keeps its state at first (Gers et al. 2000). */
    private static final double FORGET_BIAS = 1.0;

    /** The paper's copy-task machine: memory 128 × 20, an LSTM controller of 100 units. */
    public static Ntm paper() {
        return new Ntm(128, 20, 100, true);
    }

    /** A plain LSTM of {@code units} units on the same task. */
    public static Ntm lstm(int units) {
        return new Ntm(0, 0, units, false);
    }

    /** Addressing outputs per head: key (W), β, g, γ and the shift weighting. */
    private int addressing() {
        return width + 3 + SHIFTS;
    }

    /**
     * The program for {@code task}: inputs "x" and "target" as {@link CopyTask} lays them out, loss the mean over the
     * batch of the scored outputs' Bernoulli negative log-likelihood in nats; outputs "logits" (steps × bits) and,
     * when {@code record} and memory is on, "read" and "write" (steps × N weightings).
     */
    public Program program(CopyTask task, boolean record) {
        Program.Builder p = Program.builder();
        int bits = task.bits();
        int steps = task.steps();
        Expr x = p.input("x", steps * task.inputWidth());
        Expr target = p.input("target", steps * 2 * bits);
        int h = controller;
        int in = task.inputWidth() + (memory ? width : 0);
        double lstmBound = 1 / Math.sqrt(in + h);
        Expr lstmW = p.param("lstm.W", in + h, 4 * h, lstmBound);
        Expr lstmB = p.param("lstm.b", 1, 4 * h, lstmBound);
        Expr h0 = p.param("h0", 1, h, 0);
        Expr c0 = p.param("c0", 1, h, 0);
        int outIn = h + (memory ? width : 0);
        Expr outW = p.param("out.W", outIn, bits, 1 / Math.sqrt(outIn));
        Expr outB = p.param("out.b", 1, bits, 1 / Math.sqrt(outIn));
        Head read = null;
        Head write = null;
        Expr mem = null;
        Expr r = null;
        if (memory) {
            read = Head.params(p, "read", h, addressing());
            write = Head.params(p, "write", h, addressing() + 2 * width);
            // A fixed random memory at the start (pytorch-ntm's buffer, uniform in ±1/√(N+W)): not learnt, and
            // different in every row so that content addressing can tell the rows apart before anything is written.
            mem = p.broadcast(p.stopGradient(p.param("memory.init", 1, cells * width, 1 / Math.sqrt(cells + width))),
                    x);
            r = p.broadcast(p.param("read.init", 1, width, 0.1), x);
        }
        Expr wr = memory ? p.groupSoftmax(p.broadcast(p.param("read.w0", 1, cells, 0), x), cells) : null;
        Expr ww = memory ? p.groupSoftmax(p.broadcast(p.param("write.w0", 1, cells, 0), x), cells) : null;
        Expr hs = p.broadcast(h0, x);
        Expr cs = p.broadcast(c0, x);
        Expr loss = null;
        Expr logits = null;
        Expr reads = null;
        Expr writes = null;
        for (int t = 0; t < steps; t++) {
            Expr xt = p.columns(x, t * task.inputWidth(), task.inputWidth());
            Expr z = p.dense(p.concat(memory ? p.concat(xt, r) : xt, hs), lstmW, lstmB);
            Expr i = p.sigmoid(p.columns(z, 0, h));
            Expr f = p.sigmoid(p.shift(p.columns(z, h, h), FORGET_BIAS));
            Expr g = p.tanh(p.columns(z, 2 * h, h));
            Expr o = p.sigmoid(p.columns(z, 3 * h, h));
            cs = p.add(p.mul(f, cs), p.mul(i, g));
            hs = p.mul(o, p.tanh(cs));
            Expr features = hs;
            if (memory) {
                Expr readOut = p.dense(hs, read.w(), read.b());
                wr = address(p, readOut, mem, wr);
                r = p.read(mem, wr);
                Expr writeOut = p.dense(hs, write.w(), write.b());
                ww = address(p, writeOut, mem, ww);
                int at = addressing();
                mem = p.write(mem, ww, p.sigmoid(p.columns(writeOut, at, width)),
                        p.tanh(p.columns(writeOut, at + width, width)));
                features = p.concat(hs, r);
                if (record) {
                    reads = reads == null ? wr : p.concat(reads, wr);
                    writes = writes == null ? ww : p.concat(writes, ww);
                }
            }
            Expr yt = p.dense(features, outW, outB);
            Expr tt = p.columns(target, t * 2 * bits, bits);
            Expr mt = p.columns(target, t * 2 * bits + bits, bits);
            Expr nll = p.rowSum(p.mul(mt, p.bceWithLogits(yt, tt)));
            loss = loss == null ? nll : p.add(loss, nll);
            logits = logits == null ? yt : p.concat(logits, yt);
        }
        Map<String, Expr> outputs = new LinkedHashMap<>();
        outputs.put("logits", logits);
        if (reads != null) {
            outputs.put("read", reads);
            outputs.put("write", writes);
        }
        return p.build(p.meanRows(loss), outputs);
    }

    /**
     * One head's weighting from its controller outputs (key, β, g, γ, shift logits, in that order) and its previous
     * weighting: content (eqs. 5–6), interpolation (eq. 7), circular shift (eq. 8), sharpening (eq. 9).
     */
    private Expr address(Program.Builder p, Expr out, Expr mem, Expr previous) {
        Expr key = p.columns(out, 0, width);
        Expr beta = p.softplus(p.columns(out, width, 1));
        Expr gate = p.sigmoid(p.columns(out, width + 1, 1));
        Expr gamma = p.shift(p.softplus(p.columns(out, width + 2, 1)), 1);
        Expr shift = p.groupSoftmax(p.columns(out, width + 3, SHIFTS), SHIFTS);
        Expr content = p.contentAddress(mem, key, beta);
        return p.sharpen(p.circularShift(p.interpolate(content, previous, gate), shift), gamma);
    }

    /** A head's linear map from the controller state to its outputs. */
    private record Head(Expr w, Expr b) {
        static Head params(Program.Builder p, String name, int in, int out) {
            double bound = 1 / Math.sqrt(in);
            return new Head(p.param(name + ".W", in, out, bound), p.param(name + ".b", 1, out, bound));
        }
    }
}
