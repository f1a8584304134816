package dev.primer.atari.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.Envs;
import dev.primer.atari.core.Environment;
import dev.primer.atari.core.EnvironmentContractTest;
import dev.primer.atari.core.Step;
import dev.primer.atari.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;

class CartPoleTest extends EnvironmentContractTest {

    @Override
    protected Environment<?, ?> create() {
        return Envs.make("cartpole");
    }

    @Test
    void oneStepFromRestMatchesGymnasium() {
        // Gymnasium: env.unwrapped.state = [0,0,0,0]; env.step(1) -> [0, 0.19512196, 0, -0.29268292]
        CartPole env = new CartPole();
        env.setState(0, 0, 0, 0);
        Step<float[]> s = env.step(1);
        assertArrayEquals(new float[] {0f, 0.19512196f, 0f, -0.29268292f}, s.observation(), 1e-7f);
        assertEquals(1.0, s.reward());
        s = env.step(0);
        assertEquals(0.0039024393f, s.observation()[0], 1e-9f);
    }

    @Test
    void resetStateIsUniformInPlusMinus005() {
        CartPole env = new CartPole();
        env.reset(0);
        double sum = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            for (float v : env.reset().observation()) {
                assertTrue(Math.abs(v) <= CartPole.RESET_BOUND);
                sum += v;
            }
        }
        assertEquals(0.0, sum / (4 * n), 4 * 0.05 / Math.sqrt(3 * 4 * n));
    }

    @Test
    void terminatesPast12DegreesWithRewardOneOnTheTerminalStep() {
        CartPole env = new CartPole();
        env.setState(0, 0, CartPole.THETA_THRESHOLD - 1e-4, 1.0);
        Step<float[]> s = env.step(1);
        assertTrue(s.terminated());
        assertEquals(1.0, s.reward());
        assertEquals(12 * 2 * Math.PI / 360, CartPole.THETA_THRESHOLD);
    }

    @Test
    void aBalancingControllerIsTruncatedAt500Steps() {
        Environment<float[], Integer> env = TimeLimit.steps(new CartPole(), CartPole.MAX_EPISODE_STEPS);
        float[] obs = env.reset(3).observation();
        int steps = 0;
        Step<float[]> s;
        do {
            s = env.step(obs[2] + 0.5f * obs[3] + 0.01f * obs[0] + 0.1f * obs[1] > 0 ? 1 : 0);
            steps++;
        } while (!s.done());
        assertEquals(500, steps);
        assertTrue(s.truncated());
        assertFalse(s.terminated());
    }

    @Test
    void randomPolicyEpisodesAverageAbout22Steps() {
        // Gymnasium CartPole-v1 under a uniform random policy: mean length ~22 (std ~12)
        var stats = dev.primer.atari.bench.RandomAgent.run("cartpole", 4000, 1, 0);
        assertEquals(22.3, stats.meanLength(), 1.0);
        assertEquals(stats.meanLength(), stats.meanReturn(), 1e-9);
    }
}
