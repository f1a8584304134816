package dev.primer.rl.pg;

import dev.primer.random.SplitMix64;
import dev.primer.rl.core.Agent;
import dev.primer.rl.core.Transition;
import dev.primer.rl.nets.RlNetworks;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * REINFORCE with a learned baseline (Williams 1992; Sutton and Barto 2018, §13.4), the rule AlphaGo used to
 * improve its policy by self-play: after each episode,
 * {@code θ ← θ + α·Σ_t (G_t − V(s_t))·∇log π(a_t|s_t)} and the baseline V regresses on G_t.
 *
 * <p>The policy gradient is a loss on the softmax head ({@link dev.primer.rl.nets.PolicyGradientLoss}) whose
 * labels carry the advantage {@code G_t − V(s_t)} at the taken action.
 * Like most implementations (and unlike Williams' episodic form) the γᵗ factor on the gradient is dropped.
 */
public final class ReinforceAgent implements Agent {
    private final ReinforceConfig cfg;
    private final int actions;
    private final int obsSize;
    private final INDArray one;
    private MultiLayerNetwork policy;
    private MultiLayerNetwork value;
    private SplitMix64 rng;
    private float[] observations;
    private int[] taken = new int[1024];
    private double[] rewards = new double[1024];
    private int[] ends = new int[8];
    private double[] tails = new double[8];
    private int endCount;
    private int length;
    private int episodesPending;

    /** A fresh agent with policy and baseline MLPs of {@code cfg.hidden()} over {@code obsSize} inputs. */
    public ReinforceAgent(ReinforceConfig cfg, int obsSize, int actions, long seed) {
        this.cfg = cfg;
        this.actions = actions;
        this.obsSize = obsSize;
        RlNetworks.Mlp shape = new RlNetworks.Mlp(obsSize, cfg.hiddenWidths());
        this.policy = RlNetworks.policy(shape, actions, cfg.policyUpdates(), seed);
        this.value = RlNetworks.value(shape, cfg.valueUpdates(), seed + 1);
        this.rng = new SplitMix64(seed ^ 0x5EEDL);
        this.one = Nd4j.create(DataType.FLOAT, 1, obsSize);
        this.observations = new float[1024 * obsSize];
    }

    /** π(·|s). */
    public float[] probabilities(float[] observation) {
        RlNetworks.copyInto(observation, one);
        return policy.output(one, false).data().asFloat();
    }

    @Override
    public int act(float[] observation, long step) {
        float[] p = probabilities(observation);
        double u = rng.nextDouble();
        double c = 0;
        for (int a = 0; a < actions - 1; a++) {
            c += p[a];
            if (u < c) {
                return a;
            }
        }
        return actions - 1;
    }

    @Override
    public int greedy(float[] observation) {
        float[] p = probabilities(observation);
        int best = 0;
        for (int a = 1; a < actions; a++) {
            if (p[a] > p[best]) {
                best = a;
            }
        }
        return best;
    }

    @Override
    public void observe(Transition t) {
        if (length == rewards.length) {
            observations = Arrays.copyOf(observations, 2 * observations.length);
            taken = Arrays.copyOf(taken, 2 * taken.length);
            rewards = Arrays.copyOf(rewards, 2 * rewards.length);
        }
        System.arraycopy(t.observation(), 0, observations, length * obsSize, obsSize);
        taken[length] = t.action();
        rewards[length] = t.reward();
        length++;
        if (t.done()) {
            episodesPending++;
            // CRUCIAL: a terminal state is worth 0, but a truncated episode's return continues past the cut:
            // bootstrap it with V(s′) (discounted by γ below), or time limits teach the policy to hurry.
            markEpisodeEnd(length, t.truncated() && !t.terminated() ? valueOf(t.next()) : 0);
        }
    }

    private void markEpisodeEnd(int end, double tail) {
        if (endCount == ends.length) {
            ends = Arrays.copyOf(ends, 2 * endCount);
            tails = Arrays.copyOf(tails, 2 * endCount);
        }
        ends[endCount] = end;
        tails[endCount] = tail;
        endCount++;
    }

    private double valueOf(float[] observation) {
        RlNetworks.copyInto(observation, one);
        return value.output(one, false).getDouble(0);
    }

    /** Learns once {@code episodesPerUpdate} episodes have ended; returns the baseline's squared error, else NaN. */
    @Override
    public double update(long step) {
        if (episodesPending < cfg.episodesPerUpdate()) {
            return Double.NaN;
        }
        int n = length;
        float[] returns = new float[n];
        int start = 0;
        for (int e = 0; e < endCount; e++) {
            double g = tails[e];
            for (int t = ends[e] - 1; t >= start; t--) {
                g = rewards[t] + cfg.gamma() * g;
                returns[t] = (float) g;
            }
            start = ends[e];
        }
        INDArray x = Nd4j.create(Arrays.copyOf(observations, n * obsSize), new long[] {n, obsSize},
                DataType.FLOAT);
        float[] baseline = value.output(x, false).data().asFloat();
        float[] advantages = new float[n];
        double mean = 0;
        for (int t = 0; t < n; t++) {
            advantages[t] = returns[t] - baseline[t];
            mean += advantages[t];
        }
        mean /= n;
        if (cfg.normalizeAdvantages() && n > 1) {
            double var = 0;
            for (float a : advantages) {
                var += (a - mean) * (a - mean);
            }
            double sd = Math.sqrt(var / n) + 1e-8;
            for (int t = 0; t < n; t++) {
                advantages[t] = (float) ((advantages[t] - mean) / sd);
            }
        }
        float[] scaledOneHot = new float[n * actions];
        for (int t = 0; t < n; t++) {
            scaledOneHot[t * actions + taken[t]] = advantages[t];
        }
        policy.fit(x, Nd4j.create(scaledOneHot, new long[] {n, actions}, DataType.FLOAT));
        value.fit(x, Nd4j.create(returns, new long[] {n, 1}, DataType.FLOAT));
        length = 0;
        endCount = 0;
        episodesPending = 0;
        return value.score();
    }

    @Override
    public float[] policyParameters() {
        return RlNetworks.parameters(policy);
    }

    @Override
    public void setPolicyParameters(float[] parameters) {
        RlNetworks.setParameters(policy, parameters);
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeLong(rng.state());
        RlNetworks.write(out, policy);
        RlNetworks.write(out, value);
    }

    @Override
    public void read(DataInputStream in) throws IOException {
        rng = new SplitMix64(in.readLong());
        policy = RlNetworks.read(in);
        value = RlNetworks.read(in);
        length = 0;
        endCount = 0;
        episodesPending = 0;
    }
}
