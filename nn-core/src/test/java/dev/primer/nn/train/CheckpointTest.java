package dev.primer.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsParametersUpdaterStateAndTrainState() throws IOException {
        Net net = Net.of(Networks.mlp(4, new int[] {8}, 3, Updates.adam(1e-2), 5));
        INDArray x = Nd4j.rand(DataType.FLOAT, 10, 4);
        INDArray y = Nd4j.eye(3).getRows(0, 1, 2, 0, 1, 2, 0, 1, 2, 0).castTo(DataType.FLOAT);
        for (int i = 0; i < 3; i++) {
            ((Net.Sequential) net).net().fit(x, y);
        }
        TrainState state = new TrainState(3, 1, 2, 5, 32, 5, 0.75, 1, 0.5);
        Path f = dir.resolve("c.bin");
        Checkpoint.write(f, net, state);
        Checkpoint.Loaded back = Checkpoint.read(f);
        assertEquals(state, back.state());
        assertEquals(net.params(), back.net().params());
        assertEquals(net.updaterState(), back.net().updaterState());
        assertEquals(net.iterations(), back.net().iterations());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    /**
     * A process whose first ND4J work is reading a network runs it as a process that built one does: the backend is
     * prepared (the property {@code Backend.init} sets) and the convolution runs on oneDNN (without the preparation
     * DL4J M2.1 leaves the helpers off, and one RL update of the 6x64 tower took 48 s instead of 8).
     */
    @Test
    void aNetworkReadByAFreshProcessRunsOnThePreparedBackend() throws Exception {
        Path f = dir.resolve("convnet.ckpt");
        Checkpoint.write(f, Net.of(Networks.convnet(new Networks.ImageShape(1, 28, 28), 10, Updates.adam(1e-3), 1)),
                TrainState.start(1, 8));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ReadFirst.class.getName(), f.toString()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), out);
        assertTrue(out.contains("physical=0 helper=MKLDNNConvHelper"), out);
    }

    @Test
    void weightsWithoutUpdaterStateLoadFromBytesWithTheSameOutputsAndAThirdOfTheSize() throws IOException {
        Net net = Net.of(Networks.mlp(4, new int[] {64}, 3, Updates.adam(1e-2), 5));
        INDArray x = Nd4j.rand(DataType.FLOAT, 10, 4);
        INDArray y = Nd4j.eye(3).getRows(0, 1, 2, 0, 1, 2, 0, 1, 2, 0).castTo(DataType.FLOAT);
        ((Net.Sequential) net).net().fit(x, y);
        Path full = dir.resolve("full.bin");
        Path weights = dir.resolve("weights.bin");
        Checkpoint.write(full, net, TrainState.start(1, 8));
        Checkpoint.writeWeights(weights, net, TrainState.start(1, 8));
        assertTrue(Files.size(weights) < 0.5 * Files.size(full), Files.size(weights) + " vs " + Files.size(full));
        Net back = Checkpoint.read("shipped.bin", Files.readAllBytes(weights)).net();
        assertEquals(net.params(), back.params());
        assertEquals(net.output(x)[0], back.output(x)[0]);
        byte[] cut = Arrays.copyOf(Files.readAllBytes(weights), (int) Files.size(weights) - 9);
        IOException e = assertThrows(IOException.class, () -> Checkpoint.read("shipped.bin", cut));
        assertTrue(e.getMessage().contains("shipped.bin"), e.getMessage());
    }

    static Stream<Optimizer> everyOptimizer() {
        return Stream.of(new Optimizer.Sgd(), new Optimizer.Momentum(0.9), new Optimizer.Nesterov(0.9),
                new Optimizer.RmsProp(0.95, 0.01), new Optimizer.CenteredRmsProp(0.95, 0.01),
                new Optimizer.Adam(0.9, 0.95, 0.01));
    }

    @ParameterizedTest
    @MethodSource("everyOptimizer")
    void everyOptimizerAndScheduleSurvivesACheckpoint(Optimizer opt) throws IOException {
        Updates updates = new Updates(opt, LearningRate.poly(0.01, 1, 100), 1e-4, 1.0);
        Net net = Net.of(Networks.mlp(4, new int[] {8}, 3, updates, 5));
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 4);
        INDArray y = Nd4j.eye(3).getRows(0, 1, 2, 0, 1, 2).castTo(DataType.FLOAT);
        ((Net.Sequential) net).net().fit(x, y);
        Path f = dir.resolve(opt.getClass().getSimpleName() + ".bin");
        Checkpoint.write(f, net, TrainState.start(1, 8));
        Net back = Checkpoint.read(f).net();
        assertEquals(net.updaterState(), back.updaterState());
        ((Net.Sequential) net).net().fit(x, y);
        ((Net.Sequential) back).net().fit(x, y);
        assertEquals(net.params(), back.params(), "the restored optimiser continues identically");
    }

    @Test
    void corruptionAndTruncationAreReportedNotLoaded() throws IOException {
        Net net = Net.of(Networks.mlp(4, new int[] {8}, 3, Updates.adam(1e-2), 5));
        Path f = dir.resolve("c.bin");
        Checkpoint.write(f, net, TrainState.start(1, 8));
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(f, bytes);
        IOException e = assertThrows(IOException.class, () -> Checkpoint.read(f));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        Files.write(f, java.util.Arrays.copyOf(bytes, 100));
        assertThrows(IOException.class, () -> Checkpoint.read(f));
        Files.writeString(f, "hello");
        assertTrue(assertThrows(IOException.class, () -> Checkpoint.read(f)).getMessage().contains("is not a PRIMERCK file"));
    }
}
