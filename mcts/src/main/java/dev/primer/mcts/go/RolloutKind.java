package dev.primer.mcts.go;

import dev.primer.go.board.Coords;
import dev.primer.mcts.Rollout;

/** The playout policies a Go search can use. */
public enum RolloutKind {
    /** {@link LightPolicy}. */
    LIGHT,
    /** {@link HeavyPolicy}. */
    HEAVY,
    /** {@link LinearSoftmaxPolicy} with {@link RolloutWeights#defaults()}. */
    LINEAR_SOFTMAX;

    /** Returns a factory of rollouts of this kind on boards of {@code coords}. */
    public Rollout.Factory<GoState> factory(Coords coords) {
        return factory(coords, RolloutWeights.defaults());
    }

    /** Returns a factory of rollouts of this kind; {@code weights} serve LINEAR_SOFTMAX. */
    public Rollout.Factory<GoState> factory(Coords coords, RolloutWeights weights) {
        return switch (this) {
            case LIGHT -> seed -> new GoRollout(new LightPolicy(seed));
            case HEAVY -> seed -> new GoRollout(new HeavyPolicy(coords, seed));
            case LINEAR_SOFTMAX -> seed -> new GoRollout(new LinearSoftmaxPolicy(coords, weights, seed));
        };
    }
}
