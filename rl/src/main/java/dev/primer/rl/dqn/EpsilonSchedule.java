package dev.primer.rl.dqn;

/**
 * Linear ε-greedy annealing (Mnih et al. 2015): ε = {@code start} for the first {@code delay} steps, then
 * falls linearly to {@code end} over {@code decaySteps} steps and stays there.
 *
 * @param start      ε at step 0
 * @param end        final ε
 * @param decaySteps steps over which ε falls
 * @param delay      steps before the fall begins (MinAtar waits until replay starts)
 */
public record EpsilonSchedule(double start, double end, long decaySteps, long delay) {
    /** ε at environment step {@code step}. */
    public double at(long step) {
        if (step <= delay) {
            return start;
        }
        double f = Math.min(1.0, (double) (step - delay) / Math.max(1, decaySteps));
        return start + f * (end - start);
    }
}
