package dev.primer.atari.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.primer.atari.Envs;
import dev.primer.atari.core.DiscreteEnvironment;
import dev.primer.atari.core.Environment;
import dev.primer.atari.wrappers.AtariPreprocessing;
import dev.primer.random.SplitMix64;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step path allocates nothing: measured with the JVM's per-thread allocation counter, resets excluded (each
 * reset returns a new {@code Reset} record per layer, and {@code NoopReset} one per no-op).
 */
class ZeroAllocationTest {

    private static final int STEPS = 200_000;
    /** Pong draws a 210 x 160 RGB frame per step, and the DQN chain four of them: fewer steps keep the test quick. */
    private static final int PIXEL_STEPS = 20_000;
    /** Slack for the counter's own bookkeeping, not for steps. */
    private static final long SLACK_BYTES = 4096;

    static Stream<Arguments> environments() {
        Stream<Arguments> registry = Envs.ids().toList().stream().map(id -> Arguments.of(id,
                (Supplier<Environment<?, Integer>>) () -> Envs.make(id), id.equals("pong") ? PIXEL_STEPS : STEPS));
        Supplier<Environment<?, Integer>> dqnPong = () -> AtariPreprocessing.wrap(pong());
        return Stream.concat(registry, Stream.of(Arguments.of("pong + AtariPreprocessing", dqnPong, PIXEL_STEPS / 4)));
    }

    @SuppressWarnings("unchecked")
    private static Environment<byte[], Integer> pong() {
        return (Environment<byte[], Integer>) Envs.make("pong");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void steppingDoesNotAllocate(String name, Supplier<Environment<?, Integer>> factory, int steps) {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        var counter = (com.sun.management.ThreadMXBean) threads;
        DiscreteEnvironment<?> env = DiscreteEnvironment.of(factory.get());
        run(env, 3 * steps, 1, counter);   // warm up: JIT and any one-off growth of entity storage
        long before = counter.getCurrentThreadAllocatedBytes();
        long[] resets = run(env, steps, 2, counter);
        long allocated = counter.getCurrentThreadAllocatedBytes() - before - resets[1];
        assertTrue(allocated <= SLACK_BYTES, name + ": " + allocated + " bytes allocated by " + steps + " steps ("
                + resets[0] + " resets, their " + resets[1] + " bytes excluded)");
    }

    /** Plays {@code steps} random steps; returns the number of resets and the bytes they allocated. */
    private static long[] run(DiscreteEnvironment<?> env, int steps, long seed,
                              com.sun.management.ThreadMXBean counter) {
        SplitMix64 rng = SplitMix64.seeded(seed);
        int n = env.actionSpace().n();
        env.reset(seed);
        long episodes = 0;
        long resetBytes = 0;
        for (int t = 0; t < steps; t++) {
            if (env.step(rng.nextInt(n)).done()) {
                long start = counter.getCurrentThreadAllocatedBytes();
                env.reset();
                resetBytes += counter.getCurrentThreadAllocatedBytes() - start;
                episodes++;
            }
        }
        return new long[] {episodes, resetBytes};
    }
}
