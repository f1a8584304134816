package dev.primer.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A diverging run stops with a clear error and keeps (and saves) the last good model. */
class NonFiniteLossTest {
    @TempDir
    Path dir;

    @Test
    void divergenceStopsWithTheLastGoodModelKept() throws Exception {
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 4).muli(1e3);
        ArrayDataset data = ArrayDataset.of(x, new int[64], 2);
        for (int i = 0; i < 64; i += 2) {
            data.labels().putScalar(i, 0, 0);
            data.labels().putScalar(i, 1, 1);
        }
        Updates blowUp = new Updates(Optimizer.sgd(), LearningRate.constant(1e30), 0, 0);
        Net net = Net.of(Networks.mlp(4, new int[] {16}, 2, blowUp, 1));
        Trainer t = new Trainer(Trainer.Config.of(8, 50, 1).withOutput(dir, 0));
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                () -> t.fit(net, TrainState.start(1, 8), data, null));
        assertTrue(e.getMessage().contains("at step " + e.step()), e.getMessage());
        assertTrue(e.step() >= 1);
        assertEquals(0, net.params().isNaN().castTo(DataType.INT).sumNumber().intValue(), "params rolled back");
        assertEquals(0, net.params().isInfinite().castTo(DataType.INT).sumNumber().intValue());
        assertNotNull(e.lastGood());
        Checkpoint.Loaded saved = Checkpoint.read(e.lastGood());
        assertEquals(net.params(), saved.net().params());
        assertEquals(e.step() - 1, saved.state().step());
        assertTrue(Files.exists(dir.resolve(RunDirectory.TRAIN)));
    }
}
