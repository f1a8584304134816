package dev.primer.experiments.cli;

import dev.primer.go.bench.PlayoutBench;
import dev.primer.go.board.Coords;
import dev.primer.mcts.Rollout;
import dev.primer.mcts.go.GoState;
import dev.primer.mcts.go.RolloutBench;
import dev.primer.mcts.go.RolloutKind;
import dev.primer.rl.alphago.RolloutWeightsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code primer bench playouts}: Go playouts per second, uniformly random or by one of the search's rollout policies. */
@Command(name = "playouts", mixinStandardHelpOptions = true,
        description = "Random legal playouts (no filling of own single-point eyes) to the end, scored; playouts/s. With "
                + "--policy, the search's rollout policy of that kind on one thread, and its cost per move.")
final class BenchPlayoutsCommand extends CliCommand {
    /** The rollout policies to time. */
    enum Policy { LIGHT, HEAVY, SOFTMAX, TRAINED }

    @Option(names = "--size", defaultValue = "9", description = "board size 2..25 (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--seconds", defaultValue = "5", description = "measured seconds (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--threads", defaultValue = "1", description = "threads (default: ${DEFAULT-VALUE})")
    int threads;

    @CommandLine.Mixin
    SeedOption seed;

    @Option(names = "--json", description = "also write {size, playouts_per_s, threads, ...} to FILE")
    Path json;

    @Option(names = "--policy", description = "light, heavy, softmax (hand-set weights) or trained (--weights): the "
            + "search's rollouts, one thread, with microseconds per move")
    Policy policy;

    @Option(names = "--weights", description = "rollout weights for --policy trained (from 'primer alphago "
            + "train-rollout')")
    Path weights;

    @Override
    public Integer call() throws Exception {
        if (size < 2 || size > 25 || seconds <= 0 || threads < 1) {
            throw badInput("--size must be 2..25, --seconds > 0 and --threads >= 1");
        }
        if (policy != null) {
            return rollouts();
        }
        PlayoutBench.Result r = PlayoutBench.run(size, seconds, threads, seed.value);
        System.out.printf("%dx%d  %d thread(s)  %,d playouts in %.1f s  %,.0f playouts/s%n", r.size(), r.size(),
                r.threads(), r.playouts(), r.seconds(), r.playoutsPerSecond());
        if (json != null) {
            Json.write(json, r);
        }
        return 0;
    }

    private int rollouts() throws IOException {
        if ((policy == Policy.TRAINED) != (weights != null)) {
            throw badInput("--weights goes with --policy trained");
        }
        Coords coords = Coords.of(size);
        Rollout.Factory<GoState> factory = switch (policy) {
            case LIGHT -> RolloutKind.LIGHT.factory(coords);
            case HEAVY -> RolloutKind.HEAVY.factory(coords);
            case SOFTMAX -> RolloutKind.LINEAR_SOFTMAX.factory(coords);
            case TRAINED -> {
                try {
                    yield RolloutKind.LINEAR_SOFTMAX.factory(coords, RolloutWeightsFile.read(weights));
                } catch (IOException e) {
                    throw badInput("cannot use --weights: " + e.getMessage());
                }
            }
        };
        RolloutBench.Result r = RolloutBench.run(size, factory, seconds, seed.value);
        System.out.printf(Locale.ROOT, "%dx%d  %s  %,d playouts in %.1f s  %,.0f playouts/s  %.2f us/move%n", r.size(),
                r.size(), policy.name().toLowerCase(Locale.ROOT), r.playouts(), r.seconds(), r.playoutsPerSecond(),
                r.microsPerMove());
        if (json != null) {
            Json.write(json, r);
        }
        return 0;
    }
}
