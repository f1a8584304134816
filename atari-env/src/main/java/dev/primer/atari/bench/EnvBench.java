package dev.primer.atari.bench;

import dev.primer.atari.Envs;
import dev.primer.atari.core.DiscreteEnvironment;
import dev.primer.atari.core.Step;
import dev.primer.random.SplitMix64;

/**
 * Single-thread throughput of an environment in its registry configuration under uniformly random actions, with
 * the observation produced on every step and resets included, like the reference's random-play loop.
 */
public final class EnvBench {

    /**
     * A throughput measurement.
     *
     * @param game           environment id
     * @param steps          steps timed
     * @param seconds        wall-clock seconds timed
     * @param stepsPerSecond steps / seconds
     * @param episodes       episodes finished while timing
     */
    public record Result(String game, long steps, double seconds, double stepsPerSecond, long episodes) {
    }

    private static final int CHECK_EVERY = 4096;
    /** Share of the requested time spent warming up the JIT before timing. */
    private static final double WARMUP_SHARE = 0.2;

    private EnvBench() {
    }

    /** Steps {@code game} for about {@code seconds} (after a warm-up of a fifth of that) and reports steps/s. */
    public static Result run(String game, double seconds, long seed) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("seconds must be positive, got " + seconds);
        }
        DiscreteEnvironment<?> env = DiscreteEnvironment.of(Envs.make(game));
        loop(env, seed, seconds * WARMUP_SHARE);
        long[] counts = new long[2];
        double elapsed = loop(env, seed + 1, seconds, counts);
        return new Result(game, counts[0], elapsed, counts[0] / elapsed, counts[1]);
    }

    private static void loop(DiscreteEnvironment<?> env, long seed, double seconds) {
        loop(env, seed, seconds, new long[2]);
    }

    private static <O> double loop(DiscreteEnvironment<O> env, long seed, double seconds, long[] counts) {
        SplitMix64 rng = SplitMix64.seeded(seed);
        int n = env.actionSpace().n();
        env.reset(seed);
        long steps = 0, episodes = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long now;
        do {
            for (int i = 0; i < CHECK_EVERY; i++) {
                Step<O> s = env.step(rng.nextInt(n));
                if (s.done()) {
                    env.reset();
                    episodes++;
                }
            }
            steps += CHECK_EVERY;
            now = System.nanoTime();
        } while (now < deadline);
        counts[0] = steps;
        counts[1] = episodes;
        return (now - start) / 1e9;
    }
}
