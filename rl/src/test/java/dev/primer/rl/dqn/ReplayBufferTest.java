package dev.primer.rl.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.random.SplitMix64;
import dev.primer.rl.core.ObservationScaling;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

/** Replay memory: uniform sampling, ring wrap-around, byte storage, proportional prioritized sampling. */
class ReplayBufferTest {

    private static void fill(ReplayBuffer b, int from, int to) {
        for (int i = from; i < to; i++) {
            b.add(new float[] {i, -i}, i % 3, i, new float[] {i + 1, -i - 1}, i % 7 == 0, 0.99f);
        }
    }

    @Test
    void uniformSamplingHitsEverySlotEquallyOften() {
        ReplayBuffer b = new ReplayBuffer(10, 2, ObservationScaling.FLOAT, Replay.UNIFORM, 0);
        fill(b, 0, 10);
        ReplayBuffer.Batch batch = new ReplayBuffer.Batch(100, 2);
        int[] counts = new int[10];
        SplitMix64 rng = new SplitMix64(3);
        for (int rep = 0; rep < 200; rep++) {
            b.sample(rng, 1, batch);
            for (int i = 0; i < 100; i++) {
                counts[(int) batch.observations()[2 * i]]++;
                assertEquals(1f, batch.weights()[i]);
            }
        }
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - 2000.0) * (c - 2000.0) / 2000.0;
        }
        assertTrue(chi2 < 27.9, "chi-square with 9 dof should be below its 0.999 quantile, got " + chi2);
    }

    @Test
    void aFullBufferOverwritesTheOldestTransitions() {
        ReplayBuffer b = new ReplayBuffer(5, 2, ObservationScaling.FLOAT, Replay.UNIFORM, 0);
        fill(b, 0, 8);
        assertEquals(5, b.size());
        ReplayBuffer.Batch batch = new ReplayBuffer.Batch(500, 2);
        b.sample(new SplitMix64(1), 1, batch);
        boolean[] seen = new boolean[8];
        for (int i = 0; i < 500; i++) {
            int v = (int) batch.observations()[2 * i];
            seen[v] = true;
            assertEquals(v + 1, batch.next()[2 * i]);
            assertEquals(-v, batch.observations()[2 * i + 1]);
            assertEquals(v % 3, batch.actions()[i]);
            assertEquals(v, batch.rewards()[i]);
            assertEquals(v % 7 == 0, batch.terminated()[i]);
        }
        assertArrayEquals(new boolean[] {false, false, false, true, true, true, true, true}, seen,
                "transitions 0-2 were overwritten by 5-7");
    }

    @Test
    void binaryObservationsSurviveByteStorage() {
        ReplayBuffer b = new ReplayBuffer(4, 3, ObservationScaling.BINARY, Replay.UNIFORM, 0);
        b.add(new float[] {1, 0, 1}, 2, 0.5f, new float[] {0, 1, 1}, false, 0.9f);
        ReplayBuffer.Batch batch = new ReplayBuffer.Batch(1, 3);
        b.sample(new SplitMix64(0), 1, batch);
        assertArrayEquals(new float[] {1, 0, 1}, batch.observations());
        assertArrayEquals(new float[] {0, 1, 1}, batch.next());
    }

    @Test
    void prioritizedSamplingIsProportionalToPriorityToTheAlpha() {
        double alpha = 0.6;
        ReplayBuffer b = new ReplayBuffer(4, 2, ObservationScaling.FLOAT, Replay.PRIORITIZED, alpha);
        fill(b, 0, 4);
        b.updatePriorities(new int[] {0, 1, 2, 3}, new float[] {1, 2, 4, 8});
        double[] p = new double[4];
        double z = 0;
        for (int i = 0; i < 4; i++) {
            p[i] = Math.pow(Math.pow(2, i), alpha);
            z += p[i];
        }
        ReplayBuffer.Batch batch = new ReplayBuffer.Batch(64, 2);
        int[] counts = new int[4];
        SplitMix64 rng = new SplitMix64(9);
        int draws = 0;
        for (int rep = 0; rep < 500; rep++) {
            b.sample(rng, 1.0, batch);
            double maxW = 0;
            for (int i = 0; i < 64; i++) {
                maxW = Math.max(maxW, z / (4 * p[batch.slots()[i]]));
            }
            for (int i = 0; i < 64; i++) {
                counts[batch.slots()[i]]++;
                draws++;
                double w = z / (4 * p[batch.slots()[i]]) / maxW;
                assertEquals(w, batch.weights()[i], 1e-4, "importance weight (N·P)^-β / max over the batch");
            }
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(p[i] / z, (double) counts[i] / draws, 0.01, "slot " + i);
            assertEquals(p[i] / z, b.probability(i), 1e-6);
        }
    }

    @Test
    void sumTreeFindsThePrefixInterval() {
        SumTree t = new SumTree(5);
        double[] p = {1, 0, 2, 3, 0.5};
        for (int i = 0; i < 5; i++) {
            t.set(i, p[i]);
        }
        assertEquals(6.5, t.total(), 1e-12);
        assertEquals(0, t.find(0.0));
        assertEquals(0, t.find(0.99));
        assertEquals(2, t.find(1.0));
        assertEquals(2, t.find(2.99));
        assertEquals(3, t.find(3.0));
        assertEquals(4, t.find(6.2));
        t.set(3, 0);
        assertEquals(3.5, t.total(), 1e-12);
        assertEquals(4, t.find(3.2));
    }

    @Test
    void writeThenReadRestoresEveryTransitionAndPriority() throws Exception {
        ReplayBuffer a = new ReplayBuffer(6, 2, ObservationScaling.FLOAT, Replay.PRIORITIZED, 0.6);
        fill(a, 0, 9);
        a.updatePriorities(new int[] {1, 4}, new float[] {3, 0.2f});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.write(new DataOutputStream(bytes));
        ReplayBuffer b = new ReplayBuffer(6, 2, ObservationScaling.FLOAT, Replay.PRIORITIZED, 0.6);
        b.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        ReplayBuffer.Batch x = new ReplayBuffer.Batch(50, 2);
        ReplayBuffer.Batch y = new ReplayBuffer.Batch(50, 2);
        a.sample(new SplitMix64(5), 0.5, x);
        b.sample(new SplitMix64(5), 0.5, y);
        assertArrayEquals(x.slots(), y.slots());
        assertArrayEquals(x.weights(), y.weights());
        assertArrayEquals(x.observations(), y.observations());
        assertArrayEquals(x.rewards(), y.rewards());
        a.add(new float[] {100, 100}, 0, 0, new float[] {0, 0}, false, 1);
        b.add(new float[] {100, 100}, 0, 0, new float[] {0, 0}, false, 1);
        a.sample(new SplitMix64(6), 0.5, x);
        b.sample(new SplitMix64(6), 0.5, y);
        assertArrayEquals(x.observations(), y.observations(), "cursor restored: the same slot is overwritten");
    }
}
