package dev.primer.experiments.cli;

import dev.primer.go.Rules;
import dev.primer.go.gtp.GtpEngine;
import dev.primer.go.player.FlatMonteCarloPlayer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code primer gtp}: a GTP v2 engine on stdin/stdout for GoGui, Sabaki, Lizzie or a match runner. */
@Command(name = "gtp", mixinStandardHelpOptions = true,
        description = "Speak GTP v2 on stdin/stdout (flat Monte Carlo player until the MCTS player lands).")
final class GtpCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Rule sets selectable on the command line. */
    enum RuleSet {
        CHINESE(Rules.CHINESE), TROMP_TAYLOR(Rules.TROMP_TAYLOR);

        final Rules rules;

        RuleSet(Rules rules) {
            this.rules = rules;
        }
    }

    @Option(names = "--playouts", defaultValue = "4000", description = "playouts per move (default: ${DEFAULT-VALUE})")
    int playouts;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the player (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rules", defaultValue = "chinese", description = "chinese or tromp_taylor (default: ${DEFAULT-VALUE})")
    RuleSet rules;

    @Override
    public Integer call() throws Exception {
        if (playouts < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--playouts must be >= 1");
        }
        GtpEngine engine = new GtpEngine(new FlatMonteCarloPlayer(new FlatMonteCarloPlayer.Config(playouts, seed)),
                rules.rules);
        engine.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        return 0;
    }
}
