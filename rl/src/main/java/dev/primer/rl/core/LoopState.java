package dev.primer.rl.core;

/**
 * Where a training run stands, saved in every checkpoint next to the agent's own state.
 *
 * @param step          environment steps taken
 * @param episodes      training episodes finished
 * @param seed          the run's seed (episode {@code k} resets with a seed derived from it and k)
 * @param epsilon       the agent's exploration rate at {@code step} (for the record; the agent recomputes it)
 * @param recentReturns returns of the last (up to) 100 training episodes, oldest first
 * @param best          the best periodic evaluation so far and its policy, or null (none yet, or not kept)
 */
public record LoopState(long step, long episodes, long seed, double epsilon, double[] recentReturns, Best best) {
    /** The state before the first step of a run with this seed. */
    public static LoopState start(long seed) {
        return new LoopState(0, 0, seed, 1, new double[0], null);
    }

    /**
     * The policy of the best periodic evaluation (SB3's EvalCallback "best model"): the first evaluation with
     * the highest mean return.
     *
     * @param step       the step it was evaluated at
     * @param mean       its mean greedy return
     * @param parameters its {@link Agent#policyParameters}
     */
    public record Best(long step, double mean, float[] parameters) {
    }
}
