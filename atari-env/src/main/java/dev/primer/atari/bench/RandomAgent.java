package dev.primer.atari.bench;

import dev.primer.atari.Envs;
import dev.primer.atari.core.DiscreteEnvironment;
import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Step;
import dev.primer.random.SplitMix64;

/** The uniformly random policy every Atari paper reports as its floor. */
public final class RandomAgent {

    /**
     * Mean and population standard deviation of episode return and length.
     *
     * @param game       environment id
     * @param episodes   episodes played
     * @param meanReturn mean undiscounted return
     * @param stdReturn  standard deviation of the return (ddof 0, as numpy.std)
     * @param meanLength mean episode length in agent steps
     * @param stdLength  standard deviation of the length
     * @param steps      total steps played
     * @param seconds    wall-clock time
     */
    public record Stats(String game, int episodes, double meanReturn, double stdReturn, double meanLength,
                        double stdLength, long steps, double seconds) {

        /** The standard error of the mean return. */
        public double returnStandardError() {
            return stdReturn / Math.sqrt(episodes);
        }
    }

    private RandomAgent() {
    }

    /** Plays {@code episodes} episodes of {@code game} with uniform actions and sticky probability {@code sticky}. */
    public static Stats run(String game, int episodes, long seed, double sticky) {
        if (episodes < 1) {
            throw new IllegalArgumentException("need at least one episode, got " + episodes);
        }
        return run(game, Envs.make(game, sticky), episodes, seed);
    }

    private static <O> Stats run(String game, Environment<O, Integer> raw, int episodes, long seed) {
        DiscreteEnvironment<O> env = DiscreteEnvironment.of(raw);
        SplitMix64 policy = SplitMix64.seeded(~seed);
        int actions = env.actionSpace().n();
        Moments returns = new Moments();
        Moments lengths = new Moments();
        long steps = 0;
        long start = System.nanoTime();
        env.reset(seed);
        for (int e = 0; e < episodes; e++) {
            if (e > 0) {
                env.reset();
            }
            double ret = 0;
            int length = 0;
            Step<O> s;
            do {
                s = env.step(policy.nextInt(actions));
                ret += s.reward();
                length++;
            } while (!s.done());
            returns.add(ret);
            lengths.add(length);
            steps += length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Stats(game, episodes, returns.mean(), returns.std(), lengths.mean(), lengths.std(), steps,
                seconds);
    }

    /**
     * Welford's running mean and population standard deviation (ddof 0): it sums squared deviations from the
     * running mean, so it has none of the cancellation of {@code sum(x^2)/n - mean^2} when the spread is small
     * next to the mean.
     */
    static final class Moments {
        private long n;
        private double mean;
        private double m2;

        void add(double x) {
            n++;
            double d = x - mean;
            mean += d / n;
            m2 += d * (x - mean);
        }

        double mean() {
            return mean;
        }

        double std() {
            return n == 0 ? 0 : Math.sqrt(m2 / n);
        }
    }
}
