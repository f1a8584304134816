package dev.primer.rl.rl4j;

import dev.primer.atari.core.Environment;
import dev.primer.rl.core.Task;
import dev.primer.rl.dqn.DqnConfig;
import dev.primer.rl.nets.RlNetworks;
import dev.primer.rl.nets.TdLoss;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.network.dqn.DQN;

/**
 * Trains RL4J's {@link QLearningDiscreteDense} on one of our tasks with our hyperparameters and our network,
 * so the two implementations can be compared step for step and frame per second.
 *
 * <p>Mapping: replay size, batch, start, target period, γ, ε floor and decay length, Double DQN carry over
 * one to one; RL4J updates once per step (no {@code trainEvery}/{@code gradientSteps}) and has no n-step or
 * prioritized replay; its targets cover every action (untaken ones set to the current Q, so with our
 * {@link TdLoss} they get no gradient), and it never bootstraps at a time limit ({@link EnvironmentMdp}).
 */
public final class Rl4jRunner {
    static {
        // RL4J logs every episode at INFO; keep its warnings only (must run before its loggers exist)
        System.setProperty("org.slf4j.simpleLogger.log.org.deeplearning4j.rl4j", "warn");
    }

    private Rl4jRunner() {
    }

    /**
     * What an RL4J run produced.
     *
     * @param steps           environment steps trained
     * @param seconds         wall-clock seconds of training
     * @param framesPerSecond steps per second of training
     * @param evalMean        mean greedy return over the evaluation episodes
     * @param evalStd         standard deviation of those returns
     */
    public record Result(long steps, double seconds, double framesPerSecond, double evalMean, double evalStd) {
    }

    /** Trains {@code steps} steps on {@code task} with {@code cfg}, then plays {@code evalEpisodes} greedy episodes. */
    public static Result train(Task task, DqnConfig cfg, int steps, int maxEpisodeSteps, int evalEpisodes, long seed) {
        MultiLayerNetwork net = RlNetworks.qNetwork(task.shape(), task.actions(), new TdLoss(cfg.loss(), 1.0),
                cfg.updates(), seed);
        QLearningConfiguration conf = QLearningConfiguration.builder()
                .seed(seed)
                .maxEpochStep(maxEpisodeSteps)
                .maxStep(steps)
                .expRepMaxSize(cfg.bufferSize())
                .batchSize(cfg.batchSize())
                .targetDqnUpdateFreq((int) cfg.targetUpdateEvery())
                .updateStart((int) cfg.learningStarts())
                .rewardFactor(1.0)
                .gamma(cfg.gamma())
                .errorClamp(cfg.loss() == TdLoss.Kind.HUBER ? 1.0 : Double.MAX_VALUE)
                .minEpsilon(cfg.epsilon().end())
                .epsilonNbStep((int) cfg.epsilon().decaySteps())
                .doubleDQN(cfg.doubleDqn())
                .build();
        EnvironmentMdp<?> mdp = mdp(task, seed, maxEpisodeSteps);
        QLearningDiscreteDense<FlatObservation> dql = new QLearningDiscreteDense<>(mdp, new DQN(net), conf);
        long t0 = System.nanoTime();
        dql.train();
        double seconds = (System.nanoTime() - t0) * 1e-9;
        EnvironmentMdp<?> evalMdp = mdp(task, seed ^ 0xE7A1L, maxEpisodeSteps);
        double[] returns = new double[evalEpisodes];
        for (int i = 0; i < evalEpisodes; i++) {
            returns[i] = dql.getPolicy().play(evalMdp);
        }
        mdp.close();
        evalMdp.close();
        double mean = java.util.Arrays.stream(returns).average().orElse(Double.NaN);
        double var = java.util.Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).average().orElse(Double.NaN);
        return new Result(steps, seconds, steps / seconds, mean, Math.sqrt(var));
    }

    @SuppressWarnings("unchecked")
    private static <O> EnvironmentMdp<O> mdp(Task task, long seed, int maxEpisodeSteps) {
        return new EnvironmentMdp<>(() -> (Environment<O, Integer>) task.envs().get(), seed, maxEpisodeSteps);
    }
}
