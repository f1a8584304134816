package dev.primer.rl.dqn;

import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import dev.primer.rl.nets.TdLoss;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Every DQN hyperparameter in one record, built by name through {@link #builder} or from a preset and its
 * withers. Steps are environment steps (agent decisions); with MinAtar one step is one frame.
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
public record DqnConfig(List<Integer> hidden, Updates updates, TdLoss.Kind loss, double gamma, int bufferSize,
                        long learningStarts, int batchSize, int trainEvery, int gradientSteps, long targetUpdateEvery,
                        EpsilonSchedule epsilon, boolean doubleDqn, int nStep, Replay replay, double priorityAlpha,
                        double priorityBeta0, long priorityBetaSteps, long totalSteps) {

    /** Rejects settings the agent cannot run: missing parts, γ outside [0, 1], non-positive sizes or periods. */
    public DqnConfig {
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(epsilon, "epsilon");
        Objects.requireNonNull(replay, "replay");
        if (!(gamma >= 0 && gamma <= 1) || bufferSize < 1 || batchSize < 1 || trainEvery < 1 || gradientSteps < 1
                || targetUpdateEvery < 1 || nStep < 1) {
            throw new IllegalArgumentException("need γ in [0, 1] and bufferSize, batchSize, trainEvery, gradientSteps,"
                    + " targetUpdateEvery, nStep >= 1; got γ " + gamma + ", bufferSize " + bufferSize + ", batchSize "
                    + batchSize + ", trainEvery " + trainEvery + ", gradientSteps " + gradientSteps
                    + ", targetUpdateEvery " + targetUpdateEvery + ", nStep " + nStep);
        }
    }

    /**
     * MinAtar's DQN (Young and Tian 2019, {@code examples/dqn.py}): replay 100k, start 5k, batch 32, target every
     * 1000 frames, ε 1 → 0.1 over 100k frames after replay starts, centred RMSprop lr 2.5e-4 α 0.95 ε 0.01,
     * Huber, γ 0.99, one update per frame, 5M frames. The RMSprop has no PyTorch {@code momentum}: Nature's
     * "gradient momentum 0.95" is the decay of the centred gradient average, and the paper's {@code dqn.py} passed no
     * momentum (MinAtar's author confirms this was intended, in the discussion of the repository's PR #37, 2024).
     */
    public static DqnConfig minatar() {
        return builder()
                .updates(new Updates(Optimizer.centeredRmsprop(0.95, 0.01), LearningRate.constant(2.5e-4), 0, 0))
                .loss(TdLoss.Kind.HUBER).gamma(0.99)
                .bufferSize(100_000).learningStarts(5_000).batchSize(32)
                .trainEvery(1).gradientSteps(1).targetUpdateEvery(1_000)
                .epsilon(new EpsilonSchedule(1.0, 0.1, 100_000, 5_000))
                .priorityBetaSteps(5_000_000).totalSteps(5_000_000)
                .build();
    }

    /**
     * CartPole-v1 after rl-baselines3-zoo's tuned DQN: MLP 256-256, Adam lr 2.3e-3, replay 100k, start 1k,
     * batch 64, 128 updates every 256 steps, target every 10 steps, ε 1 → 0.04 over 8k steps, Huber,
     * γ 0.99, gradient-norm clip 10 (per layer here), 50k steps; plus Double DQN, which the zoo leaves off
     * (with it every one of five seeds reached 500 in some 10-episode evaluation, without it three did).
     */
    public static DqnConfig cartpole() {
        return builder()
                .hidden(256, 256)
                .updates(new Updates(Optimizer.adam(), LearningRate.constant(2.3e-3), 0, 10))
                .loss(TdLoss.Kind.HUBER).gamma(0.99)
                .bufferSize(100_000).learningStarts(1_000).batchSize(64)
                .trainEvery(256).gradientSteps(128).targetUpdateEvery(10)
                .epsilon(new EpsilonSchedule(1.0, 0.04, 8_000, 0))
                .doubleDqn(true)
                .priorityBetaSteps(50_000).totalSteps(50_000)
                .build();
    }

    /**
     * A builder with no network, optimiser, loss or schedule yet (set them), no hidden layers, one-step uniform
     * replay without Double DQN, and Schaul et al.'s PER constants α 0.6, β0 0.4.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration, to change some of it by name. */
    public Builder toBuilder() {
        return new Builder().hidden(hidden).updates(updates).loss(loss).gamma(gamma).bufferSize(bufferSize)
                .learningStarts(learningStarts).batchSize(batchSize).trainEvery(trainEvery)
                .gradientSteps(gradientSteps).targetUpdateEvery(targetUpdateEvery).epsilon(epsilon)
                .doubleDqn(doubleDqn).nStep(nStep).replay(replay).priorityAlpha(priorityAlpha)
                .priorityBeta0(priorityBeta0).priorityBetaSteps(priorityBetaSteps).totalSteps(totalSteps);
    }

    /** The hidden widths as the array the network builders take. */
    public int[] hiddenWidths() {
        return hidden.stream().mapToInt(Integer::intValue).toArray();
    }

    /** This configuration with Double DQN on or off. */
    public DqnConfig withDoubleDqn(boolean on) {
        return toBuilder().doubleDqn(on).build();
    }

    /** This configuration with n-step returns. */
    public DqnConfig withNStep(int n) {
        return toBuilder().nStep(n).build();
    }

    /** This configuration with another replay kind. */
    public DqnConfig withReplay(Replay kind) {
        return toBuilder().replay(kind).build();
    }

    /** This configuration with a smaller memory and earlier start (for short runs and tests). */
    public DqnConfig withMemory(int size, long starts) {
        return toBuilder().bufferSize(size).learningStarts(starts).build();
    }

    /** This configuration training {@code gradientSteps} updates every {@code trainEvery} steps. */
    public DqnConfig withTraining(int every, int steps) {
        return toBuilder().trainEvery(every).gradientSteps(steps).build();
    }

    /** This configuration with another ε schedule. */
    public DqnConfig withEpsilon(EpsilonSchedule schedule) {
        return toBuilder().epsilon(schedule).build();
    }

    /** This configuration with another optimiser setting. */
    public DqnConfig withUpdates(Updates u) {
        return toBuilder().updates(u).build();
    }

    /** This configuration with another loss. */
    public DqnConfig withLoss(TdLoss.Kind kind) {
        return toBuilder().loss(kind).build();
    }

    /** Sets a {@link DqnConfig} component by name; see the record's components for their meaning. */
    public static final class Builder {
        private List<Integer> hidden = List.of();
        private Updates updates;
        private TdLoss.Kind loss;
        private double gamma;
        private int bufferSize;
        private long learningStarts;
        private int batchSize;
        private int trainEvery;
        private int gradientSteps;
        private long targetUpdateEvery;
        private EpsilonSchedule epsilon;
        private boolean doubleDqn;
        private int nStep = 1;
        private Replay replay = Replay.UNIFORM;
        private double priorityAlpha = 0.6;
        private double priorityBeta0 = 0.4;
        private long priorityBetaSteps;
        private long totalSteps;

        private Builder() {
        }

        /** Hidden widths of the MLP Q-network. */
        public Builder hidden(int... widths) {
            return hidden(Arrays.stream(widths).boxed().toList());
        }

        /** Hidden widths of the MLP Q-network. */
        public Builder hidden(List<Integer> widths) {
            hidden = widths;
            return this;
        }

        /** Optimiser, learning rate, L2 and clip. */
        public Builder updates(Updates u) {
            updates = u;
            return this;
        }

        /** TD error function. */
        public Builder loss(TdLoss.Kind kind) {
            loss = kind;
            return this;
        }

        /** Discount γ. */
        public Builder gamma(double g) {
            gamma = g;
            return this;
        }

        /** Replay capacity in transitions. */
        public Builder bufferSize(int n) {
            bufferSize = n;
            return this;
        }

        /** Steps of acting before the first update. */
        public Builder learningStarts(long steps) {
            learningStarts = steps;
            return this;
        }

        /** Transitions per update. */
        public Builder batchSize(int n) {
            batchSize = n;
            return this;
        }

        /** Steps between training phases. */
        public Builder trainEvery(int steps) {
            trainEvery = steps;
            return this;
        }

        /** Updates per training phase. */
        public Builder gradientSteps(int n) {
            gradientSteps = n;
            return this;
        }

        /** Steps between target-network copies. */
        public Builder targetUpdateEvery(long steps) {
            targetUpdateEvery = steps;
            return this;
        }

        /** ε-greedy schedule. */
        public Builder epsilon(EpsilonSchedule schedule) {
            epsilon = schedule;
            return this;
        }

        /** Double DQN on or off. */
        public Builder doubleDqn(boolean on) {
            doubleDqn = on;
            return this;
        }

        /** n of n-step returns. */
        public Builder nStep(int n) {
            nStep = n;
            return this;
        }

        /** Uniform or prioritized replay. */
        public Builder replay(Replay kind) {
            replay = kind;
            return this;
        }

        /** PER's α. */
        public Builder priorityAlpha(double a) {
            priorityAlpha = a;
            return this;
        }

        /** PER's initial β. */
        public Builder priorityBeta0(double b) {
            priorityBeta0 = b;
            return this;
        }

        /** Steps over which PER's β reaches 1. */
        public Builder priorityBetaSteps(long steps) {
            priorityBetaSteps = steps;
            return this;
        }

        /** The reference training length. */
        public Builder totalSteps(long steps) {
            totalSteps = steps;
            return this;
        }

        /** The configuration, checked. */
        public DqnConfig build() {
            return new DqnConfig(hidden, updates, loss, gamma, bufferSize, learningStarts, batchSize, trainEvery,
                    gradientSteps, targetUpdateEvery, epsilon, doubleDqn, nStep, replay, priorityAlpha, priorityBeta0,
                    priorityBetaSteps, totalSteps);
        }
    }
}
