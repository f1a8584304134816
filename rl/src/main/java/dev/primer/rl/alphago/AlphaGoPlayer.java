package dev.primer.rl.alphago;

import dev.primer.go.board.Coords;
import dev.primer.mcts.BatchingEvaluator;
import dev.primer.mcts.SearchConfig;
import dev.primer.mcts.go.GoState;
import dev.primer.mcts.go.MctsPlayer;
import dev.primer.mcts.go.PlayerConfig;
import dev.primer.mcts.go.RolloutKind;
import dev.primer.mcts.go.RolloutWeights;
import dev.primer.nn.Net;

/**
 * AlphaGo's player (Silver et al. 2016, Methods, "Search algorithm"): PUCT over the policy network's priors, leaves
 * valued V = (1 - lambda) v(s) + lambda z with v from the value network and z from one rollout of the fast rollout
 * policy, network evaluations batched across the search threads, tree reuse, and the MCTS player's pass and resign
 * rules.
 */
public final class AlphaGoPlayer {
    /** AlphaGo's mixing weight (Fig. 4b: 0.5 was best). */
    public static final double LAMBDA = 0.5;
    /** How long a search thread waits for others to fill a batch; rollouts last about this long on 9x9. */
    public static final long BATCH_TIMEOUT_NANOS = 500_000;

    private AlphaGoPlayer() {
    }

    /**
     * What the player uses.
     *
     * @param policy   the policy network for the tree priors, or null for uniform priors
     * @param value    the value network, or null (then lambda must be 1)
     * @param rollouts the fast rollout policy's weights
     * @param lambda   the rollouts' weight in the leaf value (1: rollouts only, 0: value network only)
     */
    public record Setup(Net policy, Net value, RolloutWeights rollouts, double lambda) {
        /** Rejects a mix that needs a network it lacks. */
        public Setup {
            if (!(lambda >= 0 && lambda <= 1)) {
                throw new IllegalArgumentException("lambda must lie in [0, 1], got " + lambda);
            }
            if (value == null && lambda < 1) {
                throw new IllegalArgumentException("lambda " + lambda + " < 1 needs a value network");
            }
            if (policy == null && lambda == 1) {
                throw new IllegalArgumentException("rollouts alone with uniform priors is not the AlphaGo player; "
                        + "use the MCTS player");
            }
        }
    }

    /** Returns the search configuration: PUCT, c = 1.5, virtual loss 3, expansion on the first visit, {@code threads} threads. */
    public static SearchConfig search(double lambda, int threads, long seed) {
        return SearchConfig.puct().toBuilder().lambda(lambda).threads(threads).seed(seed).build();
    }

    /** Returns the player's configuration: linear-softmax rollouts with {@code setup}'s weights, resigning under 10%. */
    public static PlayerConfig config(Setup setup, int playouts, int threads, long seed) {
        return new PlayerConfig(search(setup.lambda(), threads, seed), RolloutKind.LINEAR_SOFTMAX, setup.rollouts(),
                false, playouts, Double.POSITIVE_INFINITY, 0.1);
    }

    /** Returns the networks of {@code setup} behind a queue that batches up to one position per search thread. */
    public static BatchingEvaluator<GoState> evaluator(Setup setup, Coords coords, int threads) {
        Net value = setup.lambda() < 1 ? setup.value() : null;
        return new BatchingEvaluator<>(new NetEvaluator(coords, setup.policy(), value), threads, BATCH_TIMEOUT_NANOS);
    }

    /**
     * Returns the player of {@code setup} on boards of side {@code boardSize} (the networks' size) under {@code config}
     * (from {@link #config}, times and limits changed as needed).
     */
    public static MctsPlayer create(Setup setup, PlayerConfig config, int boardSize) {
        return new MctsPlayer(config, evaluator(setup, Coords.of(boardSize), config.search().threads()));
    }
}
