package dev.primer.nn.bench;

import dev.primer.nn.Backend;
import dev.primer.nn.Net;
import dev.primer.random.SplitMix64;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
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

/** The reference workloads (see {@link Workload}): ms per training step and per inference call. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Benchmark)
public class WorkloadBenchmark {
    @Param({"mlp", "convnet", "resnet9"})
    String workload;

    @Param({"64"})
    int batch;

    @Param({"1"})
    int threads;

    Net net;
    MultiDataSet data;

    @Setup(Level.Trial)
    public void setUp() {
        Backend.init();
        Backend.setThreads(threads);
        Workload w = Workload.parse(workload);
        net = w.build(1);
        data = w.randomBatch(batch, new SplitMix64(1));
    }

    @TearDown(Level.Trial)
    public void check() {
        if (!Double.isFinite(net.score())) {
            throw new IllegalStateException(workload + " loss is " + net.score());
        }
    }

    @Benchmark
    public double train() {
        net.fit(data);
        return net.score();
    }

    @Benchmark
    public INDArray[] infer() {
        return net.output(data.getFeatures());
    }
}
