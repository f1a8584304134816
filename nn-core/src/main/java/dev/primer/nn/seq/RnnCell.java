package dev.primer.nn.seq;

import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;

/**
 * A plain ("Elman") recurrent layer written into a {@link Program}: hₜ = tanh(W xₜ + R hₜ₋₁ + b), DL4J's
 * {@code SimpleRnn}, with the initialisation of {@link LstmCell}.
 *
 * @param w input weights, in × hidden
 * @param r recurrent weights, hidden × hidden
 * @param b biases, 1 × hidden
 */
public record RnnCell(Expr w, Expr r, Expr b) {
    /** Declares the parameters of a layer called {@code name} ({@code name.W}, {@code name.R}, {@code name.b}). */
    public static RnnCell declare(Program.Builder p, String name, int in, int hidden) {
        double bound = 1 / Math.sqrt(hidden);
        return new RnnCell(p.param(name + ".W", in, hidden, bound), p.param(name + ".R", hidden, hidden, bound),
                p.param(name + ".b", 1, hidden, bound));
    }

    /** One step on {@code x} from {@code prev} (null: the zero state). */
    public Expr step(Program.Builder p, Expr x, Expr prev) {
        Expr pre = p.dense(x, w, b);
        return p.tanh(prev == null ? pre : p.add(pre, p.matmul(prev, r)));
    }

    /** The layer over a whole sequence from the zero state; returns the last step's output. */
    public Expr last(Program.Builder p, Expr[] xs) {
        Expr h = null;
        for (Expr x : xs) {
            h = step(p, x, h);
        }
        return h;
    }
}
