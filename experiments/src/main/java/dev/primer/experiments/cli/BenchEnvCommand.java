package dev.primer.experiments.cli;

import dev.primer.atari.Envs;
import dev.primer.atari.bench.EnvBench;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code primer bench env}: environment steps per second on one core, an observation every step. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Steps per second of one environment with random actions (one thread).")
final class BenchEnvCommand extends CliCommand {
    @Option(names = "--game", required = true, description = "environment id (see `primer envs`)")
    String game;

    @Option(names = "--seconds", defaultValue = "5", description = "measured seconds (default: ${DEFAULT-VALUE})")
    double seconds;

    @CommandLine.Mixin
    SeedOption seed;

    @Option(names = "--json", description = "also write {game, steps_per_second, ...} to FILE")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (!Envs.ids().contains(game) || seconds <= 0) {
            throw badInput("--game must be one of " + Envs.ids().makeString() + " and --seconds > 0");
        }
        EnvBench.Result r = EnvBench.run(game, seconds, seed.value);
        System.out.printf("%s  %,d steps in %.1f s  %,.0f steps/s  (%d episodes)%n", r.game(), r.steps(), r.seconds(),
                r.stepsPerSecond(), r.episodes());
        if (json != null) {
            Json.write(json, r);
        }
        return 0;
    }
}
