package dev.primer.rl.core;

import dev.primer.atari.Envs;
import dev.primer.atari.core.Environment;
import dev.primer.atari.spaces.Box;
import dev.primer.atari.spaces.DType;
import dev.primer.atari.spaces.Discrete;
import dev.primer.rl.dqn.DqnConfig;
import dev.primer.rl.nets.RlNetworks;
import java.util.function.Supplier;

/**
 * A named learning problem: how to make its environment, the Q-network shape its observations call for, and
 * the DQN preset that goes with it. Names: {@code cartpole}, {@code minatar-<game>} (breakout, freeway,
 * asterix, seaquest, space_invaders).
 *
 * @param name      the task's name
 * @param envs      makes a fresh environment (reference configuration: sticky actions for MinAtar)
 * @param shape     the Q-network input: MinAtar's conv net for C×10×10 planes, else an MLP
 * @param actions   number of actions
 * @param scaling   what values the observation encoder writes (see {@link ObservationEncoder#scaling})
 * @param preset    the DQN hyperparameters for this task
 */
public record Task(String name, Supplier<Environment<?, Integer>> envs, RlNetworks.Shape shape, int actions,
                   ObservationScaling scaling, DqnConfig preset) {

    /** The task called {@code name}. */
    public static Task of(String name) {
        if (name.equals("cartpole")) {
            return from(name, () -> Envs.make("cartpole"), DqnConfig.cartpole());
        }
        if (name.startsWith("minatar-")) {
            String game = name.substring("minatar-".length());
            Envs.spec(game);
            return from(name, () -> Envs.make(game), DqnConfig.minatar());
        }
        throw new IllegalArgumentException("unknown task '" + name + "': cartpole or minatar-<game>");
    }

    private static Task from(String name, Supplier<Environment<?, Integer>> envs, DqnConfig preset) {
        Environment<?, Integer> env = envs.get();
        ObservationEncoder<?> enc = ObservationEncoder.of(env.observationSpace());
        Box<?> box = (Box<?>) env.observationSpace();
        int[] dims = box.shape();
        RlNetworks.Shape shape = dims.length == 3 && box.dtype() == DType.BOOL
                ? new RlNetworks.MinAtarConv(dims[0], dims[1], dims[2])
                : new RlNetworks.Mlp(enc.size(), preset.hiddenWidths());
        return new Task(name, envs, shape, ((Discrete) env.actionSpace()).n(), enc.scaling(), preset);
    }
}
