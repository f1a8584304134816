package dev.primer.mcts;

/** How a child is chosen during descent; {@link Selection} holds the formulas. */
public enum SelectionRule {
    /** UCB1 applied to trees (Kocsis and Szepesvári 2006). */
    UCT,
    /** UCT value blended with all-moves-as-first statistics (Gelly and Silver 2007, 2011). */
    RAVE,
    /** Predictor + UCB with priors (Silver et al. 2016, 2017). */
    PUCT
}
