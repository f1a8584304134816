package dev.primer.rl.pg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.wrappers.TimeLimit;
import dev.primer.nn.optim.Updates;
import dev.primer.rl.core.Agent;
import dev.primer.rl.core.AgentContractTest;
import dev.primer.rl.core.ChainEnv;
import dev.primer.rl.core.Training;
import java.util.List;
import org.junit.jupiter.api.Test;

/** REINFORCE with a baseline keeps the agent contract and learns to walk right along a short chain. */
class ReinforceAgentTest extends AgentContractTest {

    @Override
    protected Agent create(long seed) {
        return new ReinforceAgent(new ReinforceConfig(List.of(16), Updates.adam(3e-2), Updates.adam(3e-2), 0.9, 2,
                true), INPUTS, ACTIONS, seed);
    }

    @Test
    void learnsThePolicyThatReachesTheGoal() {
        ReinforceConfig cfg = new ReinforceConfig(List.of(16), Updates.adam(3e-2), Updates.adam(3e-2), 0.9, 1,
                true);
        ReinforceAgent agent = new ReinforceAgent(cfg, 4, 2, 11);
        Training.Result r = Training.run(Training.Config.of(6_000, 11), () -> TimeLimit.steps(new ChainEnv(4), 20),
                agent);
        for (int s = 0; s < 3; s++) {
            float[] onehot = new float[4];
            onehot[s] = 1;
            float right = agent.probabilities(onehot)[1];
            assertTrue(right > 0.9, "π(right | " + s + ") = " + right);
        }
        assertTrue(r.finalEval().mean() == 1.0, "greedy policy reaches the goal");
    }
}
