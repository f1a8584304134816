package dev.primer.nn.train;

import dev.primer.nn.Backend;
import dev.primer.nn.Net;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A child JVM's main for {@link CheckpointTest}: its first ND4J work is reading the checkpoint named by the argument;
 * prints the JavaCPP physical-memory property {@link Backend#init} sets and the first layer's helper after one output.
 */
public final class ReadFirst {
    private ReadFirst() {
    }

    /** Argument: a checkpoint of a sequential convnet. */
    public static void main(String[] args) throws Exception {
        Net net = Checkpoint.read(Path.of(args[0])).net();
        MultiLayerNetwork m = (MultiLayerNetwork) net.model();
        m.output(Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28));
        Object helper = m.getLayer(0).getHelper();
        System.out.println("physical=" + System.getProperty(Backend.PHYSICAL_BYTES) + " helper="
                + (helper == null ? "none" : helper.getClass().getSimpleName()));
    }
}
