package dev.primer.atari.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.primer.atari.Envs;
import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Rng;
import dev.primer.atari.spaces.Discrete;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The step path allocates nothing: measured with the JVM's per-thread allocation counter. */
class ZeroAllocationTest {

    private static final int STEPS = 200_000;

    @ParameterizedTest
    @ValueSource(strings = {"breakout", "space_invaders", "freeway", "asterix", "seaquest", "cartpole"})
    void steppingDoesNotAllocate(String game) {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        var counter = (com.sun.management.ThreadMXBean) threads;
        Environment<?, Integer> env = Envs.make(game);
        run(env, 3 * STEPS, 1);   // warm up: JIT and any one-off growth of entity storage
        long before = counter.getCurrentThreadAllocatedBytes();
        long episodes = run(env, STEPS, 2);
        long allocated = counter.getCurrentThreadAllocatedBytes() - before;
        // each reset returns one small Reset record; steps themselves must allocate nothing
        long perResetAllowance = 64;
        assertTrue(allocated <= episodes * perResetAllowance + 4096,
                game + ": " + allocated + " bytes over " + STEPS + " steps and " + episodes + " resets");
    }

    private static long run(Environment<?, Integer> env, int steps, long seed) {
        Rng rng = new Rng(seed);
        int n = ((Discrete) env.actionSpace()).n();
        env.reset(seed);
        long episodes = 0;
        for (int t = 0; t < steps; t++) {
            if (env.step(rng.nextInt(n)).done()) {
                env.reset();
                episodes++;
            }
        }
        return episodes;
    }
}
