package dev.primer.rl.rl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.Envs;
import dev.primer.atari.core.Environment;
import dev.primer.rl.core.Task;
import org.deeplearning4j.gym.StepReply;
import org.junit.jupiter.api.Test;

/** Our environments drive RL4J: the MDP adapter's shapes and episode ends, and a short RL4J training run. */
class Rl4jBridgeTest {

    @Test
    @SuppressWarnings("unchecked")
    void theAdapterFlattensObservationsAndEndsEpisodes() {
        EnvironmentMdp<boolean[]> mdp = new EnvironmentMdp<>(
                () -> (Environment<boolean[], Integer>) Envs.make("breakout"), 1, 5);
        assertArrayEquals(new int[] {400}, mdp.getObservationSpace().getShape());
        assertEquals(6, mdp.getActionSpace().getSize());
        FlatObservation o = mdp.reset();
        assertArrayEquals(new long[] {1, 400}, o.getData().shape());
        assertFalse(mdp.isDone());
        StepReply<FlatObservation> r = null;
        for (int i = 0; i < 5 && !mdp.isDone(); i++) {
            r = mdp.step(0);
        }
        assertTrue(r.isDone(), "cut after maxEpisodeSteps");
        double ones = o.getData().sumNumber().doubleValue();
        assertTrue(ones > 0 && ones < 400, "boolean planes encode as 0/1");
    }

    @Test
    void rl4jTrainsOurNetworkOnCartPole() {
        Task task = Task.of("cartpole");
        Rl4jRunner.Result r = Rl4jRunner.train(task, task.preset().withMemory(1_000, 100), 400, 500, 2, 1);
        assertEquals(400, r.steps());
        assertTrue(r.framesPerSecond() > 0);
        assertTrue(r.evalMean() >= 8, "a CartPole episode lasts at least 8 steps, got " + r.evalMean());
    }
}
