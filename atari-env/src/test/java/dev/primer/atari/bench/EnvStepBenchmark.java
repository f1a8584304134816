package dev.primer.atari.bench;

import dev.primer.atari.Envs;
import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Step;
import dev.primer.atari.spaces.Discrete;
import dev.primer.random.SplitMix64;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Steps per second of each registry environment under uniform random actions (observation written every step,
 * resets included). {@link #baseline} times the action draw alone. Run with
 * {@code java -cp <test classpath> org.openjdk.jmh.Main EnvStepBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnvStepBenchmark {

    @Param({"breakout", "space_invaders", "freeway", "asterix", "seaquest", "pong", "cartpole"})
    public String game;

    private Environment<?, Integer> env;
    private SplitMix64 rng;
    private int actions;
    private long steps;
    private long episodes;

    @Setup(Level.Trial)
    public void setUp() {
        env = Envs.make(game);
        rng = SplitMix64.seeded(42);
        actions = ((Discrete) env.actionSpace()).n();
        env.reset(42);
    }

    @Benchmark
    public void step(Blackhole bh) {
        Step<?> s = env.step(rng.nextInt(actions));
        bh.consume(s.observation());
        bh.consume(s.reward());
        steps++;
        if (s.done()) {
            episodes++;
            env.reset();
        }
    }

    @Benchmark
    public int baseline() {
        return rng.nextInt(actions);
    }

    /** Self-check: a random policy must finish episodes, or the benchmark measured a stuck environment. */
    @TearDown(Level.Trial)
    public void check() {
        if (steps > 1_000_000 && episodes == 0) {
            throw new IllegalStateException(game + ": no episode ended in " + steps + " random steps");
        }
    }
}
