package dev.primer.rl.core;

/** An agent that explores ε-greedily; the training loop records its ε (train.csv, checkpoints, progress bar). */
public interface EpsilonGreedy extends Agent {

    /** The probability of a uniformly random action at environment step {@code step}. */
    double epsilon(long step);
}
