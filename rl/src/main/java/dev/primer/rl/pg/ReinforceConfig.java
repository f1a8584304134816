package dev.primer.rl.pg;

import dev.primer.nn.optim.Updates;
import java.util.List;

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
public record ReinforceConfig(List<Integer> hidden, Updates policyUpdates, Updates valueUpdates, double gamma,
                              int episodesPerUpdate, boolean normalizeAdvantages) {
    /** Keeps its own copy of the widths. */
    public ReinforceConfig {
        hidden = List.copyOf(hidden);
    }

    /** CartPole-v1: MLP 64-64, Adam 2e-3 (policy) and 5e-3 (baseline), γ 0.99, one episode per update. */
    public static ReinforceConfig cartpole() {
        return new ReinforceConfig(List.of(64, 64), Updates.adam(2e-3), Updates.adam(5e-3), 0.99, 1, true);
    }

    /** The hidden widths as the array the network builders take. */
    public int[] hiddenWidths() {
        return hidden.stream().mapToInt(Integer::intValue).toArray();
    }
}
