package dev.primer.mcts;

/**
 * Search hyperparameters.
 *
 * @param rule             selection rule
 * @param exploration      c of the exploration term (UCT's c, PUCT's c_puct; 0 is usual with RAVE)
 * @param raveBias         b of the minimum-MSE RAVE schedule (Gelly and Silver 2011, section 5.2)
 * @param lambda           weight of the rollout result z in the leaf value V = (1 - lambda) v + lambda z (1: rollouts only)
 * @param virtualLoss      losses added to a node while a thread is below it
 * @param threads          search threads (tree parallelism)
 * @param seed             seed of every random choice; one thread and one seed give one search
 * @param arenaCapacity    nodes per arena; the search stops growing the tree when it is full
 * @param expandThreshold  visits a leaf needs before its children are created
 * @param priorVisits      equivalent experience given to priors under UCT and RAVE (Gelly and Silver 2007, section 4)
 * @param firstPlayUrgency value assumed for a child without statistics
 */
public record SearchConfig(SelectionRule rule, double exploration, double raveBias, double lambda, int virtualLoss,
                           int threads, long seed, int arenaCapacity, int expandThreshold, double priorVisits,
                           double firstPlayUrgency) {
    /** Checks ranges. */
    public SearchConfig {
        if (exploration < 0 || raveBias < 0 || lambda < 0 || lambda > 1 || virtualLoss < 0 || threads < 1
                || arenaCapacity < 2 || expandThreshold < 0 || priorVisits < 0) {
            throw new IllegalArgumentException("invalid search config: " + this);
        }
    }

    /** Plain UCT, c = sqrt(2)/2 for rewards in [0, 1], every child tried once first. */
    public static SearchConfig uct() {
        return new SearchConfig(SelectionRule.UCT, 0.7, 0, 1, 1, 1, 1, 1 << 20, 1, 0, 10);
    }

    /** RAVE without an exploration term, b = 0.1, 20 visits of prior experience, expansion after 3 visits. */
    public static SearchConfig rave() {
        return new SearchConfig(SelectionRule.RAVE, 0, 0.1, 1, 3, 1, 1, 1 << 20, 3, 20, 1);
    }

    /** PUCT with c_puct = 1.5, unvisited children valued as a draw. */
    public static SearchConfig puct() {
        return new SearchConfig(SelectionRule.PUCT, 1.5, 0, 1, 3, 1, 1, 1 << 20, 0, 0, 0.5);
    }

    /** Returns this config with {@code threads} search threads. */
    public SearchConfig withThreads(int threads) {
        return new SearchConfig(rule, exploration, raveBias, lambda, virtualLoss, threads, seed, arenaCapacity,
                expandThreshold, priorVisits, firstPlayUrgency);
    }

    /** Returns this config with seed {@code seed}. */
    public SearchConfig withSeed(long seed) {
        return new SearchConfig(rule, exploration, raveBias, lambda, virtualLoss, threads, seed, arenaCapacity,
                expandThreshold, priorVisits, firstPlayUrgency);
    }

    /** Returns this config with arenas of {@code nodes} nodes. */
    public SearchConfig withArenaCapacity(int nodes) {
        return new SearchConfig(rule, exploration, raveBias, lambda, virtualLoss, threads, seed, nodes,
                expandThreshold, priorVisits, firstPlayUrgency);
    }

    /** Returns this config with leaf mixing weight {@code lambda}. */
    public SearchConfig withLambda(double lambda) {
        return new SearchConfig(rule, exploration, raveBias, lambda, virtualLoss, threads, seed, arenaCapacity,
                expandThreshold, priorVisits, firstPlayUrgency);
    }
}
