package dev.primer.experiments.cli;

import dev.primer.go.Rules;
import dev.primer.go.gtp.GtpEngine;
import dev.primer.go.player.FlatMonteCarloPlayer;
import dev.primer.mcts.go.MctsGtp;
import dev.primer.mcts.go.MctsPlayer;
import dev.primer.mcts.go.PlayerConfig;
import dev.primer.mcts.go.RolloutKind;
import dev.primer.nn.Net;
import dev.primer.nn.train.Checkpoint;
import dev.primer.rl.alphago.PolicyPlayer;
import dev.primer.rl.alphago.RolloutWeightsFile;
import dev.primer.rl.alphago.SlPolicy;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code primer gtp}: a GTP v2 engine on stdin/stdout for GoGui, Sabaki, Lizzie or a match runner. */
@Command(name = "gtp", mixinStandardHelpOptions = true,
        description = "Speak GTP v2 on stdin/stdout: MCTS (RAVE, heavy playouts) with lz-analyze, flat Monte Carlo, or "
                + "a policy network without search.")
final class GtpCommand extends CliCommand {
    /** Rule sets selectable on the command line. */
    enum RuleSet {
        CHINESE(Rules.CHINESE), TROMP_TAYLOR(Rules.TROMP_TAYLOR);

        final Rules rules;

        RuleSet(Rules rules) {
            this.rules = rules;
        }
    }

    /** Move generators selectable on the command line. */
    enum Player { MCTS, FLAT, POLICY }

    @Option(names = "--playouts", defaultValue = "10000", description = "playouts per move at most (default: ${DEFAULT-VALUE})")
    int playouts;

    @Option(names = "--time", description = "seconds per move at most (default: playouts alone, or the GTP clock)")
    Double seconds;

    @Option(names = "--threads", defaultValue = "1", description = "search threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the player (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rules", defaultValue = "chinese", description = "chinese or tromp_taylor (default: ${DEFAULT-VALUE})")
    RuleSet rules;

    @Option(names = "--warmup", defaultValue = "1", description = "seconds of throw-away search at start-up so the "
            + "first timed move runs compiled code (default: ${DEFAULT-VALUE})")
    double warmUp;

    @Option(names = "--player", defaultValue = "mcts", description = "mcts, flat, or policy (a policy network's best "
            + "legal move, no search; needs --model) (default: ${DEFAULT-VALUE})")
    Player player;

    @Option(names = "--rollout", defaultValue = "heavy", description = "the MCTS player's rollouts: light, heavy or "
            + "linear_softmax (default: ${DEFAULT-VALUE})")
    RolloutKind rollout;

    @Option(names = "--rollout-weights", description = "trained weights of the linear-softmax rollouts and of the tree "
            + "priors: 'shipped', or a file from 'primer alphago train-rollout' (default: the hand-set ones)")
    String rolloutWeights;

    @Option(names = "--model", description = "the policy network for --player policy, e.g. OUT/" + SlPolicy.MODEL
            + " from 'primer alphago train-sl'")
    Path model;

    @Override
    public Integer call() throws Exception {
        if (playouts < 1 || threads < 1 || seconds != null && !(seconds > 0)) {
            throw badInput("--playouts and --threads must be >= 1, --time > 0");
        }
        if ((player == Player.POLICY) != (model != null)) {
            throw badInput("--model goes with --player policy");
        }
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (player == Player.POLICY) {
            Net net;
            try {
                net = Checkpoint.read(model).net();
            } catch (IOException e) {
                throw badInput("cannot load --model " + model + ": " + e.getMessage());
            }
            new GtpEngine(new PolicyPlayer(net), rules.rules).serve(in, out);
            return 0;
        }
        if (player == Player.FLAT) {
            new GtpEngine(new FlatMonteCarloPlayer(new FlatMonteCarloPlayer.Config(playouts, seed)), rules.rules)
                    .serve(in, out);
            return 0;
        }
        PlayerConfig config = PlayerConfig.defaults(playouts).withThreads(threads).withSeed(seed)
                .withSeconds(seconds == null ? Double.POSITIVE_INFINITY : seconds).withRollout(rollout);
        if (rolloutWeights != null) {
            try {
                config = config.withWeights(RolloutWeightsFile.load(rolloutWeights));
            } catch (IOException e) {
                throw badInput("cannot use --rollout-weights: " + e.getMessage());
            }
        }
        try (MctsPlayer mcts = new MctsPlayer(config)) {
            if (warmUp > 0) {
                mcts.warmUp(warmUp);
            }
            MctsGtp.engine(mcts, rules.rules).serve(in, out);
        }
        return 0;
    }
}
