package dev.primer.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.optim.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trainer times each epoch's minibatch loop: one positive time per epoch run whole in this process, evaluations
 * left out, fewer after a resume, and the same list in {@code summary.json}.
 */
class EpochSecondsTest {
    /** 80 rows in batches of 8: ten updates per epoch. */
    private final ArrayDataset data = ArrayDataset.of(Nd4j.rand(DataType.FLOAT, 80, 3), new int[80], 2);

    @TempDir
    Path dir;

    private static Net fresh() {
        return Net.of(Networks.mlp(3, new int[] {4}, 2, Updates.adam(1e-3), 1));
    }

    @Test
    void oneTimePerEpochIsRecordedAndWrittenToTheSummary() throws Exception {
        Path out = dir.resolve("run");
        Trainer.Result r = new Trainer(Trainer.Config.of(8, 3, 1).withOutput(out, 5)).run(EpochSecondsTest::fresh,
                data, null);
        assertEquals(3, r.epochSeconds().size());
        r.epochSeconds().forEach(s -> assertTrue(s > 0, "epoch time " + s));
        JsonNode summary = new ObjectMapper().readTree(out.resolve(Trainer.SUMMARY).toFile());
        assertEquals(3, summary.get("epoch_seconds").size());
        assertEquals(r.epochSeconds().get(2), summary.get("epoch_seconds").get(2).asDouble(), 0);
    }

    @Test
    void evaluationsInsideAnEpochAreNotCounted() {
        long sleepMs = 400;
        AtomicInteger evals = new AtomicInteger();
        Trainer.Result r = new Trainer(Trainer.Config.of(8, 2, 1).withEvalEvery(5)).run(EpochSecondsTest::fresh,
                data, (net, step) -> {
                    evals.incrementAndGet();
                    sleep(sleepMs);
                    return Map.of("m", 0.0);
                });
        assertEquals(4, evals.get(), "two evaluations in each epoch");
        double slept = 2 * sleepMs / 1e3;
        // each epoch slept 0.8 s inside its loop; counted, the sleep alone would make each time exceed it
        r.epochSeconds().forEach(s -> assertTrue(s < slept, "epoch time " + s + " s includes the evaluations"));
    }

    @Test
    void aResumedRunTimesOnlyTheEpochsItRanWhole() throws Exception {
        Path out = dir.resolve("resumed");
        Trainer first = new Trainer(Trainer.Config.of(8, 3, 1).withMaxSteps(15).withOutput(out, 5));
        Trainer.Result cut = first.run(EpochSecondsTest::fresh, data, null);
        assertEquals(List.of(cut.epochSeconds().get(0)), cut.epochSeconds(), "epoch 1 was cut at step 15");
        Files.delete(out.resolve(Trainer.SUMMARY));

        Trainer.Result resumed = new Trainer(Trainer.Config.of(8, 3, 1).withOutput(out, 5))
                .run(EpochSecondsTest::fresh, data, null);
        assertEquals(15, resumed.resumedFrom());
        assertEquals(30, resumed.state().step());
        assertEquals(1, resumed.epochSeconds().size(), "epoch 1 was entered mid-way; only epoch 2 ran whole");
        assertTrue(resumed.epochSeconds().get(0) > 0);
    }

    @Test
    void theMedianIsTheMiddleTimeOrTheMeanOfTheMiddleTwo() {
        assertEquals(2.0, result(List.of(5.0, 1.0, 2.0)).medianEpochSeconds(), 0);
        assertEquals(2.5, result(List.of(4.0, 1.0, 3.0, 2.0)).medianEpochSeconds(), 0);
        assertTrue(Double.isNaN(result(List.of()).medianEpochSeconds()));
    }

    private static Trainer.Result result(List<Double> seconds) {
        return new Trainer.Result(null, TrainState.start(1, 8), Map.of(), Trainer.Stop.EPOCHS_DONE, 0, seconds);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
