package dev.primer.rl.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.atari.wrappers.TimeLimit;
import dev.primer.nn.optim.Updates;
import dev.primer.rl.core.ChainEnv;
import dev.primer.rl.core.ObservationScaling;
import dev.primer.rl.core.Training;
import dev.primer.rl.nets.RlNetworks;
import dev.primer.rl.nets.TdLoss;
import org.junit.jupiter.api.Test;

/**
 * DQN on a 4-state chain under a uniformly random behaviour policy converges to the analytic Q*.
 * Episodes are cut by a 4-step time limit, so the values are right only if truncation bootstraps.
 */
class ChainMdpTest {
    static final int N = 4;
    static final double GAMMA = 0.9;

    @Test
    void qValuesConvergeToTheAnalyticValues() {
        DqnConfig cfg = DqnConfig.builder().hidden(32).updates(Updates.adam(3e-3)).loss(TdLoss.Kind.MSE).gamma(GAMMA)
                .bufferSize(2_000).learningStarts(200).batchSize(32).trainEvery(1).gradientSteps(1)
                .targetUpdateEvery(50).epsilon(new EpsilonSchedule(1, 1, 1, 0)).doubleDqn(true)
                .priorityBetaSteps(1).totalSteps(3_000).build();
        DqnAgent agent = new DqnAgent(cfg, new RlNetworks.Mlp(N, cfg.hiddenWidths()), 2, ObservationScaling.FLOAT, 7);
        Training.run(Training.Config.of(3_000, 7), () -> TimeLimit.steps(new ChainEnv(N), 4), agent);
        for (int s = 0; s < N - 1; s++) {
            float[] onehot = new float[N];
            onehot[s] = 1;
            float[] q = agent.q(onehot);
            for (int a = 0; a < 2; a++) {
                assertEquals(ChainEnv.optimalQ(N, GAMMA, s, a), q[a], 0.03, "Q(" + s + "," + a + ")");
            }
        }
    }
}
