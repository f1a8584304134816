package dev.primer.atari.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.Envs;
import dev.primer.atari.wrappers.StickyActions;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryAndBenchTest {

    @Test
    void registryListsEveryGameWithItsSpaces() {
        assertEquals(List.of("breakout", "space_invaders", "freeway", "asterix", "seaquest", "pong", "cartpole"),
                Envs.ids().castToList());
        String table = Envs.describe();
        assertTrue(table.contains("Box(bool, [10, 10, 10])"), table);
        assertTrue(table.contains("Box(uint8, [210, 160, 3])"), table);
        assertTrue(Envs.make("breakout") instanceof StickyActions<?> s && s.probability() == 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Envs.make("pacman"));
        assertTrue(e.getMessage().contains("breakout"), e.getMessage());
    }

    @Test
    void randomAgentIsReproducibleAndReportsMoments() {
        RandomAgent.Stats a = RandomAgent.run("breakout", 200, 5, 0.1);
        RandomAgent.Stats b = RandomAgent.run("breakout", 200, 5, 0.1);
        assertEquals(a.meanReturn(), b.meanReturn());
        assertEquals(a.meanLength(), b.meanLength());
        assertTrue(a.meanLength() >= 6 && a.stdLength() > 0);
        assertEquals(a.steps(), Math.round(a.meanLength() * 200));
    }

    @Test
    void benchReportsPositiveThroughput() {
        EnvBench.Result r = EnvBench.run("freeway", 0.2, 1);
        assertEquals("freeway", r.game());
        assertTrue(r.steps() > 0 && r.stepsPerSecond() > 0);
        assertEquals(r.steps() / r.seconds(), r.stepsPerSecond(), 1e-6 * r.stepsPerSecond());
    }

    @Test
    void randomAgentMomentsKeepTheirPrecisionFarFromZero() {
        // sum(x^2)/n - mean^2 loses every digit here: x^2 is near 1e18, the variance 2/3
        RandomAgent.Moments m = new RandomAgent.Moments();
        for (double x : new double[] {1e9 + 1, 1e9 + 2, 1e9 + 3}) {
            m.add(x);
        }
        assertEquals(1e9 + 2, m.mean());
        assertEquals(Math.sqrt(2.0 / 3.0), m.std(), 1e-9);
        assertEquals(0, new RandomAgent.Moments().std());
    }
}
