package dev.primer.nn.seq;

/**
 * The LSTM variants of Greff et al. 2017, "LSTM: a search space odyssey" (§3): the vanilla LSTM with peepholes and
 * the single changes to it that the study measured (full gate recurrence left out).
 */
public enum LstmVariant {
    /** Input, forget and output gates, peepholes, tanh input and output activations (their eqs. 1–6). */
    VANILLA,
    /** No input gate: i = 1. */
    NIG,
    /** No forget gate: f = 1. */
    NFG,
    /** No output gate: o = 1. */
    NOG,
    /** No input activation function: the block input z is linear. */
    NIAF,
    /** No output activation function: y = c ⊙ o. */
    NOAF,
    /** No peepholes. */
    NP,
    /** Coupled input and forget gate: f = 1 − i. */
    CIFG;

    /** Whether the input gate is computed (its own weights). */
    boolean inputGate() {
        return this != NIG;
    }

    /** Whether the forget gate has its own weights (CIFG derives it from the input gate). */
    boolean forgetGate() {
        return this != NFG && this != CIFG;
    }

    /** Whether the output gate is computed. */
    boolean outputGate() {
        return this != NOG;
    }

    /** Whether the gates see the cell through peephole weights. */
    boolean peepholes() {
        return this != NP;
    }
}
