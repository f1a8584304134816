package dev.primer.go.bench;

import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Playout;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH: one uniformly random playout (no own-eye filling, to two passes) from an empty board, scored by
 * Tromp-Taylor area. {@code baseline} measures the board copy alone. Run with this class's main after
 * {@code mvn -o -q test-compile} (see the module README).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlayoutBenchmark {
    @Param({"9", "19"})
    public int size;

    private Board root;
    private Board scratch;
    private SplitMix64 rng;
    private long moves;
    private long playouts;

    @Setup(Level.Trial)
    public void setUp() {
        root = new Board(Coords.of(size));
        scratch = new Board(root.coords());
        rng = new SplitMix64(42);
    }

    @Benchmark
    public long baseline() {
        scratch.copyFrom(root);
        return scratch.hash();
    }

    @Benchmark
    public void playout(Blackhole bh) {
        scratch.copyFrom(root);
        moves += Playout.run(scratch, Color.BLACK, rng);
        playouts++;
        bh.consume(scratch.areaScore());
    }

    /** Fails the run when playouts were skipped or cut short, so dead code cannot fake speed. */
    @TearDown(Level.Trial)
    public void check() {
        double perPlayout = playouts == 0 ? 0 : moves / (double) playouts;
        if (playouts > 0 && (perPlayout < root.coords().area() || perPlayout >= Playout.defaultMaxMoves(root.coords()))) {
            throw new IllegalStateException("implausible playout length " + perPlayout);
        }
    }

    /** Runs this benchmark with the settings annotated above. */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(PlayoutBenchmark.class.getSimpleName()).build()).run();
    }
}
