package dev.primer.nn.expr;

import dev.primer.nn.Backend;
import dev.primer.nn.expr.Program.Node;
import dev.primer.nn.optim.FloatViews;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Runs a {@link Program}: reverse-mode training steps and inference on preallocated buffers, one BLAS product per
 * matrix product ({@code Nd4j.gemm}) and a Java loop per elementwise pass, instead of an op graph interpreted per
 * call. The parameters live in one flat array (so the trainer's snapshot, checkpoint and NaN guard see them as
 * they see a DL4J network's), updated by a DL4J updater built from {@link Updates}.
 *
 * <p>Noise nodes draw from a {@link SplitMix64} seeded by (seed, update count), so a run restored from a
 * checkpoint draws exactly the noise an uninterrupted run would. Not thread-safe.
 */
public final class ExprNet {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long INFERENCE_STREAM = -1;

    private final Program program;
    private final Updates updates;
    private final long seed;
    private final List<Node> nodes;
    private final boolean[] needsGrad;
    private final boolean[] heapParam;
    private final INDArray params;
    private final INDArray grads;
    private final INDArray updaterState;
    private final GradientUpdater<?> updater;
    private final INDArray[] paramViews;
    private final INDArray[] gradViews;
    private final Map<Integer, Buffers> buffers = new HashMap<>();
    private int iterations;
    private double score = Double.NaN;

    /**
     * A network running {@code program}, its parameters initialised from {@code seed} as each PARAM node says,
     * trained by {@code updates} (rule, schedule and clipping, each PARAM node's gradient clipped to L2 norm
     * clipNorm as DL4J's ClipL2PerLayer clips a layer's; L2 is not supported here).
     */
    public ExprNet(Program program, Updates updates, long seed) {
        if (updates.l2() != 0) {
            throw new IllegalArgumentException("an expression network takes no L2 from Updates; write a penalty"
                    + " into the loss instead (got l2 " + updates.l2() + ")");
        }
        Backend.init();
        this.program = program;
        this.updates = updates;
        this.seed = seed;
        this.nodes = program.nodes();
        this.needsGrad = new boolean[nodes.size()];
        this.heapParam = new boolean[nodes.size()];
        long total = 0;
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            needsGrad[i] = n.op() == Program.Op.PARAM;
            for (int k = 0; k < n.args().length; k++) {
                int a = n.args()[k];
                needsGrad[i] |= needsGrad[a] && n.op() != Program.Op.STOP_GRADIENT;
                heapParam[a] |= !(n.op() == Program.Op.DENSE && k == 1);
            }
            if (n.op() == Program.Op.PARAM) {
                total += (long) n.rows() * n.cols();
            }
        }
        params = Nd4j.zeros(DataType.FLOAT, 1, total);
        grads = Nd4j.zeros(DataType.FLOAT, 1, total);
        paramViews = new INDArray[nodes.size()];
        gradViews = new INDArray[nodes.size()];
        SplitMix64 init = SplitMix64.seeded(seed);
        long at = 0;
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.op() != Program.Op.PARAM) {
                continue;
            }
            long len = (long) n.rows() * n.cols();
            paramViews[i] = params.get(NDArrayIndex.point(0), NDArrayIndex.interval(at, at + len))
                    .reshape('c', n.rows(), n.cols());
            gradViews[i] = grads.get(NDArrayIndex.point(0), NDArrayIndex.interval(at, at + len))
                    .reshape('c', n.rows(), n.cols());
            for (long j = 0; j < len; j++) {
                params.putScalar(at + j, (float) ((2 * init.nextDouble() - 1) * n.c()));
            }
            at += len;
        }
        IUpdater config = updates.optimizer().updater(updates.lr());
        long stateSize = config.stateSize(total);
        updaterState = stateSize == 0 ? null : Nd4j.zeros(DataType.FLOAT, 1, stateSize);
        updater = config.instantiate(updaterState, true);
    }

    /** The program this network runs. */
    public Program program() {
        return program;
    }

    /** A network of the same program, updates and seed, freshly initialised. */
    public ExprNet fresh() {
        return new ExprNet(program, updates, seed);
    }

    /** All parameters as one flat view, in the order the PARAM nodes were written (writes go to the network). */
    public INDArray params() {
        return params;
    }

    /** The parameter node called {@code name}, as a view (writes go to the network). */
    public INDArray param(String name) {
        for (int i = 0; i < nodes.size(); i++) {
            if (paramViews[i] != null && nodes.get(i).name().equals(name)) {
                return paramViews[i];
            }
        }
        throw new IllegalArgumentException("the program has no parameter '" + name + "'");
    }

    /** The gradient of the loss left by the last {@link #fit} or {@link #gradient} call, laid out as params(). */
    public INDArray gradients() {
        return grads;
    }

    /** The updater's state (Adam's moments etc.), or null for a stateless rule. */
    public INDArray updaterState() {
        return updaterState;
    }

    /** Updates applied so far. */
    public int iterations() {
        return iterations;
    }

    /** Sets the update counter after a restore (it fixes the schedule and the noise of the next update). */
    public void setIterations(int n) {
        iterations = n;
    }

    /** The loss of the last {@link #fit} or {@link #gradient} call. */
    public double score() {
        return score;
    }

    /**
     * One update on a batch (one array per input, rows = examples, any shape whose trailing dimensions flatten to
     * the input's columns); returns the loss before the update. A loss that is not finite leaves the parameters and
     * the updater's state as they were (no update is applied).
     */
    public double fit(INDArray... inputs) {
        double loss = gradient(inputs);
        if (!Double.isFinite(loss)) {
            return loss;
        }
        if (updates.clipNorm() > 0) {
            for (INDArray g : gradViews) {
                double norm = g == null ? 0 : g.norm2Number().doubleValue();
                if (norm > updates.clipNorm()) {
                    g.muli(updates.clipNorm() / norm);
                }
            }
        }
        updater.applyUpdater(grads, iterations, 0);
        FloatViews.subtract(params, grads);
        iterations++;
        return loss;
    }

    /** The loss and, in {@link #gradients()}, its gradient on a batch, with this update's noise; no update. */
    public double gradient(INDArray... inputs) {
        Buffers b = forward(SplitMix64.seeded(seed * GOLDEN + iterations), inputs);
        backward(b);
        score = b.scalar(program.loss().id());
        return score;
    }

    /**
     * The named outputs on a batch (copies), with noise drawn from {@code noiseSeed}: the same seed and inputs give
     * the same outputs.
     */
    public Map<String, INDArray> outputs(long noiseSeed, INDArray... inputs) {
        Buffers b = forward(SplitMix64.seeded(noiseSeed), inputs);
        Map<String, INDArray> out = new LinkedHashMap<>();
        program.outputs().forEach((name, e) -> out.put(name,
                Nd4j.createFromArray(b.v[e.id()]).reshape(b.rows(e.id()), nodes.get(e.id()).cols())));
        return out;
    }

    /** The named outputs on a batch with the network's fixed inference noise stream. */
    public Map<String, INDArray> outputs(INDArray... inputs) {
        return outputs(seed * GOLDEN + INFERENCE_STREAM, inputs);
    }

    /** Writes parameters, updater state and update count. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(iterations);
        writeFloats(d, params);
        writeFloats(d, updaterState);
        d.flush();
    }

    /** Reads what {@link #write} wrote into this network, failing if the sizes are not this program's. */
    public void read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        iterations = d.readInt();
        readFloats(d, params, "parameters");
        readFloats(d, updaterState, "updater state");
    }

    /** The floats of {@code a} after their count, big-endian as {@code writeFloat} writes them, in one bulk write. */
    private static void writeFloats(DataOutputStream d, INDArray a) throws IOException {
        float[] v = a == null ? new float[0] : a.toFloatVector();
        d.writeInt(v.length);
        ByteBuffer bytes = ByteBuffer.allocate(4 * v.length);
        bytes.asFloatBuffer().put(v);
        d.write(bytes.array());
    }

    private static void readFloats(DataInputStream d, INDArray into, String what) throws IOException {
        int n = d.readInt();
        long want = into == null ? 0 : into.length();
        if (n != want) {
            throw new IOException("saved " + what + " hold " + n + " values; this program has " + want);
        }
        byte[] bytes = new byte[4 * n];
        d.readFully(bytes);
        float[] v = new float[n];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
        if (into != null) {
            into.assign(Nd4j.createFromArray(v).reshape(into.shape()));
        }
    }

    private Buffers forward(SplitMix64 rng, INDArray[] inputs) {
        List<Program.Expr> ins = program.inputs();
        if (inputs.length != ins.size()) {
            throw new IllegalArgumentException("the program takes " + ins.size() + " inputs, got " + inputs.length);
        }
        int rows = (int) inputs[0].size(0);
        Buffers b = buffers.computeIfAbsent(rows, Buffers::new);
        for (int k = 0; k < inputs.length; k++) {
            Program.Expr e = ins.get(k);
            Node n = nodes.get(e.id());
            if (inputs[k].size(0) != rows || inputs[k].length() != (long) rows * n.cols()) {
                throw new IllegalArgumentException("input '" + n.name() + "' takes " + n.cols() + " columns per row"
                        + " and " + rows + " rows; got shape " + java.util.Arrays.toString(inputs[k].shape()));
            }
            INDArray x = inputs[k].reshape('c', rows, n.cols());
            if (x.dataType() != DataType.FLOAT || x.ordering() != 'c' || !Shape.hasDefaultStridesForShape(x)) {
                x = x.castTo(DataType.FLOAT).dup('c');
            }
            x.data().asNioFloat().get((int) x.offset(), b.v[e.id()], 0, b.v[e.id()].length);
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).op() == Program.Op.PARAM && heapParam[i]) {
                b.pullValue(i);
            }
        }
        b.step = iterations;
        for (int i = 0; i < nodes.size(); i++) {
            Kernels.forward(nodes.get(i), i, b, rng);
        }
        return b;
    }

    private void backward(Buffers b) {
        FloatViews.zero(grads);
        for (int i = 0; i < nodes.size(); i++) {
            if (needsGrad[i] && (nodes.get(i).op() != Program.Op.PARAM || heapParam[i])) {
                java.util.Arrays.fill(b.g[i], 0f);
            }
        }
        int loss = program.loss().id();
        b.g[loss][0] = 1f;
        for (int i = loss; i >= 0; i--) {
            if (needsGrad[i]) {
                Kernels.backward(nodes.get(i), i, b, needsGrad);
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).op() == Program.Op.PARAM && heapParam[i]) {
                FloatViews.add(gradViews[i], b.g[i]);
            }
        }
    }

    /**
     * Values and gradients of every node for batches of one row count: heap arrays for the Java loops, and native
     * twins for the operands and results of matrix products (parameters are native only, with a heap mirror where
     * an elementwise pass reads them).
     */
    final class Buffers {
        final int rows;
        final float[][] v;
        final float[][] g;
        final INDArray[] nv;
        final INDArray[] ng;
        /** The update count the current pass runs at (read by schedules). */
        int step;
        /** Per node, what its forward pass keeps for its backward pass (σ of a BCE's or softplus's input), else null. */
        final float[][] aux;
        /** Scratch of {@link Kernels#expNegAbs}, as long as the longest node. */
        final float[] expScratch;
        final int[] expBits;
        private final FloatBuffer[] nvBuf;
        private final FloatBuffer[] ngBuf;

        Buffers(int rows) {
            this.rows = rows;
            int n = nodes.size();
            v = new float[n][];
            g = new float[n][];
            nv = new INDArray[n];
            ng = new INDArray[n];
            nvBuf = new FloatBuffer[n];
            ngBuf = new FloatBuffer[n];
            aux = new float[n][];
            int longest = 0;
            boolean[] matrixOperand = new boolean[n];
            for (Node node : nodes) {
                if (node.op() == Program.Op.DENSE) {
                    matrixOperand[node.args()[0]] = true;
                    matrixOperand[node.args()[1]] = true;
                }
            }
            for (int i = 0; i < n; i++) {
                Node node = nodes.get(i);
                int r = node.rows() == Program.BATCH ? rows : node.rows();
                int len = r * node.cols();
                if (node.op() == Program.Op.PARAM) {
                    // A parameter also used elementwise collects its gradient on the heap, so its matrix-product
                    // gradient goes through a native scratch rather than straight into the gradient view.
                    nv[i] = paramViews[i];
                    ng[i] = !heapParam[i] ? gradViews[i]
                            : matrixOperand[i] && needsGrad[i] ? Nd4j.zeros(DataType.FLOAT, r, node.cols()) : null;
                } else if (matrixOperand[i] || node.op() == Program.Op.DENSE) {
                    nv[i] = Nd4j.zeros(DataType.FLOAT, r, node.cols());
                    ng[i] = needsGrad[i] ? Nd4j.zeros(DataType.FLOAT, r, node.cols()) : null;
                }
                if (nv[i] != null) {
                    nvBuf[i] = nv[i].data().asNioFloat();
                    ngBuf[i] = ng[i] == null ? null : ng[i].data().asNioFloat();
                }
                boolean heap = node.op() != Program.Op.PARAM || heapParam[i];
                v[i] = heap ? new float[len] : null;
                g[i] = heap && needsGrad[i] ? new float[len] : null;
                boolean keeps = node.op() == Program.Op.BCE_LOGITS || node.op() == Program.Op.SOFTPLUS;
                aux[i] = keeps ? new float[len] : null;
                longest = Math.max(longest, len);
            }
            expScratch = new float[longest];
            expBits = new int[longest];
        }

        /** Rows of node i in this batch. */
        int rows(int i) {
            Node node = nodes.get(i);
            return node.rows() == Program.BATCH ? rows : node.rows();
        }

        /** Copies node i's heap value into its native twin. */
        void pushValue(int i) {
            nvBuf[i].put((int) nv[i].offset(), v[i], 0, v[i].length);
        }

        /** Copies node i's native value into its heap array. */
        void pullValue(int i) {
            nvBuf[i].get((int) nv[i].offset(), v[i], 0, v[i].length);
        }

        /** Copies node i's heap gradient into its native twin. */
        void pushGrad(int i) {
            ngBuf[i].put((int) ng[i].offset(), g[i], 0, g[i].length);
        }

        /** Copies node i's native gradient into its heap array. */
        void pullGrad(int i) {
            ngBuf[i].get((int) ng[i].offset(), g[i], 0, g[i].length);
        }

        /** Node i's operation. */
        Program.Op op(int i) {
            return nodes.get(i).op();
        }

        double scalar(int i) {
            return v[i][0];
        }
    }
}
