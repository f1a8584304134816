package dev.primer.prob.bench;

import dev.primer.prob.mcmc.HamiltonianState;
import dev.primer.prob.mcmc.Hmc;
import dev.primer.prob.mcmc.Kernel;
import dev.primer.prob.mcmc.Nuts;
import dev.primer.prob.targets.Gaussian;
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
 * Microseconds per post-warmup transition of HMC and NUTS on the d-dimensional standard Gaussian, beside the
 * {@code gradient} baseline (one log-density gradient). Kernels are adapted once per trial from a fixed seed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Thread)
public class McmcBenchmark {
    @Param({"10", "100"})
    int dim;

    Gaussian target;
    Kernel<HamiltonianState> hmc;
    Kernel<HamiltonianState> nuts;
    HamiltonianState hmcState;
    HamiltonianState nutsState;
    double[] x;
    double[] grad;

    @Setup(Level.Trial)
    public void setUp() {
        target = Gaussian.standard(dim);
        hmc = Hmc.of(target);
        nuts = Nuts.of(target);
        hmcState = adapt(hmc, 42);
        nutsState = adapt(nuts, 43);
        x = new double[dim];
        java.util.Arrays.fill(x, 0.5);
        grad = new double[dim];
    }

    private HamiltonianState adapt(Kernel<HamiltonianState> k, long seed) {
        HamiltonianState s = k.init(new double[dim], 500, seed);
        for (int i = 0; i < 500; i++) {
            s = k.step(s);
        }
        return s;
    }

    @TearDown(Level.Trial)
    public void check() {
        for (HamiltonianState s : new HamiltonianState[] {hmcState, nutsState}) {
            for (double v : s.position()) {
                if (!Double.isFinite(v) || Math.abs(v) > 10) {
                    throw new IllegalStateException("sampler left the standard Gaussian's bulk: " + v);
                }
            }
        }
    }

    @Benchmark
    public void gradient(Blackhole bh) {
        bh.consume(target.valueAndGradient(x, grad));
        bh.consume(grad);
    }

    @Benchmark
    public void hmcTransition(Blackhole bh) {
        hmcState = hmc.step(hmcState);
        bh.consume(hmcState.transition());
    }

    @Benchmark
    public void nutsTransition(Blackhole bh) {
        nutsState = nuts.step(nutsState);
        bh.consume(nutsState.transition());
    }
}
