package dev.primer.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.optim.Updates;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class EarlyStoppingTest {
    private final ArrayDataset data = ArrayDataset.of(Nd4j.rand(DataType.FLOAT, 64, 3), new int[64], 2);

    @Test
    void stopsAfterPatienceEvaluationsWithoutImprovement() {
        double[] metric = {0.5, 0.6, 0.7, 0.65, 0.69, 0.7, 0.8};
        AtomicInteger calls = new AtomicInteger();
        Trainer t = new Trainer(Trainer.Config.of(8, 100, 1).withEvalEvery(4)
                .withEarlyStopping(new Trainer.EarlyStopping("m", true, 3)));
        Trainer.Result r = t.run(() -> Net.of(Networks.mlp(3, new int[] {4}, 2, Updates.adam(1e-3), 1)), data,
                (net, step) -> Map.of("m", metric[calls.getAndIncrement()]));
        assertEquals(Trainer.Stop.EARLY_STOPPED, r.stop());
        assertEquals(6, calls.get(), "best 0.7 at the 3rd evaluation, then 3 without improvement");
        assertEquals(24, r.state().step());
        assertEquals(0.7, r.state().best(), 0);
    }

    @Test
    void targetStopsAsSoonAsItIsReached() {
        AtomicInteger calls = new AtomicInteger();
        Trainer t = new Trainer(Trainer.Config.of(8, 100, 1).withEvalEvery(2)
                .withTarget(new Trainer.Target("acc", 1.0)));
        Trainer.Result r = t.run(() -> Net.of(Networks.mlp(3, new int[] {4}, 2, Updates.adam(1e-3), 1)), data,
                (net, step) -> Map.of("acc", calls.incrementAndGet() >= 5 ? 1.0 : 0.5));
        assertEquals(Trainer.Stop.TARGET_REACHED, r.stop());
        assertEquals(10, r.state().step());
        assertEquals(5, calls.get());
    }

    @Test
    void maxStepsBoundsTheRun() {
        Trainer t = new Trainer(Trainer.Config.of(8, 100, 1).withMaxSteps(13));
        Trainer.Result r = t.run(() -> Net.of(Networks.mlp(3, new int[] {4}, 2, Updates.adam(1e-3), 1)), data, null);
        assertEquals(Trainer.Stop.MAX_STEPS, r.stop());
        assertEquals(13, r.state().step());
    }
}
