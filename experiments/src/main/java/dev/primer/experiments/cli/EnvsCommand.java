package dev.primer.experiments.cli;

import dev.primer.atari.Envs;
import dev.primer.atari.bench.RandomAgent;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code primer envs}: the registered environments with their spaces. */
@Command(name = "envs", mixinStandardHelpOptions = true,
        description = "List the environments (id, action space, observation space).",
        subcommands = {EnvsCommand.Random.class})
final class EnvsCommand implements Runnable {
    @Override
    public void run() {
        System.out.print(Envs.describe());
    }

    /** {@code primer envs random}: the random-agent baseline every Atari paper reports. */
    @Command(name = "random", mixinStandardHelpOptions = true,
            description = "Uniformly random policy: mean and standard deviation of return and episode length.")
    static final class Random extends CliCommand {
        @Option(names = "--game", required = true, description = "environment id (see `primer envs`)")
        String game;

        @Option(names = "--episodes", defaultValue = "100", description = "episodes (default: ${DEFAULT-VALUE})")
        int episodes;

        @CommandLine.Mixin
        SeedOption seed;

        @Option(names = "--sticky", description = "sticky-action probability (default: the game's own)")
        Double sticky;

        @Option(names = "--json", description = "also write the statistics to FILE")
        Path json;

        @Override
        public Integer call() throws Exception {
            if (!Envs.ids().contains(game)) {
                throw badInput("unknown game '" + game + "'; known: " + Envs.ids().makeString());
            }
            if (episodes < 1 || (sticky != null && (sticky < 0 || sticky >= 1))) {
                throw badInput("--episodes must be >= 1 and --sticky in [0, 1)");
            }
            double p = sticky == null ? Envs.spec(game).defaultSticky() : sticky;
            RandomAgent.Stats s = RandomAgent.run(game, episodes, seed.value, p);
            System.out.printf("%s  %d episodes  sticky %.2f  return %.3f ± %.3f (sd)  length %.1f ± %.1f (sd)%n",
                    game, s.episodes(), p, s.meanReturn(), s.stdReturn(), s.meanLength(), s.stdLength());
            if (json != null) {
                Json.write(json, s);
            }
            return 0;
        }
    }
}
