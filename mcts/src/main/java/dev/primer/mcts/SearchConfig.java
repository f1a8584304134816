package dev.primer.mcts;

/**
 * Search hyperparameters. Build them by name from {@link #builder()}, whose defaults are plain UCT, or start from a
 * preset ({@link #uct()}, {@link #rave()}, {@link #puct()}) and change what differs with {@link #toBuilder()}.
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
        if (rule == null || exploration < 0 || raveBias < 0 || lambda < 0 || lambda > 1 || virtualLoss < 0
                || threads < 1 || arenaCapacity < 2 || expandThreshold < 0 || priorVisits < 0) {
            throw new IllegalArgumentException("invalid search config: " + this);
        }
    }

    /** Returns a builder holding the defaults, which are {@link #uct()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this config's values. */
    public Builder toBuilder() {
        return new Builder().rule(rule).exploration(exploration).raveBias(raveBias).lambda(lambda)
                .virtualLoss(virtualLoss).threads(threads).seed(seed).arenaCapacity(arenaCapacity)
                .expandThreshold(expandThreshold).priorVisits(priorVisits).firstPlayUrgency(firstPlayUrgency);
    }

    /** Plain UCT, c = sqrt(2)/2 for rewards in [0, 1], every child tried once first: the {@link #builder()} defaults. */
    public static SearchConfig uct() {
        return builder().build();
    }

    /** RAVE without an exploration term, b = 0.1, 20 visits of prior experience, expansion after 3 visits. */
    public static SearchConfig rave() {
        return builder().rule(SelectionRule.RAVE).exploration(0).raveBias(0.1).virtualLoss(3).expandThreshold(3)
                .priorVisits(20).firstPlayUrgency(1).build();
    }

    /** PUCT with c_puct = 1.5, unvisited children valued as a draw. */
    public static SearchConfig puct() {
        return builder().rule(SelectionRule.PUCT).exploration(1.5).virtualLoss(3).expandThreshold(0)
                .firstPlayUrgency(0.5).build();
    }

    /** Returns this config with {@code threads} search threads. */
    public SearchConfig withThreads(int threads) {
        return toBuilder().threads(threads).build();
    }

    /** Returns this config with seed {@code seed}. */
    public SearchConfig withSeed(long seed) {
        return toBuilder().seed(seed).build();
    }

    /** Returns this config with arenas of {@code nodes} nodes. */
    public SearchConfig withArenaCapacity(int nodes) {
        return toBuilder().arenaCapacity(nodes).build();
    }

    /** Returns this config with leaf mixing weight {@code lambda}. */
    public SearchConfig withLambda(double lambda) {
        return toBuilder().lambda(lambda).build();
    }

    /** Sets the components of a {@link SearchConfig} by name; each setter's default is plain UCT's value. */
    public static final class Builder {
        private SelectionRule rule = SelectionRule.UCT;
        /** sqrt(2)/2, UCB1's constant for rewards in [0, 1]. */
        private double exploration = 0.7;
        private double raveBias = 0;
        private double lambda = 1;
        private int virtualLoss = 1;
        private int threads = 1;
        private long seed = 1;
        private int arenaCapacity = 1 << 20;
        private int expandThreshold = 1;
        private double priorVisits = 0;
        /** Above every win rate, so each child is tried once before any is tried twice. */
        private double firstPlayUrgency = 10;

        private Builder() {
        }

        /** Sets the selection rule (default UCT). */
        public Builder rule(SelectionRule rule) {
            this.rule = rule;
            return this;
        }

        /** Sets c of the exploration term (default 0.7). */
        public Builder exploration(double exploration) {
            this.exploration = exploration;
            return this;
        }

        /** Sets b of the RAVE schedule (default 0). */
        public Builder raveBias(double raveBias) {
            this.raveBias = raveBias;
            return this;
        }

        /** Sets the rollout weight in the leaf value (default 1: rollouts only). */
        public Builder lambda(double lambda) {
            this.lambda = lambda;
            return this;
        }

        /** Sets the virtual loss (default 1). */
        public Builder virtualLoss(int virtualLoss) {
            this.virtualLoss = virtualLoss;
            return this;
        }

        /** Sets the number of search threads (default 1). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Sets the seed (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the nodes per arena (default 2^20). */
        public Builder arenaCapacity(int arenaCapacity) {
            this.arenaCapacity = arenaCapacity;
            return this;
        }

        /** Sets the visits a leaf needs before expansion (default 1). */
        public Builder expandThreshold(int expandThreshold) {
            this.expandThreshold = expandThreshold;
            return this;
        }

        /** Sets the prior's equivalent experience (default 0). */
        public Builder priorVisits(double priorVisits) {
            this.priorVisits = priorVisits;
            return this;
        }

        /** Sets the value of a child without statistics (default 10). */
        public Builder firstPlayUrgency(double firstPlayUrgency) {
            this.firstPlayUrgency = firstPlayUrgency;
            return this;
        }

        /** Returns the config; throws IllegalArgumentException when a value is out of range. */
        public SearchConfig build() {
            return new SearchConfig(rule, exploration, raveBias, lambda, virtualLoss, threads, seed, arenaCapacity,
                    expandThreshold, priorVisits, firstPlayUrgency);
        }
    }
}
