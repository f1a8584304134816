package dev.primer.rl.dqn;

import dev.primer.random.SplitMix64;
import dev.primer.rl.core.EpsilonGreedy;
import dev.primer.rl.core.ObservationScaling;
import dev.primer.rl.core.Task;
import dev.primer.rl.core.Transition;
import dev.primer.rl.nets.FusedQNet;
import dev.primer.rl.nets.RlNetworks;
import dev.primer.rl.nets.TdLoss;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Deep Q-learning (Mnih et al. 2015) with the options that matter: Double DQN (van Hasselt et al. 2016),
 * n-step returns, prioritized replay (Schaul et al. 2016), Huber or squared TD error, any nn-core optimiser.
 *
 * <p>The loss touches Q(s,a) of the taken action only, weighted by its importance weight under prioritized
 * replay, so the other actions' outputs get no gradient. On ND4J's CPU backend the forward passes and the
 * training step run fused on the networks' own buffers ({@link FusedQNet}); elsewhere through DL4J's
 * {@code output} and {@code fit} with a one-hot labels mask ({@link TdLoss}), which cannot carry fractional
 * importance weights, so prioritized replay needs the CPU backend.
 */
public final class DqnAgent implements EpsilonGreedy {
    private final DqnConfig cfg;
    private final int actions;
    private final int obsSize;
    private final ReplayBuffer replay;
    private final NStepAccumulator nStep;
    private SplitMix64 rng;
    private final ReplayBuffer.Batch batch;
    private final INDArray one;
    private final INDArray inObs;
    private final INDArray inNext;
    private final INDArray labelArray;
    private final INDArray maskArray;
    private final float[] targets;
    private final float[] labels;
    private final float[] mask;
    private final float[] tdErrors;
    private final float[] qOne;
    private final float[] nextTargetQ;
    private final float[] nextOnlineQ;
    private MultiLayerNetwork online;
    private final MultiLayerNetwork target;
    private final boolean fuse;
    private FusedQNet onlineFused;
    private final FusedQNet targetFused;
    private long updates;
    private double lastLoss = Double.NaN;

    /** A fresh agent: Q-network of {@code shape} over {@code actions}; replay holds bytes if {@code scaling} fits. */
    public DqnAgent(DqnConfig cfg, RlNetworks.Shape shape, int actions, ObservationScaling scaling, long seed) {
        this(cfg, shape, actions, scaling, seed, true);
    }

    /** A fresh agent for {@code task}'s network shape, actions and observation scaling, configured by {@code cfg}. */
    public static DqnAgent of(Task task, DqnConfig cfg, long seed) {
        return new DqnAgent(cfg, task.shape(), task.actions(), task.scaling(), seed);
    }

    /** As the public constructor; {@code fuse} false keeps DL4J's output and fit even on the CPU backend (tests). */
    DqnAgent(DqnConfig cfg, RlNetworks.Shape shape, int actions, ObservationScaling scaling, long seed, boolean fuse) {
        this.cfg = cfg;
        this.actions = actions;
        this.obsSize = shape.inputs();
        this.online = RlNetworks.qNetwork(shape, actions, new TdLoss(cfg.loss(), 1.0), cfg.updates(), seed);
        this.target = online.clone();
        this.replay = new ReplayBuffer(cfg.bufferSize(), obsSize, scaling, cfg.replay(), cfg.priorityAlpha());
        this.nStep = new NStepAccumulator(cfg.nStep(), cfg.gamma(), obsSize);
        this.rng = new SplitMix64(seed ^ 0xD0DECAFEL);
        int b = cfg.batchSize();
        this.batch = new ReplayBuffer.Batch(b, obsSize);
        this.one = Nd4j.create(DataType.FLOAT, 1, obsSize);
        this.inObs = Nd4j.create(DataType.FLOAT, b, obsSize);
        this.inNext = Nd4j.create(DataType.FLOAT, b, obsSize);
        this.labelArray = Nd4j.create(DataType.FLOAT, b, actions);
        this.maskArray = Nd4j.create(DataType.FLOAT, b, actions);
        this.targets = new float[b];
        this.labels = new float[b * actions];
        this.mask = new float[b * actions];
        this.tdErrors = new float[b];
        this.qOne = new float[actions];
        this.nextTargetQ = new float[b * actions];
        this.nextOnlineQ = new float[b * actions];
        this.fuse = fuse;
        this.onlineFused = fuse ? fused(online, b) : null;
        this.targetFused = fuse ? fused(target, b) : null;
        if (onlineFused == null && cfg.replay() == Replay.PRIORITIZED) {
            throw new IllegalArgumentException("prioritized replay's importance weights need the fused Q step "
                    + "(ND4J's CPU backend): DL4J's fit multiplies the output by a fractional labels mask");
        }
    }

    /** The fused step over {@code net}, or null where it does not apply (a non-CPU backend). */
    private static FusedQNet fused(MultiLayerNetwork net, int batch) {
        return FusedQNet.supports(net) ? new FusedQNet(net, batch) : null;
    }

    /** The online Q-network. */
    public MultiLayerNetwork network() {
        return online;
    }

    /** The step size the online network trains with now (after a resume, its checkpoint's). */
    public double stepSize() {
        return online.getLearningRate(0);
    }

    /** Whether the online network trains through {@link FusedQNet} (ND4J's CPU backend) rather than DL4J's fit. */
    public boolean usesFusedStep() {
        return onlineFused != null;
    }

    /** The replay memory. */
    public ReplayBuffer replay() {
        return replay;
    }

    /** Gradient updates applied so far. */
    public long updates() {
        return updates;
    }

    @Override
    public double epsilon(long step) {
        return cfg.epsilon().at(step);
    }

    @Override
    public int act(float[] observation, long step) {
        if (step < cfg.learningStarts() || rng.nextDouble() < epsilon(step)) {
            return rng.nextIntModulo(actions);
        }
        return greedy(observation);
    }

    @Override
    public int greedy(float[] observation) {
        return BellmanTargets.argmax(onlineQ(observation), 0, actions);
    }

    /** Q(s, ·) of the online network (a fresh array). */
    public float[] q(float[] observation) {
        return onlineQ(observation).clone();
    }

    /** Q(s, ·) of the online network, in an array the next call reuses. */
    private float[] onlineQ(float[] observation) {
        return output(onlineFused, online, observation, 1, one, qOne);
    }

    /** Q of {@code n} rows of {@code rows}: fused into {@code out}, else through {@code in} and DL4J's output. */
    private static float[] output(FusedQNet fused, MultiLayerNetwork net, float[] rows, int n, INDArray in,
                                  float[] out) {
        if (fused != null) {
            fused.forward(rows, n, out);
            return out;
        }
        RlNetworks.copyInto(rows, in);
        return net.output(in, false).data().asFloat();
    }

    @Override
    public void observe(Transition t) {
        nStep.add(t, replay::add);
    }

    @Override
    public double update(long step) {
        if (step % cfg.targetUpdateEvery() == 0) {
            target.setParams(online.params());
        }
        if (step < cfg.learningStarts() || step % cfg.trainEvery() != 0 || replay.size() < cfg.batchSize()) {
            return Double.NaN;
        }
        for (int g = 0; g < cfg.gradientSteps(); g++) {
            lastLoss = trainStep(step);
        }
        return lastLoss;
    }

    /** One gradient step on a sampled minibatch; returns its loss. */
    private double trainStep(long step) {
        double beta = Math.min(1.0, cfg.priorityBeta0()
                + (1.0 - cfg.priorityBeta0()) * step / Math.max(1, cfg.priorityBetaSteps()));
        replay.sample(rng, beta, batch);
        int b = targets.length;
        float[] nextTarget = output(targetFused, target, batch.next, b, inNext, nextTargetQ);
        float[] nextOnline = cfg.doubleDqn() ? output(onlineFused, online, batch.next, b, inNext, nextOnlineQ) : null;
        BellmanTargets.compute(batch.rewards, batch.discounts, batch.terminated, nextTarget, nextOnline, actions,
                targets);
        double loss;
        if (onlineFused != null) {
            loss = onlineFused.train(batch.observations, batch.actions, targets, batch.weights, b, tdErrors);
            replay.updatePriorities(batch.slots, tdErrors);
        } else {
            loss = fit();
        }
        updates++;
        return loss;
    }

    /** DL4J's fit on the batch against {@link #targets}, with a one-hot (0/1) labels mask; returns fit's score. */
    private double fit() {
        RlNetworks.copyInto(batch.observations, inObs);
        Arrays.fill(labels, 0f);
        Arrays.fill(mask, 0f);
        for (int i = 0; i < targets.length; i++) {
            int k = i * actions + batch.actions[i];
            labels[k] = targets[i];
            mask[k] = 1f;
        }
        RlNetworks.copyInto(labels, labelArray);
        RlNetworks.copyInto(mask, maskArray);
        online.fit(inObs, labelArray, null, maskArray);
        return online.score();
    }

    @Override
    public float[] policyParameters() {
        return RlNetworks.parameters(online);
    }

    @Override
    public void setPolicyParameters(float[] parameters) {
        RlNetworks.setParameters(online, parameters);
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeLong(updates);
        out.writeLong(rng.state());
        out.writeDouble(lastLoss);
        RlNetworks.write(out, online);
        float[] t = target.params().data().asFloat();
        out.writeInt(t.length);
        ReplayBuffer.writeFloats(out, t, t.length);
        replay.write(out);
    }

    @Override
    public void read(DataInputStream in) throws IOException {
        updates = in.readLong();
        rng = new SplitMix64(in.readLong());
        lastLoss = in.readDouble();
        online = RlNetworks.read(in);
        onlineFused = fuse ? fused(online, targets.length) : null;
        float[] t = new float[in.readInt()];
        ReplayBuffer.readFloats(in, t, t.length);
        RlNetworks.setParameters(target, t);
        replay.read(in);
        nStep.clear();
    }

    /** The target network (for tests). */
    MultiLayerNetwork targetNetwork() {
        return target;
    }
}
