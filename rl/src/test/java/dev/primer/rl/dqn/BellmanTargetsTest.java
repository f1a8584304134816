package dev.primer.rl.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.rl.core.Transition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Q-learning targets on hand-made transitions: terminal vs truncated, Double DQN, n-step returns. */
class BellmanTargetsTest {
    private static final float G = 0.9f;

    @Test
    void terminalTransitionsDoNotBootstrapButTruncatedOnesDo() {
        float[] rewards = {1, 1, 1};
        float[] discounts = {G, G, G};
        boolean[] terminated = {false, true, false};
        float[] nextQ = {2, 5, 2, 5, 2, 5};
        float[] y = new float[3];
        BellmanTargets.compute(rewards, discounts, terminated, nextQ, null, 2, y);
        assertEquals(1 + G * 5, y[0], 1e-6, "ordinary step: r + γ max Q");
        assertEquals(1, y[1], 1e-6, "terminal: r only");
        assertEquals(1 + G * 5, y[2], 1e-6, "time-limit truncation still bootstraps");
    }

    @Test
    void truncationThroughTheNStepAccumulatorKeepsTheBootstrap() {
        List<Object[]> out = new ArrayList<>();
        NStepAccumulator acc = new NStepAccumulator(1, G, 1);
        acc.add(new Transition(new float[] {0}, 0, 1, new float[] {1}, false, true),
                (o, a, r, n, term, d) -> out.add(new Object[] {r, term, d}));
        acc.add(new Transition(new float[] {1}, 0, 1, new float[] {2}, true, false),
                (o, a, r, n, term, d) -> out.add(new Object[] {r, term, d}));
        assertEquals(false, out.get(0)[1], "truncated step is stored as non-terminal");
        assertEquals(true, out.get(1)[1], "terminated step is stored as terminal");
    }

    @Test
    void doubleDqnEvaluatesTheOnlineArgmaxWithTheTargetNet() {
        float[] nextTarget = {3, 10, 4};
        float[] nextOnline = {9, 1, 2};
        float[] y = new float[1];
        BellmanTargets.compute(new float[] {0}, new float[] {1}, new boolean[] {false}, nextTarget, nextOnline, 3, y);
        assertEquals(3, y[0], 1e-6, "online picks action 0, target values it at 3");
        BellmanTargets.compute(new float[] {0}, new float[] {1}, new boolean[] {false}, nextTarget, null, 3, y);
        assertEquals(10, y[0], 1e-6, "plain DQN takes the target's max");
    }

    @Test
    void nStepReturnsSumDiscountedRewardsAndShortenAtEpisodeEnd() {
        List<float[]> out = new ArrayList<>();
        NStepAccumulator acc = new NStepAccumulator(3, G, 1);
        NStepAccumulator.Sink sink = (o, a, r, n, term, d) -> out.add(new float[] {o[0], r, n[0], term ? 1 : 0, d});
        float[] rewards = {1, 2, 3, 4};
        for (int t = 0; t < 4; t++) {
            acc.add(new Transition(new float[] {t}, 0, rewards[t], new float[] {t + 1}, t == 3, false), sink);
        }
        assertEquals(4, out.size());
        assertArrayEquals(new float[] {0, 1 + G * 2 + G * G * 3, 3, 0, G * G * G}, out.get(0), 1e-5f);
        assertArrayEquals(new float[] {1, 2 + G * 3 + G * G * 4, 4, 1, G * G * G}, out.get(1), 1e-5f);
        assertArrayEquals(new float[] {2, 3 + G * 4, 4, 1, G * G}, out.get(2), 1e-5f);
        assertArrayEquals(new float[] {3, 4, 4, 1, G}, out.get(3), 1e-5f);
        float[] y = new float[1];
        BellmanTargets.compute(new float[] {out.get(0)[1]}, new float[] {out.get(0)[4]}, new boolean[] {false},
                new float[] {10}, null, 1, y);
        assertEquals(1 + G * 2 + G * G * 3 + G * G * G * 10, y[0], 1e-4, "3-step target bootstraps with γ³");
    }

    @Test
    void nStepTruncationBootstrapsEveryPendingStepFromTheLastObservation() {
        List<float[]> out = new ArrayList<>();
        NStepAccumulator acc = new NStepAccumulator(3, G, 1);
        NStepAccumulator.Sink sink = (o, a, r, n, term, d) -> out.add(new float[] {r, n[0], term ? 1 : 0, d});
        acc.add(new Transition(new float[] {0}, 0, 1, new float[] {1}, false, false), sink);
        acc.add(new Transition(new float[] {1}, 0, 1, new float[] {2}, false, true), sink);
        assertEquals(2, out.size());
        assertArrayEquals(new float[] {1 + G, 2, 0, G * G}, out.get(0), 1e-6f);
        assertArrayEquals(new float[] {1, 2, 0, G}, out.get(1), 1e-6f);
    }
}
