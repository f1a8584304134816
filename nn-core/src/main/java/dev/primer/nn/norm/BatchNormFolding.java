package dev.primer.nn.norm;

import dev.primer.nn.Net;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inference graphs with batch norm folded into the convolution before it (Jacob et al. 2018, §3.2): in inference
 * batch norm is the affine map y = γ(x − μ)/√(σ² + ε) + β of running statistics, so a convolution W∗x + b followed by
 * it is the convolution with W' = s·W and b' = s·(b − μ) + β per output channel, s = γ/√(σ² + ε). A ReLU right after
 * (inside a {@link FusedBatchNorm}, or a lone ReLU/other {@code ActivationLayer}) becomes the convolution's
 * activation. The folded graph gives the trained graph's inference outputs (to float rounding) with two fewer layers
 * per convolution; it has no batch norm to train, so it is for inference only.
 */
public final class BatchNormFolding {
    private BatchNormFolding() {
    }

    /**
     * {@code net} as it should run inference: a graph folded by {@link #fold}; a graph already folded (an
     * {@link InferenceGraph}) and any other network unchanged, so that callers folding per call can be handed a folded
     * network once and keep its compiled op sequences.
     */
    public static Net forInference(Net net) {
        return net instanceof Net.Graph g && !(g.net() instanceof InferenceGraph) ? Net.of(fold(g.net())) : net;
    }

    /**
     * A new graph computing {@code graph}'s inference outputs in which every batch norm whose only input is a
     * convolution (with identity activation and no other consumer) is folded into that convolution; {@code graph}
     * is left as it was. Parameters are copied, so later training of {@code graph} does not reach the copy.
     */
    public static ComputationGraph fold(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration().clone();
        Map<String, GraphVertex> vertices = conf.getVertices();
        Map<String, List<String>> inputs = conf.getVertexInputs();
        Map<String, List<String>> consumers = consumers(inputs);
        List<String> outputs = conf.getNetworkOutputs();
        Map<String, String> alias = new HashMap<>();
        Map<String, String> folds = new HashMap<>();
        for (String bn : new ArrayList<>(vertices.keySet())) {
            if (!(layer(vertices.get(bn)) instanceof BatchNormalization norm) || outputs.contains(bn)
                    || inputs.get(bn).size() != 1 || ((LayerVertex) vertices.get(bn)).getPreProcessor() != null) {
                continue;
            }
            String conv = inputs.get(bn).get(0);
            if (!(layer(vertices.get(conv)) instanceof ConvolutionLayer c) || c.getClass() != ConvolutionLayer.class
                    || !(c.getActivationFn() instanceof ActivationIdentity) || consumers.get(conv).size() != 1
                    || outputs.contains(conv)) {
                continue;
            }
            IActivation activation = norm instanceof FusedBatchNorm f && f.relu() ? new ActivationReLU()
                    : new ActivationIdentity();
            List<String> next = consumers.getOrDefault(bn, List.of());
            if (activation instanceof ActivationIdentity && next.size() == 1 && !outputs.contains(next.get(0))
                    && vertices.get(next.get(0)) instanceof LayerVertex v && v.getPreProcessor() == null
                    && layer(v) instanceof ActivationLayer act) {
                activation = act.getActivationFn();
                remove(next.get(0), conv, vertices, inputs, alias);
            }
            c.setHasBias(true);
            c.setActivationFn(activation);
            remove(bn, conv, vertices, inputs, alias);
            folds.put(conv, bn);
        }
        inputs.replaceAll((name, in) -> in.stream().map(i -> alias.getOrDefault(i, i)).toList());
        conf.setTopologicalOrder(null);
        conf.setTopologicalOrderStr(null);
        ComputationGraph folded = new InferenceGraph(conf);
        folded.init();
        for (Layer l : folded.getLayers()) {
            String name = l.conf().getLayer().getLayerName();
            if (folds.containsKey(name)) {
                foldInto(l, graph.getLayer(name), graph.getLayer(folds.get(name)));
            } else {
                graph.getLayer(name).paramTable().forEach((k, v) -> l.setParam(k, v.dup()));
            }
        }
        return folded;
    }

    /** The running variance σ² of DL4J's batch-norm layer {@code bn}, per channel (stored as log10 σ by default). */
    static float[] runningVariance(Layer bn) {
        BatchNormalization conf = (BatchNormalization) bn.conf().getLayer();
        if (!conf.isUseLogStd()) {
            return bn.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).toFloatVector();
        }
        float[] logStd = bn.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).toFloatVector();
        float[] var = new float[logStd.length];
        for (int k = 0; k < var.length; k++) {
            var[k] = (float) Math.pow(10, 2.0 * logStd[k]);
        }
        return var;
    }

    /** Sets {@code target}'s weights and bias to {@code conv} followed by {@code bn} in inference. */
    private static void foldInto(Layer target, Layer conv, Layer bn) {
        BatchNormalization norm = (BatchNormalization) bn.conf().getLayer();
        INDArray w = conv.getParam(ConvolutionParamInitializer.WEIGHT_KEY);
        int out = (int) w.size(0);
        float[] gamma = norm.isLockGammaBeta() ? filled(out, norm.getGamma())
                : bn.getParam(BatchNormalizationParamInitializer.GAMMA).toFloatVector();
        float[] beta = norm.isLockGammaBeta() ? filled(out, norm.getBeta())
                : bn.getParam(BatchNormalizationParamInitializer.BETA).toFloatVector();
        float[] mean = bn.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).toFloatVector();
        float[] var = runningVariance(bn);
        INDArray oldBias = conv.paramTable().get(ConvolutionParamInitializer.BIAS_KEY);
        float[] b0 = oldBias == null ? new float[out] : oldBias.toFloatVector();
        float[] scale = new float[out];
        float[] bias = new float[out];
        for (int k = 0; k < out; k++) {
            scale[k] = (float) (gamma[k] / Math.sqrt(var[k] + norm.getEps()));
            bias[k] = scale[k] * (b0[k] - mean[k]) + beta[k];
        }
        INDArray s = Nd4j.createFromArray(scale).reshape(out, 1, 1, 1).castTo(w.dataType());
        target.setParam(ConvolutionParamInitializer.WEIGHT_KEY, w.mul(s));
        INDArray b = target.getParam(ConvolutionParamInitializer.BIAS_KEY);
        target.setParam(ConvolutionParamInitializer.BIAS_KEY,
                Nd4j.createFromArray(bias).reshape(b.shape()).castTo(b.dataType()));
    }

    /** Drops vertex {@code name} (a one-input layer), whose consumers now read {@code replacement}. */
    private static void remove(String name, String replacement, Map<String, GraphVertex> vertices,
                               Map<String, List<String>> inputs, Map<String, String> alias) {
        vertices.remove(name);
        inputs.remove(name);
        alias.put(name, replacement);
    }

    private static Map<String, List<String>> consumers(Map<String, List<String>> inputs) {
        Map<String, List<String>> consumers = new HashMap<>();
        inputs.forEach((v, in) -> in.forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(v)));
        return consumers;
    }

    private static org.deeplearning4j.nn.conf.layers.Layer layer(GraphVertex v) {
        return v instanceof LayerVertex lv ? lv.getLayerConf().getLayer() : null;
    }

    private static float[] filled(int n, double v) {
        float[] f = new float[n];
        java.util.Arrays.fill(f, (float) v);
        return f;
    }
}
