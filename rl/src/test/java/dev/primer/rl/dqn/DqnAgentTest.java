package dev.primer.rl.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.rl.core.Task;
import dev.primer.rl.core.Training;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

/** The DQN agent: a checkpointed agent continues exactly; updates respect start, period and target sync. */
class DqnAgentTest {

    private static DqnAgent agent(Task task, DqnConfig cfg) {
        return new DqnAgent(cfg, task.shape(), task.actions(), task.byteScale(), 5);
    }

    @Test
    void writeThenReadContinuesExactlyAsTheOriginal() throws Exception {
        Task task = Task.of("minatar-breakout");
        DqnConfig cfg = task.preset().withMemory(500, 100).withReplay(Replay.PRIORITIZED).withDoubleDqn(true);
        DqnAgent a = agent(task, cfg);
        Training.run(Training.Config.of(300, 5), task.envs(), a);
        assertTrue(a.updates() > 0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.write(new DataOutputStream(bytes));
        DqnAgent b = agent(task, cfg);
        assertNotEquals(a.network().params(), b.network().params());
        b.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(a.network().params(), b.network().params());
        assertEquals(a.targetNetwork().params(), b.targetNetwork().params());
        for (long step = 301; step <= 305; step++) {
            assertEquals(a.update(step), b.update(step), 1e-12);
        }
        assertEquals(a.network().params(), b.network().params(), "same minibatches, same optimiser state");
        float[] obs = new float[task.shape().inputs()];
        assertArrayEquals(a.q(obs), b.q(obs));
    }

    @Test
    void noUpdateBeforeLearningStartsAndTargetSyncsOnItsPeriod() {
        Task task = Task.of("cartpole");
        DqnConfig cfg = task.preset().withMemory(1000, 200);
        DqnAgent a = agent(task, cfg);
        Training.run(Training.Config.of(199, 1), task.envs(), a);
        assertEquals(0, a.updates());
        assertEquals(a.network().params(), a.targetNetwork().params());
        Training.run(Training.Config.of(256, 1), task.envs(), a);
        assertEquals(cfg.gradientSteps(), a.updates(), "one training phase of gradientSteps updates at step 256");
        assertNotEquals(a.network().params(), a.targetNetwork().params(), "target lags until its next sync");
        a.update(260);
        assertEquals(a.network().params(), a.targetNetwork().params(), "synced at a multiple of targetUpdateEvery");
    }
}
