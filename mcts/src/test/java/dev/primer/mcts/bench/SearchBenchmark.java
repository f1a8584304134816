package dev.primer.mcts.bench;

import dev.primer.go.board.Coords;
import dev.primer.mcts.Limits;
import dev.primer.mcts.Rollout;
import dev.primer.mcts.Search;
import dev.primer.mcts.SearchConfig;
import dev.primer.mcts.SearchResult;
import dev.primer.mcts.Trace;
import dev.primer.mcts.go.GoKnowledge;
import dev.primer.mcts.go.GoState;
import dev.primer.mcts.go.RolloutKind;
import dev.primer.mcts.go.RolloutWeights;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * JMH: simulations per second of the player's search (RAVE, Go-knowledge priors) on the empty 9x9 board, komi 7,
 * seed 42, on 1 and 2 threads with light and heavy playouts; each invocation is a fresh 2,000-simulation search, so
 * scores read directly as simulations/s. {@code baseline} plays the same number of bare rollouts without a tree.
 * Run: {@code ./primer jmh mcts SearchBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class SearchBenchmark {
    private static final int SIMULATIONS = 2_000;

    @Param({"1", "2"})
    public int threads;

    @Param({"LIGHT", "HEAVY"})
    public RolloutKind rollout;

    private Search<GoState> search;
    private GoState empty;
    private GoState scratch;
    private Rollout<GoState> bare;
    private Trace trace;
    private long searches;
    private long simulations;

    @Setup(Level.Trial)
    public void setUp() {
        Coords coords = Coords.of(9);
        search = new Search<>(SearchConfig.rave().withThreads(threads).withSeed(42), rollout.factory(coords),
                new GoKnowledge(coords, RolloutWeights.defaults()));
        empty = new GoState(9, 7);
        scratch = empty.copy();
        bare = rollout.factory(coords).create(42);
        trace = new Trace(4 * empty.actionSpace());
    }

    @Benchmark
    @OperationsPerInvocation(SIMULATIONS)
    public void baseline(Blackhole bh) {
        for (int i = 0; i < SIMULATIONS; i++) {
            scratch.copyFrom(empty);
            trace.clear();
            bh.consume(bare.run(scratch, trace));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SIMULATIONS)
    public void search(Blackhole bh) {
        search.setRoot(empty);
        SearchResult r = search.run(Limits.playouts(SIMULATIONS));
        searches++;
        simulations += r.simulations();
        bh.consume(r.bestAction());
    }

    /** Fails the run when searches did not run every simulation, so dead code cannot fake speed. */
    @TearDown(Level.Trial)
    public void check() {
        search.close();
        if (searches > 0 && simulations != searches * SIMULATIONS) {
            throw new IllegalStateException(simulations + " simulations in " + searches + " searches");
        }
    }

    /** Runs this benchmark with the settings annotated above. */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(SearchBenchmark.class.getSimpleName()).build()).run();
    }
}
