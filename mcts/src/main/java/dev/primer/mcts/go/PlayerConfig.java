package dev.primer.mcts.go;

import dev.primer.mcts.SearchConfig;

/**
 * How the MCTS player searches and decides.
 *
 * @param search          search hyperparameters (rule, threads, seed, arena)
 * @param rollout         playout policy
 * @param weights         weights of the linear-softmax rollouts and of the knowledge priors
 * @param knowledge       whether the tree gets Go-knowledge priors ({@link GoKnowledge})
 * @param playouts        simulations per move at most
 * @param seconds         seconds per move at most (infinite: playouts alone decide)
 * @param resignThreshold resign when the best move's win rate falls below this (0: never)
 */
public record PlayerConfig(SearchConfig search, RolloutKind rollout, RolloutWeights weights, boolean knowledge,
                           int playouts, double seconds, double resignThreshold) {
    /** Checks ranges. */
    public PlayerConfig {
        if (playouts < 1 || !(seconds > 0) || resignThreshold < 0 || resignThreshold >= 0.5) {
            throw new IllegalArgumentException("invalid player config: " + playouts + " playouts, " + seconds
                    + " s, resign " + resignThreshold);
        }
    }

    /** RAVE with heavy playouts and knowledge priors (hand-set weights), {@code playouts} per move, one thread, resigning under 10%. */
    public static PlayerConfig defaults(int playouts) {
        return new PlayerConfig(SearchConfig.rave(), RolloutKind.HEAVY, RolloutWeights.defaults(), true, playouts,
                Double.POSITIVE_INFINITY, 0.1);
    }

    /** Returns this config with {@code threads} search threads. */
    public PlayerConfig withThreads(int threads) {
        return new PlayerConfig(search.withThreads(threads), rollout, weights, knowledge, playouts, seconds,
                resignThreshold);
    }

    /** Returns this config with at most {@code seconds} per move. */
    public PlayerConfig withSeconds(double seconds) {
        return new PlayerConfig(search, rollout, weights, knowledge, playouts, seconds, resignThreshold);
    }

    /** Returns this config with seed {@code seed}. */
    public PlayerConfig withSeed(long seed) {
        return new PlayerConfig(search.withSeed(seed), rollout, weights, knowledge, playouts, seconds,
                resignThreshold);
    }

    /** Returns this config searching with {@code search}. */
    public PlayerConfig withSearch(SearchConfig search) {
        return new PlayerConfig(search, rollout, weights, knowledge, playouts, seconds, resignThreshold);
    }

    /** Returns this config with playout policy {@code rollout}. */
    public PlayerConfig withRollout(RolloutKind rollout) {
        return new PlayerConfig(search, rollout, weights, knowledge, playouts, seconds, resignThreshold);
    }

    /** Returns this config with rollout and prior weights {@code w} (trained ones, say). */
    public PlayerConfig withWeights(RolloutWeights w) {
        return new PlayerConfig(search, rollout, w, knowledge, playouts, seconds, resignThreshold);
    }
}
