package dev.primer.rl.dqn;

/** How replay memory chooses its minibatches. */
public enum Replay {
    /** Uniform over stored transitions (Mnih et al. 2015). */
    UNIFORM,
    /** Proportional prioritized replay, P(i) ∝ (|δ_i| + ε)^α with importance weights (Schaul et al. 2016). */
    PRIORITIZED
}
