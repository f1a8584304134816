package dev.primer.nn;

import dev.primer.nn.expr.ExprNet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A trainable network behind one small contract: a DL4J network (sequential or graph), or an {@link ExprNet} for
 * models whose loss is an expression over several inputs and outputs rather than a layer loss.
 */
public sealed interface Net permits Net.Sequential, Net.Graph, Net.Expr {

    /** Wraps a sequential network. */
    static Net of(MultiLayerNetwork net) {
        return new Sequential(net);
    }

    /** Wraps a computation graph. */
    static Net of(ComputationGraph graph) {
        return new Graph(graph);
    }

    /** Wraps an expression network. */
    static Net of(ExprNet net) {
        return new Expr(net);
    }

    /** Reads a DL4J network written by {@link #write}, with its updater state. */
    static Net read(Kind kind, InputStream in) throws IOException {
        return read(kind, in, () -> {
            throw new IllegalStateException("an expression network's checkpoint is read into a fresh network of its"
                    + " program: pass one (Checkpoint.read(file, fresh))");
        });
    }

    /**
     * Reads a network written by {@link #write}, with its updater state; an expression network is read into
     * {@code fresh}'s network, which supplies its program. Prepares the native backend first ({@link Backend#init}),
     * as building a network does: a process whose first network comes from a file runs the same kernels.
     */
    static Net read(Kind kind, InputStream in, Supplier<Net> fresh) throws IOException {
        Backend.init();
        return switch (kind) {
            case SEQUENTIAL -> of(ModelSerializer.restoreMultiLayerNetwork(in, true));
            case GRAPH -> of(ModelSerializer.restoreComputationGraph(in, true));
            case EXPR -> {
                if (!(fresh.get() instanceof Expr e)) {
                    throw new IOException("the checkpoint holds an expression network but the run builds a "
                            + "DL4J network");
                }
                e.net().read(in);
                yield e;
            }
        };
    }

    /** The network types: two DL4J ones and the expression network. */
    enum Kind { SEQUENTIAL, GRAPH, EXPR }

    /** Which type this is. */
    Kind kind();

    /** The wrapped DL4J model (an expression network has none and throws). */
    Model model();

    /** One update step on a single-input, single-output batch. */
    void fit(DataSet batch);

    /** One update step on a multi-input/-output batch (graphs only). */
    void fit(MultiDataSet batch);

    /**
     * One update from several batches, the update {@code fit} would take on their union, in the memory of the largest
     * one: the batches' gradients are summed (batch norm's running-estimate moves averaged by batch size) and the
     * network's own updater (rule, schedule, L2, clipping) applies the total once, as the mean over all examples.
     * Batch norm normalizes each batch by its own statistics. Returns the examples' mean loss (DL4J networks only).
     */
    double fitAccumulated(Iterator<? extends MultiDataSet> batches);

    /** Loss of the last batch seen by {@code fit} (or by {@code score(batch)}). */
    default double score() {
        return model().score();
    }

    /** All parameters as one flat view (writes go to the network). */
    default INDArray params() {
        return model().params();
    }

    /** Flat view of the updater's state (moments etc.), or null before the first update. */
    INDArray updaterState();

    /** Whether {@code fit} leaves parameters and updater state untouched when the batch's loss is not finite. */
    default boolean skipsNonFiniteUpdates() {
        return false;
    }

    /** Updates applied so far. */
    int iterations();

    /** Sets the update counter (used by learning-rate schedules) after a restore. */
    void setIterations(int n);

    /** Inference outputs, in output order, for the given inputs (no training-mode layers). */
    INDArray[] output(INDArray... inputs);

    /** Writes the network and its updater state (DL4J's ModelSerializer zip format). */
    default void write(OutputStream out) throws IOException {
        ModelSerializer.writeModel(model(), out, true);
    }

    /**
     * Writes the network without its updater state, a third of {@link #write}'s bytes for Adam: a network to ship and
     * use, whose training restarts the updater's moments (an expression network writes its whole state).
     */
    default void writeWeights(OutputStream out) throws IOException {
        ModelSerializer.writeModel(model(), out, false);
    }

    /** A sequential network. */
    record Sequential(MultiLayerNetwork net) implements Net {
        @Override
        public Kind kind() {
            return Kind.SEQUENTIAL;
        }

        @Override
        public Model model() {
            return net;
        }

        @Override
        public void fit(DataSet batch) {
            net.fit(batch);
        }

        @Override
        public void fit(MultiDataSet batch) {
            if (batch.numFeatureArrays() != 1 || batch.numLabelsArrays() != 1) {
                throw new IllegalArgumentException("a sequential network takes one input and one label array");
            }
            net.fit(batch.getFeatures(0), batch.getLabels(0));
        }

        @Override
        public double fitAccumulated(Iterator<? extends MultiDataSet> batches) {
            return GradientAccumulation.fit(net, net.getLayers(), l -> String.valueOf(l.getIndex()),
                    (BaseMultiLayerUpdater<?>) net.getUpdater(), b -> {
                        net.setInput(b.getFeatures(0));
                        net.setLabels(b.getLabels(0));
                        net.setLayerMaskArrays(b.getFeaturesMaskArray(0), b.getLabelsMaskArray(0));
                    }, net::computeGradientAndScore, net::clearLayersStates, batches);
        }

        @Override
        public INDArray updaterState() {
            return net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
        }

        @Override
        public int iterations() {
            return net.getIterationCount();
        }

        @Override
        public void setIterations(int n) {
            net.setIterationCount(n);
        }

        @Override
        public INDArray[] output(INDArray... inputs) {
            return new INDArray[] {net.output(inputs[0], false)};
        }

        /**
         * The gradient of each example's loss with respect to its input, {@code ∂ℓ(f(xᵢ), yᵢ)/∂xᵢ}, shaped as
         * {@code features}; the network is run in training mode (dropout on) and its parameters are left unchanged.
         */
        public INDArray inputGradient(INDArray features, INDArray labels) {
            return net.calculateGradients(features, labels, null, null).getSecond().dup();
        }
    }

    /** A computation graph. */
    record Graph(ComputationGraph net) implements Net {
        @Override
        public Kind kind() {
            return Kind.GRAPH;
        }

        @Override
        public Model model() {
            return net;
        }

        @Override
        public void fit(DataSet batch) {
            net.fit(batch);
        }

        @Override
        public void fit(MultiDataSet batch) {
            net.fit(batch);
        }

        @Override
        public double fitAccumulated(Iterator<? extends MultiDataSet> batches) {
            return GradientAccumulation.fit(net, net.getLayers(), l -> l.conf().getLayer().getLayerName(),
                    net.getUpdater(), b -> {
                        net.setInputs(b.getFeatures());
                        net.setLabels(b.getLabels());
                        net.setLayerMaskArrays(b.getFeaturesMaskArrays(), b.getLabelsMaskArrays());
                    }, net::computeGradientAndScore, net::clearLayersStates, batches);
        }

        @Override
        public INDArray updaterState() {
            return net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
        }

        @Override
        public int iterations() {
            return net.getConfiguration().getIterationCount();
        }

        @Override
        public void setIterations(int n) {
            net.getConfiguration().setIterationCount(n);
        }

        @Override
        public INDArray[] output(INDArray... inputs) {
            return net.output(false, inputs);
        }
    }

    /**
     * An expression network: a DataSet feeds its features (then its labels, when the program has two inputs) to
     * the program's inputs; a MultiDataSet feeds all feature arrays, then all label arrays.
     */
    record Expr(ExprNet net) implements Net {
        @Override
        public Kind kind() {
            return Kind.EXPR;
        }

        @Override
        public Model model() {
            throw new UnsupportedOperationException("an expression network is not a DL4J model");
        }

        @Override
        public void fit(DataSet batch) {
            net.fit(net.program().inputs().size() == 1 ? new INDArray[] {batch.getFeatures()}
                    : new INDArray[] {batch.getFeatures(), batch.getLabels()});
        }

        @Override
        public void fit(MultiDataSet batch) {
            INDArray[] f = batch.getFeatures();
            INDArray[] l = batch.getLabels() == null ? new INDArray[0] : batch.getLabels();
            INDArray[] all = java.util.Arrays.copyOf(f, f.length + l.length);
            System.arraycopy(l, 0, all, f.length, l.length);
            net.fit(all);
        }

        @Override
        public double fitAccumulated(Iterator<? extends MultiDataSet> batches) {
            throw new UnsupportedOperationException("an expression network's loss is its program's own scalar, not a"
                    + " sum over examples, so its batches are not accumulated: fit them one at a time");
        }

        @Override
        public double score() {
            return net.score();
        }

        @Override
        public INDArray params() {
            return net.params();
        }

        @Override
        public INDArray updaterState() {
            return net.updaterState();
        }

        @Override
        public boolean skipsNonFiniteUpdates() {
            return true;
        }

        @Override
        public int iterations() {
            return net.iterations();
        }

        @Override
        public void setIterations(int n) {
            net.setIterations(n);
        }

        @Override
        public INDArray[] output(INDArray... inputs) {
            return net.outputs(inputs).values().toArray(INDArray[]::new);
        }

        @Override
        public void write(OutputStream out) throws IOException {
            net.write(out);
        }

        @Override
        public void writeWeights(OutputStream out) throws IOException {
            net.write(out);
        }
    }
}
