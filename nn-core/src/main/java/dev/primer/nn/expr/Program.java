package dev.primer.nn.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A differentiable computation over row-batched float matrices, written as expressions: named inputs, parameters,
 * noise drawn inside the graph, operations, one scalar loss and named outputs. {@link ExprNet} runs it; the nodes
 * are kept in the order they were written, which is a topological order.
 *
 * <p>Every value is a matrix whose rows are either the batch's rows (inputs and what is computed from them) or fixed
 * (parameters, reductions over the batch). Binary operations need equal shapes; {@link Builder#dense} broadcasts its
 * bias row.
 *
 * @param nodes   the computation, in evaluation order
 * @param inputs  the input nodes, in the order {@link ExprNet#fit} takes their arrays
 * @param loss    the scalar node minimised by training
 * @param outputs named nodes returned by {@link ExprNet#outputs}
 */
public record Program(List<Node> nodes, List<Expr> inputs, Expr loss, Map<String, Expr> outputs) {
    /** Rows marker of a node whose row count is the batch's. */
    public static final int BATCH = -1;

    /** The operations a node can be. */
    public enum Op {
        INPUT, PARAM, NORMAL, DENSE, RELU, EXP, SQUARE, SOFTPLUS, SCALE, SHIFT, ADD, SUB, MUL, BCE_LOGITS, ROW_SUM,
        MEAN_ROWS, GUMBEL, GROUP_SOFTMAX, GROUP_LOG_SOFTMAX, STRAIGHT_THROUGH, DECAY, AT_LEAST, DIVIDE_BY,
        STOP_GRADIENT, SIGMOID, TANH, COLUMNS, CONCAT, TILE, MUL_ROW, GROUP_SUM, MIX_BLOCKS, BROADCAST,
        CONTENT_ADDRESS, INTERPOLATE, CIRCULAR_SHIFT, SHARPEN, READ, WRITE, LOG_ABS, TRANSPOSE, CONST,
        GROUP_LOG_SUM_EXP
    }

    /**
     * One node.
     *
     * @param op    what it computes
     * @param args  ids of its operands
     * @param rows  its row count, or {@link #BATCH}
     * @param cols  its column count
     * @param c     the constant of SCALE, SHIFT and AT_LEAST, the initialisation bound of PARAM (uniform in ±c; 0 for
     *              zeros), the group size of the group operations, the rate of DECAY, the first column of COLUMNS,
     *              the copies of TILE
     * @param name  the name of an INPUT or PARAM, else null
     * @param data  the row-major values of a CONST, else null
     */
    public record Node(Op op, int[] args, int rows, int cols, double c, String name, float[] data) {
    }

    /** A handle on a node while the program is written: its id and shape. */
    public record Expr(int id, int rows, int cols) {
        boolean sameShape(Expr o) {
            return rows == o.rows && cols == o.cols;
        }

        String shape() {
            return (rows == BATCH ? "batch" : Integer.toString(rows)) + "x" + cols;
        }
    }

    /** Starts a program. */
    public static Builder builder() {
        return new Builder();
    }

    /** Writes a program node by node; every method checks shapes and fails naming the operation. */
    public static final class Builder {
        private final List<Node> nodes = new ArrayList<>();
        private final List<Expr> inputs = new ArrayList<>();

        private Builder() {
        }

        private Expr add(Op op, int rows, int cols, double c, String name, Expr... args) {
            int[] ids = new int[args.length];
            for (int i = 0; i < args.length; i++) {
                ids[i] = args[i].id();
            }
            nodes.add(new Node(op, ids, rows, cols, c, name, null));
            return new Expr(nodes.size() - 1, rows, cols);
        }

        /** A batch input of {@code cols} columns; inputs are fed in the order they are declared. */
        public Expr input(String name, int cols) {
            Expr e = add(Op.INPUT, BATCH, cols, 0, name);
            inputs.add(e);
            return e;
        }

        /** A trainable {@code rows × cols} parameter initialised uniformly in ±{@code bound} (zeros for 0). */
        public Expr param(String name, int rows, int cols, double bound) {
            return add(Op.PARAM, rows, cols, bound, name);
        }

        /**
         * A fully connected layer {@code x·W + b} with {@code out} units and PyTorch's {@code nn.Linear} initialisation
         * (W and b uniform in ±1/√fan_in), its parameters named {@code name.W} and {@code name.b}.
         */
        public Expr linear(String name, Expr x, int out) {
            double bound = 1 / Math.sqrt(x.cols());
            return dense(x, param(name + ".W", x.cols(), out, bound), param(name + ".b", 1, out, bound));
        }

        /** {@code x·w + b} for a weight {@code w} of x's columns × n and a bias row {@code b} of n columns. */
        public Expr dense(Expr x, Expr w, Expr b) {
            if (w.rows() != x.cols() || b.rows() != 1 || b.cols() != w.cols()) {
                throw new IllegalArgumentException("dense: x " + x.shape() + ", W " + w.shape() + " and b "
                        + b.shape() + " do not fit x·W + b");
            }
            return add(Op.DENSE, x.rows(), w.cols(), 0, null, x, w, b);
        }

        /** {@code x·w} for a weight {@code w} (a parameter or any fixed-row node) of x's columns × n; no bias. */
        public Expr matmul(Expr x, Expr w) {
            if (w.rows() != x.cols() || w.rows() == BATCH) {
                throw new IllegalArgumentException("matmul: x " + x.shape() + " and W " + w.shape() + " do not fit x·W");
            }
            return add(Op.DENSE, x.rows(), w.cols(), 0, null, x, w);
        }

        /**
         * A masked fully connected layer {@code x·(W ⊙ M) + b} with {@code nn.Linear}'s initialisation, its parameters
         * named {@code name.W} and {@code name.b}: entries where the mask {@code M} (x's columns × out, 0 or 1) is 0
         * are cut, as in MADE's autoregressive layers (Germain et al. 2015, eq. 10).
         */
        public Expr maskedLinear(String name, Expr x, float[][] mask) {
            int out = mask[0].length;
            double bound = 1 / Math.sqrt(x.cols());
            Expr w = mul(param(name + ".W", x.cols(), out, bound), constant(mask));
            return dense(x, w, param(name + ".b", 1, out, bound));
        }

        /** A fixed matrix (no gradient), copied from {@code values} (rows × cols, all rows of one length). */
        public Expr constant(float[][] values) {
            int cols = values[0].length;
            float[] data = new float[values.length * cols];
            for (int r = 0; r < values.length; r++) {
                if (values[r].length != cols) {
                    throw new IllegalArgumentException("constant: row " + r + " has " + values[r].length
                            + " values, row 0 has " + cols);
                }
                System.arraycopy(values[r], 0, data, r * cols, cols);
            }
            nodes.add(new Node(Op.CONST, new int[0], values.length, cols, 0, null, data));
            return new Expr(nodes.size() - 1, values.length, cols);
        }

        /** The transpose of a fixed-row node (a parameter, or what is computed from parameters). */
        public Expr transpose(Expr x) {
            if (x.rows() == BATCH) {
                throw new IllegalArgumentException("transpose: only fixed-row nodes, got " + x.shape());
            }
            return add(Op.TRANSPOSE, x.cols(), x.rows(), 0, null, x);
        }

        /** The logistic sigmoid 1 / (1 + e^−x). */
        public Expr sigmoid(Expr x) {
            return add(Op.SIGMOID, x.rows(), x.cols(), 0, null, x);
        }

        /** tanh x. */
        public Expr tanh(Expr x) {
            return add(Op.TANH, x.rows(), x.cols(), 0, null, x);
        }

        /** Columns {@code from} to {@code from + count − 1} of x. */
        public Expr columns(Expr x, int from, int count) {
            if (from < 0 || count < 1 || from + count > x.cols()) {
                throw new IllegalArgumentException("columns: " + from + " to " + (from + count - 1) + " lie outside "
                        + x.shape());
            }
            return add(Op.COLUMNS, x.rows(), count, from, null, x);
        }

        /** The columns of each operand side by side, in order; all operands have the same rows. */
        public Expr concat(Expr... xs) {
            int cols = 0;
            for (Expr x : xs) {
                if (x.rows() != xs[0].rows()) {
                    throw new IllegalArgumentException("concat: rows of " + x.shape() + " and " + xs[0].shape()
                            + " differ");
                }
                cols += x.cols();
            }
            return add(Op.CONCAT, xs[0].rows(), cols, 0, null, xs);
        }

        /** {@code k} copies of x side by side: n × m → n × km. */
        public Expr tile(Expr x, int k) {
            if (k < 1) {
                throw new IllegalArgumentException("tile: need at least one copy, got " + k);
            }
            return add(Op.TILE, x.rows(), k * x.cols(), k, null, x);
        }

        /** x ⊙ r for a 1 × m row {@code r} broadcast over x's rows (a peephole weight, say). */
        public Expr mulRow(Expr x, Expr r) {
            if (r.rows() != 1 || r.cols() != x.cols()) {
                throw new IllegalArgumentException("mulRow: the row must be 1x" + x.cols() + ", got " + r.shape());
            }
            return add(Op.MUL_ROW, x.rows(), x.cols(), 0, null, x, r);
        }

        /** The sum of each run of {@code k} consecutive columns: n × km → n × m. */
        public Expr groupSum(Expr x, int k) {
            return add(Op.GROUP_SUM, x.rows(), x.cols() / groups(x, k), groups(x, k), null, x);
        }

        /**
         * Σⱼ aⱼ·bⱼ for each row, where {@code a} has T columns and {@code blocks} is T blocks bⱼ of m columns side
         * by side: n × T and n × Tm → n × m (an attention context from its weights and the encoder states).
         */
        public Expr mixBlocks(Expr a, Expr blocks) {
            if (a.rows() != blocks.rows() || blocks.cols() % a.cols() != 0) {
                throw new IllegalArgumentException("mixBlocks: weights " + a.shape() + " do not split blocks "
                        + blocks.shape());
            }
            return add(Op.MIX_BLOCKS, a.rows(), blocks.cols() / a.cols(), 0, null, a, blocks);
        }

        /** log |x| (its gradient 1/x; −∞ at 0). */
        public Expr logAbs(Expr x) {
            return add(Op.LOG_ABS, x.rows(), x.cols(), 0, null, x);
        }

        /** Standard normal noise with {@code like}'s rows and {@code cols} columns, drawn afresh at every run. */
        public Expr normal(Expr like, int cols) {
            return add(Op.NORMAL, like.rows(), cols, 0, null, like);
        }

        /**
         * Standard Gumbel noise −log(−log U), U uniform in (0, 1), with {@code like}'s rows and {@code cols} columns,
         * drawn afresh at every run from the stream of {@link #normal}: argmax(l + G) is a sample of softmax(l)
         * (the Gumbel-max trick; Jang et al. 2017, eq. 1).
         */
        public Expr gumbel(Expr like, int cols) {
            return add(Op.GUMBEL, like.rows(), cols, 0, null, like);
        }

        /** The softmax over each run of {@code k} consecutive columns of each row (the columns split into groups). */
        public Expr groupSoftmax(Expr x, int k) {
            return add(Op.GROUP_SOFTMAX, x.rows(), x.cols(), groups(x, k), null, x);
        }

        /** The log-softmax over each run of {@code k} consecutive columns: xⱼ − log Σ_{group} e^{xᵢ}. */
        public Expr groupLogSoftmax(Expr x, int k) {
            return add(Op.GROUP_LOG_SOFTMAX, x.rows(), x.cols(), groups(x, k), null, x);
        }

        /**
         * The straight-through estimator of Jang et al. (2017, §2.2) over groups of {@code k} columns: forward, the
         * one-hot of each group's argmax; backward, the identity onto {@code y} (the soft sample's gradient).
         */
        public Expr straightThrough(Expr y, int k) {
            return add(Op.STRAIGHT_THROUGH, y.rows(), y.cols(), groups(y, k), null, y);
        }

        /** x forward, no gradient backward: a constant to whatever is computed from it (a score-function signal). */
        public Expr stopGradient(Expr x) {
            return add(Op.STOP_GRADIENT, x.rows(), x.cols(), 0, null, x);
        }

        /** A 1 × 1 schedule e^(−rate·t), t the network's update count (constant within an update, no gradient). */
        public Expr decay(double rate) {
            return add(Op.DECAY, 1, 1, rate, null);
        }

        /** max(x, c). */
        public Expr atLeast(Expr x, double c) {
            return add(Op.AT_LEAST, x.rows(), x.cols(), c, null, x);
        }

        /** x / s for a 1 × 1 node s (a temperature, say), broadcast over x. */
        public Expr divideBy(Expr x, Expr s) {
            if (s.rows() != 1 || s.cols() != 1) {
                throw new IllegalArgumentException("divideBy: the divisor must be 1x1, got " + s.shape());
            }
            return add(Op.DIVIDE_BY, x.rows(), x.cols(), 0, null, x, s);
        }

        private static int groups(Expr x, int k) {
            if (k < 1 || x.cols() % k != 0) {
                throw new IllegalArgumentException("groups of " + k + " columns do not tile " + x.shape());
            }
            return k;
        }

        /** max(x, 0). */
        public Expr relu(Expr x) {
            return add(Op.RELU, x.rows(), x.cols(), 0, null, x);
        }

        /** e^x. */
        public Expr exp(Expr x) {
            return add(Op.EXP, x.rows(), x.cols(), 0, null, x);
        }

        /** x². */
        public Expr square(Expr x) {
            return add(Op.SQUARE, x.rows(), x.cols(), 0, null, x);
        }

        /** log(1 + e^x), computed as max(x, 0) + log1p(e^−|x|) so that it never overflows. */
        public Expr softplus(Expr x) {
            return add(Op.SOFTPLUS, x.rows(), x.cols(), 0, null, x);
        }

        /** c·x. */
        public Expr scale(Expr x, double c) {
            return add(Op.SCALE, x.rows(), x.cols(), c, null, x);
        }

        /** x + c. */
        public Expr shift(Expr x, double c) {
            return add(Op.SHIFT, x.rows(), x.cols(), c, null, x);
        }

        /** x + y. */
        public Expr add(Expr x, Expr y) {
            return binary(Op.ADD, x, y);
        }

        /** x − y. */
        public Expr sub(Expr x, Expr y) {
            return binary(Op.SUB, x, y);
        }

        /** x ⊙ y. */
        public Expr mul(Expr x, Expr y) {
            return binary(Op.MUL, x, y);
        }

        /**
         * Bernoulli negative log-likelihood of targets t under logits l, elementwise: softplus(l) − t·l, which is
         * −[t·log σ(l) + (1−t)·log(1−σ(l))] without forming σ(l) (PyTorch's {@code BCEWithLogitsLoss}).
         */
        public Expr bceWithLogits(Expr logits, Expr targets) {
            return binary(Op.BCE_LOGITS, logits, targets);
        }

        /** The sum of each row: n × m → n × 1. */
        public Expr rowSum(Expr x) {
            return add(Op.ROW_SUM, x.rows(), 1, 0, null, x);
        }

        /** The mean over the batch's rows: n × m → 1 × m. */
        public Expr meanRows(Expr x) {
            return add(Op.MEAN_ROWS, 1, x.cols(), 0, null, x);
        }

        private Expr binary(Op op, Expr x, Expr y) {
            if (!x.sameShape(y)) {
                throw new IllegalArgumentException(op + ": shapes " + x.shape() + " and " + y.shape() + " differ");
            }
            return add(op, x.rows(), x.cols(), 0, null, x, y);
        }

        /** The 1 × m row {@code p} repeated on every row of {@code like}'s batch (a learnt initial state). */
        public Expr broadcast(Expr p, Expr like) {
            if (p.rows() != 1) {
                throw new IllegalArgumentException("broadcast: expected a 1-row operand, got " + p.shape());
            }
            return add(Op.BROADCAST, like.rows(), p.cols(), 0, null, p, like);
        }

        /**
         * Content addressing of a memory of N rows of width W, each batch row holding the memory row-major (N·W
         * columns): w_i = softmax_i(β·K(k, M_i)) with K the cosine similarity (Graves et al. 2014, eqs. 5–6), for a
         * key k of W columns and a strength β of one column; N columns out.
         */
        public Expr contentAddress(Expr memory, Expr key, Expr beta) {
            memoryRows(memory, key, "contentAddress");
            column(beta, memory, "contentAddress: beta");
            return add(Op.CONTENT_ADDRESS, memory.rows(), memory.cols() / key.cols(), 0, null, memory, key, beta);
        }

        /** g·w_c + (1 − g)·w_prev for a gate g of one column (Graves et al. 2014, eq. 7). */
        public Expr interpolate(Expr content, Expr previous, Expr gate) {
            if (!content.sameShape(previous)) {
                throw new IllegalArgumentException("interpolate: weightings " + content.shape() + " and "
                        + previous.shape() + " differ");
            }
            column(gate, content, "interpolate: gate");
            return add(Op.INTERPOLATE, content.rows(), content.cols(), 0, null, content, previous, gate);
        }

        /**
         * The circular convolution w̃_i = Σ_j w_j s_{i−j} (Graves et al. 2014, eq. 8) with a shift weighting s of an
         * odd number S of columns, column k meaning a shift by k − (S − 1)/2 (so for S = 3: −1, 0, +1).
         */
        public Expr circularShift(Expr w, Expr shifts) {
            if (shifts.rows() != w.rows() || shifts.cols() % 2 != 1 || shifts.cols() > w.cols()) {
                throw new IllegalArgumentException("circularShift: shifts " + shifts.shape() + " must have an odd"
                        + " number of columns, at most the " + w.cols() + " of the weighting, on its rows");
            }
            return add(Op.CIRCULAR_SHIFT, w.rows(), w.cols(), 0, null, w, shifts);
        }

        /** w_i^γ / Σ_j w_j^γ for a γ ≥ 1 of one column (Graves et al. 2014, eq. 9). */
        public Expr sharpen(Expr w, Expr gamma) {
            column(gamma, w, "sharpen: gamma");
            return add(Op.SHARPEN, w.rows(), w.cols(), 0, null, w, gamma);
        }

        /** The read vector r = Σ_i w_i M_i of a weighting w over the memory's N rows (Graves et al. 2014, eq. 2). */
        public Expr read(Expr memory, Expr w) {
            int width = memoryWidth(memory, w, "read");
            return add(Op.READ, memory.rows(), width, 0, null, memory, w);
        }

        /**
         * The memory after a write: M_i ⊙ (1 − w_i e) + w_i a for erase e and add a vectors of the memory's width
         * (Graves et al. 2014, eqs. 3–4).
         */
        public Expr write(Expr memory, Expr w, Expr erase, Expr addVector) {
            int width = memoryWidth(memory, w, "write");
            if (erase.cols() != width || addVector.cols() != width || erase.rows() != memory.rows()
                    || addVector.rows() != memory.rows()) {
                throw new IllegalArgumentException("write: erase " + erase.shape() + " and add " + addVector.shape()
                        + " must be as wide as the memory's rows (" + width + ")");
            }
            return add(Op.WRITE, memory.rows(), memory.cols(), 0, null, memory, w, erase, addVector);
        }

        private static void memoryRows(Expr memory, Expr key, String op) {
            if (memory.rows() != key.rows() || memory.cols() % key.cols() != 0) {
                throw new IllegalArgumentException(op + ": a key " + key.shape() + " does not divide the rows of"
                        + " memory " + memory.shape());
            }
        }

        private static int memoryWidth(Expr memory, Expr w, String op) {
            if (memory.rows() != w.rows() || memory.cols() % w.cols() != 0) {
                throw new IllegalArgumentException(op + ": a weighting " + w.shape() + " over the memory's rows does"
                        + " not divide memory " + memory.shape());
            }
            return memory.cols() / w.cols();
        }

        private static void column(Expr c, Expr like, String what) {
            if (c.cols() != 1 || c.rows() != like.rows()) {
                throw new IllegalArgumentException(what + " must be one column on the rows of " + like.shape()
                        + ", got " + c.shape());
            }
        }

        /**
         * log Σ e^{xⱼ} over each run of {@code k} consecutive columns: n × km → n × m (the log-likelihood of a
         * mixture from its components' joint log-densities), computed around the group's maximum so it never
         * overflows.
         */
        public Expr groupLogSumExp(Expr x, int k) {
            return add(Op.GROUP_LOG_SUM_EXP, x.rows(), x.cols() / groups(x, k), groups(x, k), null, x);
        }

        /** The program minimising {@code loss} (a 1 × 1 node) with these named outputs, in this order. */
        public Program build(Expr loss, Map<String, Expr> outputs) {
            if (loss.rows() != 1 || loss.cols() != 1) {
                throw new IllegalArgumentException("the loss must be 1x1, got " + loss.shape());
            }
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("a program needs at least one input");
            }
            return new Program(List.copyOf(nodes), List.copyOf(inputs), loss, new LinkedHashMap<>(outputs));
        }
    }
}
