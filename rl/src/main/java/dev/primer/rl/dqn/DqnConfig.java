package dev.primer.rl.dqn;

import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import dev.primer.rl.nets.TdLoss;

/**
 * Every DQN hyperparameter in one record. Steps are environment steps (agent decisions); with MinAtar one
 * step is one frame.
 *
 * @param hidden           hidden widths of the MLP Q-network (vector observations; grids use MinAtar's conv net)
 * @param updates          optimiser, learning rate, L2 and per-layer gradient-norm clip (0: none)
 * @param loss             TD error function (MSE, or Huber = Mnih et al.'s error clipping)
 * @param gamma            discount γ
 * @param bufferSize       replay capacity in transitions
 * @param learningStarts   steps of acting before the first update (the policy is uniform random until then)
 * @param batchSize        transitions per update
 * @param trainEvery       steps between training phases
 * @param gradientSteps    updates per training phase
 * @param targetUpdateEvery steps between copies of the online network into the target network
 * @param epsilon          ε-greedy schedule
 * @param doubleDqn        choose a′ with the online net, evaluate it with the target net (van Hasselt et al. 2016)
 * @param nStep            n of n-step returns (1: one-step Q-learning)
 * @param replay           uniform or prioritized replay
 * @param priorityAlpha    PER's α
 * @param priorityBeta0    PER's initial β (annealed linearly to 1 over {@code priorityBetaSteps})
 * @param priorityBetaSteps steps over which β reaches 1
 * @param totalSteps       the preset's reference training length
 */
public record DqnConfig(int[] hidden, Updates updates, TdLoss.Kind loss, double gamma, int bufferSize,
                        long learningStarts, int batchSize, int trainEvery, int gradientSteps, long targetUpdateEvery,
                        EpsilonSchedule epsilon, boolean doubleDqn, int nStep, Replay replay, double priorityAlpha,
                        double priorityBeta0, long priorityBetaSteps, long totalSteps) {

    /**
     * MinAtar's DQN (Young and Tian 2019, {@code examples/dqn.py}): replay 100k, start 5k, batch 32, target every
     * 1000 frames, ε 1 → 0.1 over 100k frames after replay starts, centred RMSprop lr 2.5e-4 α 0.95 ε 0.01,
     * Huber, γ 0.99, one update per frame, 5M frames. The RMSprop has no PyTorch {@code momentum}: Nature's
     * "gradient momentum 0.95" is the decay of the centred gradient average, and the paper's {@code dqn.py} passed no
     * momentum (MinAtar's author confirms this was intended, in the discussion of the repository's PR #37, 2024).
     */
    public static DqnConfig minatar() {
        return new DqnConfig(new int[0],
                new Updates(Optimizer.centeredRmsprop(0.95, 0.01), LearningRate.constant(2.5e-4), 0, 0),
                TdLoss.Kind.HUBER, 0.99, 100_000, 5_000, 32, 1, 1, 1_000,
                new EpsilonSchedule(1.0, 0.1, 100_000, 5_000), false, 1, Replay.UNIFORM, 0.6, 0.4, 5_000_000,
                5_000_000);
    }

    /**
     * Nature DQN (Mnih et al. 2015, Extended Data Table 1), in agent steps of 4 frames: replay 1M, start 50k,
     * batch 32, target every 10k updates (40k steps), ε 1 → 0.1 over 1M, RMSprop (centred, as in DeepMind's
     * code) lr 2.5e-4 α 0.95 ε 0.01, error clipping (Huber), γ 0.99, one update every 4 steps, 50M frames.
     * {@code hidden} is Nature's 512-unit layer; its 84×84 conv torso is not built here ({@link
     * dev.primer.rl.nets.RlNetworks} has MLPs and MinAtar's net), so on vectors this preset runs an MLP.
     */
    public static DqnConfig nature() {
        return new DqnConfig(new int[] {512},
                new Updates(Optimizer.centeredRmsprop(0.95, 0.01), LearningRate.constant(2.5e-4), 0, 0),
                TdLoss.Kind.HUBER, 0.99, 1_000_000, 50_000, 32, 4, 1, 40_000,
                new EpsilonSchedule(1.0, 0.1, 1_000_000, 0), false, 1, Replay.UNIFORM, 0.6, 0.4, 12_500_000,
                12_500_000);
    }

    /**
     * CartPole-v1 after rl-baselines3-zoo's tuned DQN: MLP 256-256, Adam lr 2.3e-3, replay 100k, start 1k,
     * batch 64, 128 updates every 256 steps, target every 10 steps, ε 1 → 0.04 over 8k steps, Huber,
     * γ 0.99, gradient-norm clip 10 (per layer here), 50k steps; plus Double DQN, which the zoo leaves off
     * (with it every one of five seeds reached 500 in some 10-episode evaluation, without it three did).
     */
    public static DqnConfig cartpole() {
        return new DqnConfig(new int[] {256, 256},
                new Updates(Optimizer.adam(), LearningRate.constant(2.3e-3), 0, 10),
                TdLoss.Kind.HUBER, 0.99, 100_000, 1_000, 64, 256, 128, 10,
                new EpsilonSchedule(1.0, 0.04, 8_000, 0), true, 1, Replay.UNIFORM, 0.6, 0.4, 50_000, 50_000);
    }

    /** This configuration with Double DQN on or off. */
    public DqnConfig withDoubleDqn(boolean on) {
        return new DqnConfig(hidden, updates, loss, gamma, bufferSize, learningStarts, batchSize, trainEvery,
                gradientSteps, targetUpdateEvery, epsilon, on, nStep, replay, priorityAlpha, priorityBeta0,
                priorityBetaSteps, totalSteps);
    }

    /** This configuration with n-step returns. */
    public DqnConfig withNStep(int n) {
        return new DqnConfig(hidden, updates, loss, gamma, bufferSize, learningStarts, batchSize, trainEvery,
                gradientSteps, targetUpdateEvery, epsilon, doubleDqn, n, replay, priorityAlpha, priorityBeta0,
                priorityBetaSteps, totalSteps);
    }

    /** This configuration with another replay kind. */
    public DqnConfig withReplay(Replay kind) {
        return new DqnConfig(hidden, updates, loss, gamma, bufferSize, learningStarts, batchSize, trainEvery,
                gradientSteps, targetUpdateEvery, epsilon, doubleDqn, nStep, kind, priorityAlpha, priorityBeta0,
                priorityBetaSteps, totalSteps);
    }

    /** This configuration with a smaller memory and earlier start (for short runs and tests). */
    public DqnConfig withMemory(int size, long starts) {
        return new DqnConfig(hidden, updates, loss, gamma, size, starts, batchSize, trainEvery, gradientSteps,
                targetUpdateEvery, epsilon, doubleDqn, nStep, replay, priorityAlpha, priorityBeta0, priorityBetaSteps,
                totalSteps);
    }

    /** This configuration training {@code gradientSteps} updates every {@code trainEvery} steps. */
    public DqnConfig withTraining(int every, int steps) {
        return new DqnConfig(hidden, updates, loss, gamma, bufferSize, learningStarts, batchSize, every, steps,
                targetUpdateEvery, epsilon, doubleDqn, nStep, replay, priorityAlpha, priorityBeta0, priorityBetaSteps,
                totalSteps);
    }

    /** This configuration with another ε schedule. */
    public DqnConfig withEpsilon(EpsilonSchedule schedule) {
        return new DqnConfig(hidden, updates, loss, gamma, bufferSize, learningStarts, batchSize, trainEvery,
                gradientSteps, targetUpdateEvery, schedule, doubleDqn, nStep, replay, priorityAlpha, priorityBeta0,
                priorityBetaSteps, totalSteps);
    }

    /** This configuration with another optimiser setting. */
    public DqnConfig withUpdates(Updates u) {
        return new DqnConfig(hidden, u, loss, gamma, bufferSize, learningStarts, batchSize, trainEvery, gradientSteps,
                targetUpdateEvery, epsilon, doubleDqn, nStep, replay, priorityAlpha, priorityBeta0, priorityBetaSteps,
                totalSteps);
    }

    /** This configuration with another loss. */
    public DqnConfig withLoss(TdLoss.Kind kind) {
        return new DqnConfig(hidden, updates, kind, gamma, bufferSize, learningStarts, batchSize, trainEvery,
                gradientSteps, targetUpdateEvery, epsilon, doubleDqn, nStep, replay, priorityAlpha, priorityBeta0,
                priorityBetaSteps, totalSteps);
    }
}
