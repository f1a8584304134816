package dev.primer.nn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** A trainable DL4J network, sequential or graph, behind one small contract. */
public sealed interface Net permits Net.Sequential, Net.Graph {

    /** Wraps a sequential network. */
    static Net of(MultiLayerNetwork net) {
        return new Sequential(net);
    }

    /** Wraps a computation graph. */
    static Net of(ComputationGraph graph) {
        return new Graph(graph);
    }

    /** Reads a network written by {@link #write}, with its updater state. */
    static Net read(Kind kind, InputStream in) throws IOException {
        return kind == Kind.SEQUENTIAL ? of(ModelSerializer.restoreMultiLayerNetwork(in, true))
                : of(ModelSerializer.restoreComputationGraph(in, true));
    }

    /** The two DL4J network types. */
    enum Kind { SEQUENTIAL, GRAPH }

    /** Which DL4J type this is. */
    Kind kind();

    /** The wrapped DL4J model. */
    Model model();

    /** One update step on a single-input, single-output batch. */
    void fit(DataSet batch);

    /** One update step on a multi-input/-output batch (graphs only). */
    void fit(MultiDataSet batch);

    /** Loss of the last batch seen by {@code fit} (or by {@code score(batch)}). */
    double score();

    /** All parameters as one flat view (writes go to the network). */
    default INDArray params() {
        return model().params();
    }

    /** Flat view of the updater's state (moments etc.), or null before the first update. */
    INDArray updaterState();

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
        public double score() {
            return net.score();
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
        public double score() {
            return net.score();
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
}
