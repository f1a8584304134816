package dev.primer.mcts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchingEvaluatorTest {
    /** Values each Nim position by its stones and records every batch it receives. */
    static final class Recording implements Evaluator<Nim> {
        final List<List<Nim>> batches = new CopyOnWriteArrayList<>();

        @Override
        public Output output() {
            return Output.PRIORS_AND_VALUE;
        }

        @Override
        public void evaluate(List<Nim> states, float[][] priors, float[] values) {
            List<Nim> copies = new ArrayList<>();
            for (int i = 0; i < states.size(); i++) {
                Nim s = states.get(i);
                copies.add(s.copy());
                values[i] = s.stones() / 100f;
                priors[i][0] = s.stones();
                priors[i][1] = -s.stones();
            }
            batches.add(copies);
        }
    }

    @Test
    void concurrentCallersShareBatchesAndEachGetsItsOwnAnswer() throws Exception {
        Recording inner = new Recording();
        BatchingEvaluator<Nim> queue = new BatchingEvaluator<>(inner, 4, TimeUnit.MILLISECONDS.toNanos(200));
        int callers = 8;
        CountDownLatch ready = new CountDownLatch(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<float[]>> answers = new ArrayList<>();
            for (int t = 0; t < callers; t++) {
                int stones = 10 + t;
                answers.add(pool.submit(() -> {
                    float[][] priors = {new float[2]};
                    float[] values = new float[1];
                    ready.countDown();
                    ready.await();
                    queue.evaluate(List.of(new Nim(stones)), priors, values);
                    return new float[] {values[0], priors[0][0], priors[0][1]};
                }));
            }
            for (int t = 0; t < callers; t++) {
                float[] a = answers.get(t).get();
                assertEquals((10 + t) / 100f, a[0], "value of caller " + t);
                assertEquals(10 + t, a[1], "prior of caller " + t);
                assertEquals(-(10 + t), a[2]);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(callers, queue.positions());
        assertEquals(inner.batches.size(), queue.batches());
        assertTrue(queue.batches() <= 4, "8 callers released together fill batches of 4: " + queue.batches()
                + " batches");
        assertTrue(inner.batches.stream().allMatch(b -> b.size() <= 4));
    }

    @Test
    void aLoneCallerIsServedWhenTheTimeoutEnds() {
        Recording inner = new Recording();
        BatchingEvaluator<Nim> queue = new BatchingEvaluator<>(inner, 8, TimeUnit.MILLISECONDS.toNanos(5));
        float[] values = new float[1];
        queue.evaluate(List.of(new Nim(30)), new float[][] {new float[2]}, values);
        assertEquals(0.3f, values[0]);
        assertEquals(1, queue.batches());
    }

    @Test
    void aFailureOfTheInnerEvaluatorReachesTheCaller() {
        Evaluator<Nim> broken = new Evaluator<>() {
            @Override
            public Output output() {
                return Output.VALUE;
            }

            @Override
            public void evaluate(List<Nim> states, float[][] priors, float[] values) {
                throw new IllegalStateException("net missing");
            }
        };
        BatchingEvaluator<Nim> queue = new BatchingEvaluator<>(broken, 2, 1000);
        assertThrows(IllegalStateException.class,
                () -> queue.evaluate(List.of(new Nim(3)), new float[][] {new float[2]}, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> new BatchingEvaluator<>(broken, 0, 1000));
    }
}
