package dev.primer.nn;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * {@link Net#fitAccumulated} for DL4J networks: the steps of DL4J's own {@code fit} (its StochasticGradientDescent:
 * gradient, updater, {@code params −= update}, iteration count, constraints) with the gradient summed over batches.
 */
final class GradientAccumulation {
    private GradientAccumulation() {
    }

    /**
     * One update of {@code model} from {@code batches}: {@code feed} sets a batch's inputs, labels and masks,
     * {@code backprop} computes its gradient into {@code model.gradient()} and its score, {@code clear} lets the last
     * batch go; {@code prefix} names a layer's parameters in the gradient.
     */
    static double fit(Model model, Layer[] layers, Function<Layer, String> prefix, BaseMultiLayerUpdater<?> updater,
                      Consumer<MultiDataSet> feed, Runnable backprop, Runnable clear,
                      Iterator<? extends MultiDataSet> batches) {
        Set<String> estimates = runningEstimates(layers, prefix);
        Map<String, INDArray> sum = new LinkedHashMap<>();
        long n = 0;
        double loss = 0;
        while (batches.hasNext()) {
            MultiDataSet batch = batches.next();
            long m = batch.getFeatures(0).size(0);
            feed.accept(batch);
            backprop.run();
            double score = model.score();
            if (!model.gradient().gradientForVariable().keySet().containsAll(estimates)) {
                throw new IllegalStateException("running estimates " + estimates + " not among the gradient's keys "
                        + model.gradient().gradientForVariable().keySet());
            }
            // DL4J's gradients are sums over the batch (the updater divides by its size), except the running
            // estimates' moves (batch norm's mean and variance), which are applied as they are: those are averaged.
            for (Map.Entry<String, INDArray> e : model.gradient().gradientForVariable().entrySet()) {
                INDArray g = estimates.contains(e.getKey()) ? e.getValue().mul(m) : e.getValue().dup();
                sum.merge(e.getKey(), g, INDArray::addi);
            }
            loss += score * m;
            n += m;
        }
        clear.run();
        if (n == 0) {
            throw new IllegalArgumentException("fitAccumulated needs at least one batch with examples");
        }
        Gradient total = model.gradient();
        for (Map.Entry<String, INDArray> e : total.gradientForVariable().entrySet()) {
            INDArray s = sum.get(e.getKey());
            e.getValue().assign(estimates.contains(e.getKey()) ? s.divi(n) : s);
        }
        updater.update(total, BaseOptimizer.getIterationCount(model), BaseOptimizer.getEpochCount(model),
                Math.toIntExact(n), LayerWorkspaceMgr.noWorkspaces());
        model.params().subi(total.gradient());
        BaseOptimizer.incrementIterationCount(model, 1);
        BaseOptimizer.applyConstraints(model);
        return loss / n;
    }

    /** The gradient keys of parameters the updater does not divide by the batch size (running estimates). */
    private static Set<String> runningEstimates(Layer[] layers, Function<Layer, String> prefix) {
        Set<String> keys = new HashSet<>();
        for (Layer l : layers) {
            for (String p : l.paramTable(false).keySet()) {
                if (!l.updaterDivideByMinibatch(p)) {
                    keys.add(prefix.apply(l) + "_" + p);
                }
            }
        }
        return keys;
    }
}
