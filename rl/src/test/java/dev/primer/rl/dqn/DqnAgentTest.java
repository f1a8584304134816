package dev.primer.rl.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.optim.Updates;
import dev.primer.rl.core.Agent;
import dev.primer.rl.core.AgentContractTest;
import dev.primer.rl.core.ObservationScaling;
import dev.primer.rl.core.Task;
import dev.primer.rl.core.Training;
import dev.primer.rl.core.Transition;
import dev.primer.rl.nets.RlNetworks;
import dev.primer.rl.nets.TdLoss;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The DQN agent keeps the agent contract (with prioritized replay, Double DQN and 3-step returns on the chain);
 * a checkpointed agent continues exactly; updates respect start, period and target sync.
 */
class DqnAgentTest extends AgentContractTest {

    @Override
    protected Agent create(long seed) {
        DqnConfig cfg = DqnConfig.builder().hidden(16).updates(Updates.adam(1e-2)).loss(TdLoss.Kind.HUBER).gamma(0.9)
                .bufferSize(500).learningStarts(20).batchSize(8).trainEvery(2).gradientSteps(1).targetUpdateEvery(10)
                .epsilon(new EpsilonSchedule(1, 0.1, 200, 0)).doubleDqn(true).nStep(3).replay(Replay.PRIORITIZED)
                .priorityBetaSteps(500).build();
        return new DqnAgent(cfg, new RlNetworks.Mlp(INPUTS, cfg.hiddenWidths()), ACTIONS, ObservationScaling.BINARY,
                seed);
    }

    private static DqnAgent agent(Task task, DqnConfig cfg) {
        return DqnAgent.of(task, cfg, 5);
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
    void theFusedStepAndDl4jsFitTrainAlike() {
        Task task = Task.of("minatar-breakout");
        DqnConfig cfg = task.preset().withMemory(400, 64).withDoubleDqn(true);
        DqnAgent fused = new DqnAgent(cfg, task.shape(), task.actions(), task.scaling(), 9, true);
        DqnAgent dl4j = new DqnAgent(cfg, task.shape(), task.actions(), task.scaling(), 9, false);
        assertTrue(fused.usesFusedStep());
        assertFalse(dl4j.usesFusedStep());
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(4);
        int n = task.shape().inputs();
        for (long step = 1; step <= 200; step++) {
            float[] s = new float[n];
            float[] next = new float[n];
            for (int i = 0; i < n; i++) {
                s[i] = rnd.nextDouble() < 0.1 ? 1 : 0;
                next[i] = rnd.nextDouble() < 0.1 ? 1 : 0;
            }
            Transition t = new Transition(s, rnd.nextInt(task.actions()), rnd.nextInt(2), next,
                    rnd.nextDouble() < 0.05, false);
            fused.observe(t);
            dl4j.observe(t);
            double a = fused.update(step);
            double b = dl4j.update(step);
            assertEquals(Double.isNaN(a), Double.isNaN(b), "same update schedule at step " + step);
            if (!Double.isNaN(a)) {
                assertEquals(b, a, 1e-5 * Math.max(1, Math.abs(b)), "loss at step " + step);
            }
        }
        assertTrue(fused.updates() > 100);
        float[] fp = fused.policyParameters();
        float[] dp = dl4j.policyParameters();
        for (int i = 0; i < fp.length; i++) {
            assertEquals(dp[i], fp[i], 1e-4 * Math.max(1, Math.abs(dp[i])), "parameter " + i);
        }
        float[] obs = new float[n];
        obs[3] = 1;
        assertArrayEquals(dl4j.q(obs), fused.q(obs), 1e-4f);
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
