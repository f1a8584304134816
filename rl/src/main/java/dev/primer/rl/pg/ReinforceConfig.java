package dev.primer.rl.pg;

import dev.primer.nn.optim.Updates;

/**
 * Every REINFORCE hyperparameter in one record.
 *
 * @param hidden            hidden widths of the policy and value MLPs
 * @param policyUpdates     optimiser of the policy
 * @param valueUpdates      optimiser of the baseline (state-value) network
 * @param gamma             discount γ
 * @param episodesPerUpdate episodes collected per policy-gradient update
 * @param normalizeAdvantages scale each update's advantages to mean 0, standard deviation 1
 */
public record ReinforceConfig(int[] hidden, Updates policyUpdates, Updates valueUpdates, double gamma,
                              int episodesPerUpdate, boolean normalizeAdvantages) {
    /** CartPole-v1: MLP 64-64, Adam 2e-3 (policy) and 5e-3 (baseline), γ 0.99, one episode per update. */
    public static ReinforceConfig cartpole() {
        return new ReinforceConfig(new int[] {64, 64}, Updates.adam(2e-3), Updates.adam(5e-3), 0.99, 1, true);
    }
}
