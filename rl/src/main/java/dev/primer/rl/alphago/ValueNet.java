package dev.primer.rl.alphago;

import dev.primer.go.features.Plane;
import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.Networks.TowerHeads;
import dev.primer.nn.Networks.TowerSpec;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.train.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;

/**
 * AlphaGo's value network (Silver et al. 2016, "Reinforcement learning of value networks"): the residual tower over
 * go-engine's input planes ending in a tanh unit, trained by mean squared error to predict the outcome z = ±1 of the
 * game for the player to move.
 */
public final class ValueNet {
    /**
     * File name of the trained network in the output directory: a sealed checkpoint, checked on load, without the
     * updater's state ({@link Checkpoint#writeWeights}).
     */
    public static final String MODEL = "value-net.ckpt";
    /** The network that ships with primer (a class-path resource beside this class); see rl/docs/alphago-part2.md. */
    public static final String SHIPPED = "weights/value-net-9x9.ckpt";
    /** What a command line writes to mean {@link #SHIPPED}. */
    public static final String SHIPPED_NAME = "shipped";

    private ValueNet() {
    }

    /**
     * The network's shape and optimiser.
     *
     * @param filters      tower width
     * @param blocks       residual blocks
     * @param hidden       units of the value head's hidden layer
     * @param learningRate Adam's step size
     * @param l2           L2 weight decay
     * @param seed         seed of the initial weights
     */
    public record Shape(int filters, int blocks, int hidden, double learningRate, double l2, long seed) {
        /** Rejects shapes that cannot be built. */
        public Shape {
            if (filters < 1 || blocks < 0 || hidden < 1 || !(learningRate > 0) || l2 < 0) {
                throw new IllegalArgumentException("invalid value network: " + this);
            }
        }
    }

    /** Returns the value tower of {@code s} for boards of side {@code boardSize}: input "planes", output "value". */
    public static Net network(Shape s, int boardSize) {
        TowerSpec spec = new TowerSpec(Plane.COUNT, boardSize, s.filters(), s.blocks(), 0, s.hidden(),
                TowerHeads.VALUE);
        Updates updates = new Updates(Optimizer.adam(), LearningRate.constant(s.learningRate()), s.l2(), 0);
        return Net.of(Networks.residualTower(spec, updates, s.seed()));
    }

    /** Returns the shipped value network for {@link #SHIPPED_NAME}, else the checkpoint at {@code spec}. */
    public static Net load(String spec) throws IOException {
        return SHIPPED_NAME.equals(spec) ? SlPolicy.resource(SHIPPED) : Checkpoint.read(Path.of(spec)).net();
    }
}
