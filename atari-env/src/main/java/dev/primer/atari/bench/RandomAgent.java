package dev.primer.atari.bench;

import dev.primer.atari.Envs;
import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Rng;
import dev.primer.atari.core.Step;
import dev.primer.atari.spaces.Discrete;

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

    private static <O> Stats run(String game, Environment<O, Integer> env, int episodes, long seed) {
        Rng policy = new Rng(~seed);
        int actions = ((Discrete) env.actionSpace()).n();
        double sumR = 0, sumR2 = 0, sumL = 0, sumL2 = 0;
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
            sumR += ret;
            sumR2 += ret * ret;
            sumL += length;
            sumL2 += (double) length * length;
            steps += length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double meanR = sumR / episodes;
        double meanL = sumL / episodes;
        return new Stats(game, episodes, meanR, Math.sqrt(Math.max(0, sumR2 / episodes - meanR * meanR)), meanL,
                Math.sqrt(Math.max(0, sumL2 / episodes - meanL * meanL)), steps, seconds);
    }
}
