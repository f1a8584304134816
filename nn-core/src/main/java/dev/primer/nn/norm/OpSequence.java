package dev.primer.nn.norm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A graph's inference forward pass for one input shape as a fixed list of libnd4j ops on preallocated buffers: each op
 * holds its own execution context (inputs, outputs, arguments) built once, so a call is the ops themselves — no
 * per-layer workspace scopes, validation, shape inference or output copies as DL4J's {@code ComputationGraph} makes.
 * Feature maps are kept NHWC, the layout oneDNN's convolutions run in, so no convolution reorders its input and output
 * (inputs and 4-d outputs are NCHW, as DL4J's). A buffer is reused once its last reader has run, and a ReLU layer runs
 * in place on its input's buffer when nothing else reads it. It covers float graphs of convolutions (any kernel,
 * stride and padding, no dilation), element-wise sums, activation layers and dense/output layers: what
 * {@link BatchNormFolding} leaves of the project's towers; {@link #compile} says when a graph has anything else.
 * Parameters are read through views of the graph's own, so the sequence follows their updates.
 */
final class OpSequence implements AutoCloseable {
    private final List<Step> steps;
    private final List<INDArray> inputs;
    private final List<INDArray> outputs;
    private final OpExecutioner executioner = Nd4j.getExecutioner();

    private OpSequence(List<Step> steps, List<INDArray> inputs, List<INDArray> outputs) {
        this.steps = steps;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /** One op and the context it runs in. */
    private record Step(CustomOp op, OpContext context) {
    }

    /**
     * The sequence computing {@code graph}'s inference outputs for inputs of {@code inputShapes} (one per network
     * input, batch first), or empty when the graph has a vertex, layer, activation, data type or mode the sequence
     * does not cover.
     */
    static Optional<OpSequence> compile(ComputationGraph graph, long[]... inputShapes) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Optional.ofNullable(new Compiler(graph).compile(inputShapes));
        }
    }

    /**
     * The graph's outputs, in output order, for {@code in}: shaped as compiled, or with fewer examples (rows past them
     * are computed on stale data and dropped, which the per-example ops of the sequence allow); fresh arrays the
     * caller may keep.
     */
    synchronized INDArray[] run(INDArray... in) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            long batch = in[0].size(0);
            for (int i = 0; i < in.length; i++) {
                rows(inputs.get(i), batch).assign(in[i]);
            }
            for (Step s : steps) {
                executioner.exec(s.op(), s.context());
            }
            INDArray[] out = new INDArray[outputs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rows(outputs.get(i), batch).dup('c');
            }
            return out;
        }
    }

    /** The first {@code n} examples of batch-first {@code x}, as a view. */
    private static INDArray rows(INDArray x, long n) {
        if (x.size(0) == n) {
            return x;
        }
        INDArrayIndex[] index = new INDArrayIndex[x.rank()];
        index[0] = NDArrayIndex.interval(0, n);
        for (int d = 1; d < index.length; d++) {
            index[d] = NDArrayIndex.all();
        }
        return x.get(index);
    }

    /**
     * Frees the steps' native op contexts (libnd4j keeps them, and the array wrappers they hold, until deleted); the
     * sequence must not run afterwards.
     */
    @Override
    public synchronized void close() {
        for (Step s : steps) {
            try {
                s.context().close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot free an op context", e);
            }
        }
        steps.clear();
    }

    /** Builds the steps of one graph at one batch size, allocating buffers as vertices are reached. */
    private static final class Compiler {
        private final ComputationGraph graph;
        private final ComputationGraphConfiguration conf;
        private final Map<String, List<String>> consumers = new HashMap<>();
        private final Map<String, INDArray> values = new HashMap<>();
        private final Map<String, Integer> pendingReads = new HashMap<>();
        private final Map<Long, Deque<INDArray>> free = new HashMap<>();
        private final List<Step> steps = new ArrayList<>();

        Compiler(ComputationGraph graph) {
            this.graph = graph;
            this.conf = graph.getConfiguration();
            conf.getVertexInputs().forEach((v, in) -> in.forEach(i ->
                    consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(v)));
        }

        OpSequence compile(long[][] inputShapes) {
            if (graph.getLayers().length > 0 && graph.params().dataType() != DataType.FLOAT) {
                return null;
            }
            List<INDArray> inputs = new ArrayList<>();
            List<String> names = conf.getNetworkInputs();
            if (inputShapes.length != names.size()) {
                throw new IllegalArgumentException("the graph has " + names.size() + " inputs, got "
                        + inputShapes.length + " shapes");
            }
            for (int i = 0; i < names.size(); i++) {
                long[] s = inputShapes[i];
                INDArray x = s.length == 4 ? Nd4j.zeros(DataType.FLOAT, s[0], s[2], s[3], s[1])
                        : Nd4j.zeros(DataType.FLOAT, s);
                inputs.add(s.length == 4 ? nchw(x) : x);
                define(names.get(i), x);
            }
            org.deeplearning4j.nn.graph.vertex.GraphVertex[] runtime = graph.getVertices();
            for (int index : graph.topologicalSortOrder()) {
                String name = runtime[index].getVertexName();
                if (runtime[index].isInputVertex()) {
                    continue;
                }
                GraphVertex v = conf.getVertices().get(name);
                List<String> in = conf.getVertexInputs().get(name);
                INDArray out = vertex(name, v, in);
                if (out == null) {
                    return null;
                }
                in.forEach(this::read);
                define(name, out);
            }
            List<INDArray> outputs = conf.getNetworkOutputs().stream().map(values::get)
                    .map(o -> o.rank() == 4 ? nchw(o) : o).toList();
            return new OpSequence(steps, inputs, outputs);
        }

        /** Adds the steps of vertex {@code name} and returns its output buffer, or null when it is not covered. */
        private INDArray vertex(String name, GraphVertex v, List<String> in) {
            if (v instanceof ElementWiseVertex e && e.getOp() == ElementWiseVertex.Op.Add && in.size() >= 2) {
                INDArray out = buffer(values.get(in.get(0)).shape());
                add("add", new INDArray[] {values.get(in.get(0)), values.get(in.get(1))}, out);
                for (int i = 2; i < in.size(); i++) {
                    add("add", new INDArray[] {out, values.get(in.get(i))}, out);
                }
                return out;
            }
            if (!(v instanceof LayerVertex lv) || in.size() != 1) {
                return null;
            }
            INDArray x = values.get(in.get(0));
            InputPreProcessor pre = lv.getPreProcessor();
            org.deeplearning4j.nn.conf.layers.Layer layer = lv.getLayerConf().getLayer();
            if (pre instanceof CnnToFeedForwardPreProcessor c && c.getFormat() == CNN2DFormat.NCHW && x.rank() == 4) {
                INDArray flat = Nd4j.createUninitialized(DataType.FLOAT, x.size(0), x.size(3), x.size(1), x.size(2));
                add("assign", new INDArray[] {flat, nchw(x)}, flat);
                x = flat.reshape('c', x.size(0), x.length() / x.size(0));
            } else if (pre != null) {
                return null;
            }
            if (layer instanceof ActivationLayer a) {
                boolean inPlace = consumers.get(in.get(0)).size() == 1 && !conf.getNetworkOutputs().contains(in.get(0))
                        && !conf.getNetworkInputs().contains(in.get(0));
                INDArray out = inPlace ? x : buffer(x.shape());
                if (inPlace) {
                    pendingReads.merge(in.get(0), 1, Integer::sum);
                }
                return activation(a.getActivationFn(), x, out) ? out : null;
            }
            if (layer.getClass() == ConvolutionLayer.class && x.rank() == 4) {
                return convolution(name, (ConvolutionLayer) layer, x);
            }
            if ((layer.getClass() == DenseLayer.class || layer.getClass() == OutputLayer.class) && x.rank() == 2) {
                org.deeplearning4j.nn.conf.layers.FeedForwardLayer ff =
                        (org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer;
                INDArray w = graph.getLayer(name).getParam(DefaultParamInitializer.WEIGHT_KEY);
                INDArray b = graph.getLayer(name).getParam(DefaultParamInitializer.BIAS_KEY);
                if (b == null) {
                    return null;
                }
                INDArray out = buffer(x.size(0), ff.getNOut());
                add("xw_plus_b", new INDArray[] {x, w, b.reshape(b.length())}, out);
                return activation(ff.getActivationFn(), out, out) ? out : null;
            }
            return null;
        }

        private INDArray convolution(String name, ConvolutionLayer c, INDArray x) {
            if (c.getCnn2dDataFormat() != CNN2DFormat.NCHW || c.getDilation()[0] != 1 || c.getDilation()[1] != 1
                    || c.getConvolutionMode() == ConvolutionMode.Causal) {
                return null;
            }
            int[] k = c.getKernelSize();
            int[] s = c.getStride();
            int[] p = c.getPadding();
            boolean same = c.getConvolutionMode() == ConvolutionMode.Same;
            long h = x.size(1);
            long w = x.size(2);
            long oh = same ? (h + s[0] - 1) / s[0] : (h + 2L * p[0] - k[0]) / s[0] + 1;
            long ow = same ? (w + s[1] - 1) / s[1] : (w + 2L * p[1] - k[1]) / s[1] + 1;
            INDArray weights = graph.getLayer(name).getParam(ConvolutionParamInitializer.WEIGHT_KEY);
            INDArray bias = c.hasBias() ? graph.getLayer(name).getParam(ConvolutionParamInitializer.BIAS_KEY) : null;
            INDArray out = buffer(x.size(0), oh, ow, c.getNOut());
            INDArray[] in = bias == null ? new INDArray[] {x, weights} : new INDArray[] {x, weights,
                bias.reshape(bias.length())};
            // iArgs: kH, kW, sH, sW, pH, pW, dH, dW, same mode, NHWC (1), weights format (1: OIYX, DL4J's).
            add("conv2d", in, out, k[0], k[1], s[0], s[1], same ? 0 : p[0], same ? 0 : p[1], 1, 1, same ? 1 : 0, 1, 1);
            return activation(c.getActivationFn(), out, out) ? out : null;
        }

        /** Adds {@code fn} from {@code x} to {@code out}; false when the activation is not covered. */
        private boolean activation(IActivation fn, INDArray x, INDArray out) {
            if (fn instanceof ActivationIdentity) {
                if (x != out) {
                    add("assign", new INDArray[] {out, x}, out);
                }
                return true;
            }
            String op = fn instanceof ActivationReLU r && plain(r) ? "relu" : fn instanceof ActivationTanH ? "tanh"
                    : fn instanceof ActivationSigmoid ? "sigmoid" : fn instanceof ActivationSoftmax ? "softmax" : null;
            if (op == null) {
                return false;
            }
            OpContext ctx = add(op, new INDArray[] {x}, out, op.equals("softmax") ? new long[] {x.rank() - 1}
                    : new long[0]);
            if (op.equals("relu")) {
                ctx.setTArguments(0.0);
            }
            return true;
        }

        /** Whether {@code r} is max(0, x): no cap, threshold or leak. */
        private static boolean plain(ActivationReLU r) {
            return r.getMax() == null && (r.getThreshold() == null || r.getThreshold() == 0)
                    && (r.getNegativeSlope() == null || r.getNegativeSlope() == 0);
        }

        private OpContext add(String op, INDArray[] in, INDArray out, long... iArgs) {
            OpContext ctx = Nd4j.getExecutioner().buildContext();
            ctx.setInputArrays(in);
            ctx.setOutputArrays(out);
            if (iArgs.length > 0) {
                ctx.setIArguments(iArgs);
            }
            // oneDNN for the convolutions only: its xw_plus_b reorders DL4J's f-ordered dense weights with its
            // reference (scalar) reorder on every call, a quarter of a batch-1 pass of the policy tower.
            ctx.allowHelpers(op.equals("conv2d"));
            steps.add(new Step(DynamicCustomOp.builder(op).build(), ctx));
            return ctx;
        }

        /** The NCHW view of NHWC feature maps {@code x}. */
        private static INDArray nchw(INDArray x) {
            return x.permute(0, 3, 1, 2);
        }

        /** A float buffer of {@code shape}, reusing one whose last reader has run. */
        private INDArray buffer(long... shape) {
            long length = 1;
            for (long d : shape) {
                length *= d;
            }
            Deque<INDArray> pool = free.get(length);
            INDArray flat = pool == null || pool.isEmpty() ? Nd4j.createUninitialized(DataType.FLOAT, length)
                    : pool.pop();
            return flat.reshape('c', shape);
        }

        private void define(String name, INDArray value) {
            values.put(name, value);
            pendingReads.merge(name, consumers.getOrDefault(name, List.of()).size(), Integer::sum);
        }

        /** Marks one read of {@code name}'s value; the last frees its buffer (never an input's or output's). */
        private void read(String name) {
            if (pendingReads.merge(name, -1, Integer::sum) == 0 && !conf.getNetworkOutputs().contains(name)
                    && !conf.getNetworkInputs().contains(name)) {
                INDArray v = values.get(name);
                free.computeIfAbsent(v.length(), k -> new ArrayDeque<>()).push(v.reshape(v.length()));
            }
        }
    }
}
