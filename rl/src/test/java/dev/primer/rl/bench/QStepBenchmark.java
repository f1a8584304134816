package dev.primer.rl.bench;

import dev.primer.rl.core.Task;
import dev.primer.rl.dqn.DqnConfig;
import dev.primer.rl.nets.FusedQNet;
import dev.primer.rl.nets.RlNetworks;
import dev.primer.rl.nets.TdLoss;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One TD training step and the forward passes of a preset Q-network (batch 32 and batch 1), through DL4J
 * ({@code fit}, {@code output}) or {@link FusedQNet} on the same network and data, so the two read as a ratio
 * in one run: {@code ./primer jmh rl QStepBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class QStepBenchmark {
    @Param({"minatar-breakout", "cartpole"})
    String task;

    @Param({"fused", "dl4j"})
    String path;

    MultiLayerNetwork net;
    FusedQNet fused;
    float[] obs;
    float[] one;
    int[] actions;
    float[] targets;
    float[] weights;
    float[] q;
    INDArray x;
    INDArray x1;
    INDArray labels;
    INDArray mask;

    @Setup(Level.Trial)
    public void setUp() {
        Task t = Task.of(task);
        DqnConfig cfg = t.preset();
        int b = cfg.batchSize();
        int a = t.actions();
        int in = t.shape().inputs();
        net = RlNetworks.qNetwork(t.shape(), a, new TdLoss(cfg.loss(), 1.0), cfg.updates(), 1);
        fused = new FusedQNet(net, b);
        SplittableRandom rnd = new SplittableRandom(1);
        obs = new float[b * in];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = rnd.nextDouble() < 0.2 ? 1 : 0;
        }
        one = java.util.Arrays.copyOf(obs, in);
        actions = new int[b];
        targets = new float[b];
        weights = new float[b];
        float[] lab = new float[b * a];
        float[] m = new float[b * a];
        for (int i = 0; i < b; i++) {
            actions[i] = rnd.nextInt(a);
            targets[i] = (float) rnd.nextDouble(-1, 1);
            weights[i] = 1;
            lab[i * a + actions[i]] = targets[i];
            m[i * a + actions[i]] = 1;
        }
        q = new float[b * a];
        x = Nd4j.create(obs, new long[] {b, in}, DataType.FLOAT);
        x1 = Nd4j.create(one, new long[] {1, in}, DataType.FLOAT);
        labels = Nd4j.create(lab, new long[] {b, a}, DataType.FLOAT);
        mask = Nd4j.create(m, new long[] {b, a}, DataType.FLOAT);
    }

    @Benchmark
    public double train() {
        if (path.equals("fused")) {
            return fused.train(obs, actions, targets, weights, actions.length, null);
        }
        net.fit(x, labels, null, mask);
        return net.score();
    }

    @Benchmark
    public float forwardBatch() {
        if (path.equals("fused")) {
            fused.forward(obs, actions.length, q);
            return q[0];
        }
        return net.output(x, false).getFloat(0);
    }

    @Benchmark
    public float forwardOne() {
        if (path.equals("fused")) {
            fused.forward(one, 1, q);
            return q[0];
        }
        return net.output(x1, false).getFloat(0);
    }
}
