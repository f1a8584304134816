package dev.primer.rl.bench;

import dev.primer.nn.Backend;
import dev.primer.rl.core.Task;
import dev.primer.rl.core.Training;
import dev.primer.rl.dqn.DqnAgent;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parts of a DQN step (preset network and batch): one gradient update (sample, target forward, TD step) and
 * one greedy action (a batch-1 forward). {@code ./primer jmh rl DqnStepBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Benchmark)
public class DqnStepBenchmark {
    @Param({"minatar-breakout", "cartpole"})
    String task;

    DqnAgent agent;
    float[] observation;
    long step;
    double loss;

    @Setup(Level.Trial)
    public void setUp() {
        Backend.init();
        Task t = Task.of(task);
        agent = DqnAgent.of(t, t.preset().withMemory(10_000, 1_000).withTraining(1, 1), 1);
        Training.run(Training.Config.of(1_000, 1), t.envs(), agent);
        observation = new float[t.shape().inputs()];
        step = 1_000;
    }

    @TearDown(Level.Trial)
    public void check() {
        if (!Double.isFinite(loss) || agent.updates() == 0) {
            throw new IllegalStateException(task + ": loss " + loss + " after " + agent.updates() + " updates");
        }
    }

    @Benchmark
    public double update() {
        loss = agent.update(++step);
        return loss;
    }

    @Benchmark
    public int act() {
        return agent.greedy(observation);
    }
}
