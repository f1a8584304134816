package dev.primer.nn.bench;

import dev.primer.nn.Backend;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Single-precision GEMM through ND4J (OpenBLAS): {@code C = A·B} for n×n matrices. The {@code gflop}
 * counter reports achieved GFLOP/s (2n³ flops per call).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Benchmark)
public class SgemmBenchmark {
    @Param({"2048"})
    int n;

    @Param({"1"})
    int threads;

    INDArray a;
    INDArray b;
    INDArray c;

    /** Achieved floating-point work, reported by JMH as a rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Flops {
        public double gflop;
    }

    @Setup(Level.Trial)
    public void setUp() {
        Backend.init();
        Backend.setThreads(threads);
        Nd4j.getRandom().setSeed(1);
        a = Nd4j.rand(DataType.FLOAT, n, n);
        b = Nd4j.rand(DataType.FLOAT, n, n);
        c = Nd4j.zeros(DataType.FLOAT, n, n);
    }

    @TearDown(Level.Trial)
    public void check() {
        double expected = a.getRow(0).mul(b.getColumn(0)).sumNumber().doubleValue();
        if (Math.abs(c.getDouble(0, 0) - expected) > 1e-3 * Math.abs(expected)) {
            throw new IllegalStateException("sgemm gave " + c.getDouble(0, 0) + ", expected " + expected);
        }
    }

    @Benchmark
    public INDArray sgemm(Flops flops) {
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        flops.gflop += 2.0 * n * n * n / 1e9;
        return c;
    }
}
