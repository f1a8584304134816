package dev.primer.nn.norm;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Batch normalisation over the channels of an NCHW feature map (Ioffe and Szegedy 2015, Alg. 1 and §3.2), optionally
 * followed by a ReLU, computed by {@link FusedBatchNormLayer} in two Java passes forward and two backward instead of
 * DL4J's chain of oneDNN and ND4J ops. Same parameters, running statistics, defaults (decay 0.9, ε 1e-5, log10 σ
 * estimate) and serialised form as DL4J's {@link BatchNormalization}, plus the {@code relu} flag.
 */
public class FusedBatchNorm extends BatchNormalization {
    @JsonProperty
    private boolean relu;

    /** Batch norm without ReLU, with DL4J's defaults (also the constructor JSON deserialisation uses). */
    public FusedBatchNorm() {
        this(false);
    }

    /** Batch norm with DL4J's defaults, followed by a ReLU when {@code relu}. */
    public FusedBatchNorm(boolean relu) {
        copyFields(new BatchNormalization.Builder().build(), this);
        this.relu = relu;
    }

    /** Whether a ReLU follows the normalisation. */
    public boolean relu() {
        return relu;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray params, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNOutSet("FusedBatchNorm", getLayerName(), layerIndex, getNOut());
        if (isLockGammaBeta() || getCnn2DFormat() != CNN2DFormat.NCHW) {
            throw new IllegalStateException("FusedBatchNorm " + getLayerName() + " needs learned γ, β and NCHW input");
        }
        FusedBatchNormLayer layer = new FusedBatchNormLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(params);
        Map<String, INDArray> table = initializer().init(conf, params, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public FusedBatchNorm clone() {
        return (FusedBatchNorm) super.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FusedBatchNorm f && f.relu == relu && super.equals(o);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), relu);
    }

    /** Copies every instance field declared by {@code from}'s class and its superclasses onto {@code to}. */
    private static void copyFields(BatchNormalization from, BatchNormalization to) {
        try {
            for (Class<?> c = BatchNormalization.class; c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        f.set(to, f.get(from));
                    }
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot copy DL4J's batch-norm defaults", e);
        }
    }
}
