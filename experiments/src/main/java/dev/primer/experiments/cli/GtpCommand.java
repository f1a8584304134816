package dev.primer.experiments.cli;

import dev.primer.go.Rules;
import dev.primer.go.gtp.GtpEngine;
import dev.primer.go.player.FlatMonteCarloPlayer;
import dev.primer.mcts.go.MctsGtp;
import dev.primer.mcts.go.MctsPlayer;
import dev.primer.mcts.go.PlayerConfig;
import dev.primer.mcts.go.RolloutKind;
import dev.primer.nn.Net;
import dev.primer.rl.alphago.AlphaGoPlayer;
import dev.primer.rl.alphago.PolicyPlayer;
import dev.primer.rl.alphago.RolloutWeightsFile;
import dev.primer.rl.alphago.ShippedCorpus;
import dev.primer.rl.alphago.SlPolicy;
import dev.primer.rl.alphago.ValueNet;
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
        description = "Speak GTP v2 on stdin/stdout: MCTS (RAVE, heavy playouts) with lz-analyze, flat Monte Carlo, "
                + "a policy network without search, or AlphaGo's search over policy and value networks.")
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
    enum Player { MCTS, FLAT, POLICY, ALPHAGO }

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

    @Option(names = "--player", defaultValue = "alphago", description = "alphago (PUCT over --model's priors, leaves "
            + "valued by --value-model and rollouts mixed by --lambda; the shipped networks by default), mcts (RAVE, "
            + "heavy rollouts, no network), flat, or policy (a policy network's best legal move, no search) "
            + "(default: ${DEFAULT-VALUE})")
    Player player;

    @Option(names = "--value-model", description = "the value network for --player alphago: 'shipped' (the default) "
            + "or OUT/" + ValueNet.MODEL + " from 'primer alphago train-value'")
    String valueModel;

    @Option(names = "--lambda", description = "--player alphago: the rollouts' weight in the leaf value "
            + "V = (1 - lambda) v + lambda z (default: " + AlphaGoPlayer.LAMBDA + ")")
    Double lambda;

    @Option(names = "--no-value", description = "--player alphago: rollouts alone value the leaves (lambda 1)")
    boolean noValue;

    @Option(names = "--no-rollouts", description = "--player alphago: the value network alone values the leaves "
            + "(lambda 0)")
    boolean noRollouts;

    @Option(names = "--no-priors", description = "--player alphago: uniform tree priors, no policy network")
    boolean noPriors;

    @Option(names = "--rollout", defaultValue = "heavy", description = "the MCTS player's rollouts: light, heavy or "
            + "linear_softmax (default: ${DEFAULT-VALUE})")
    RolloutKind rollout;

    @Option(names = "--rollout-weights", description = "trained weights of the linear-softmax rollouts and of the tree "
            + "priors: 'shipped', or a file from 'primer alphago train-rollout' (default: the hand-set ones)")
    String rolloutWeights;

    @Option(names = "--model", description = "the policy network for --player policy and alphago: OUT/"
            + SlPolicy.MODEL + " from 'primer alphago train-sl', 'shipped' (the SL network, the default) or "
            + "'shipped-rl' (the RL network)")
    Path model;

    @Option(names = "--symmetries", description = "--player policy: play the mean of the network over the 8 "
            + "symmetric views of the position (a better predictor, not a stronger player: rl/docs/go-corpus.md)")
    boolean symmetries;

    @Override
    public Integer call() throws Exception {
        if (playouts < 1 || threads < 1 || seconds != null && !(seconds > 0)) {
            throw badInput("--playouts and --threads must be >= 1, --time > 0");
        }
        boolean alphago = player == Player.ALPHAGO;
        if (!alphago && (valueModel != null || lambda != null || noValue || noRollouts || noPriors)) {
            throw badInput("--value-model, --lambda, --no-value, --no-rollouts and --no-priors go with --player alphago");
        }
        if (!alphago && player != Player.POLICY && model != null) {
            throw badInput("--model goes with --player policy or alphago");
        }
        if (player != Player.POLICY && symmetries) {
            throw badInput("--symmetries goes with --player policy");
        }
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (player == Player.POLICY) {
            new GtpEngine(new PolicyPlayer(AlphaGoCommand.loadPolicy(this, "--model", model), symmetries), rules.rules).serve(in, out);
            return 0;
        }
        if (player == Player.FLAT) {
            new GtpEngine(new FlatMonteCarloPlayer(new FlatMonteCarloPlayer.Config(playouts, seed)), rules.rules)
                    .serve(in, out);
            return 0;
        }
        if (alphago) {
            AlphaGoPlayer.Setup setup = alphaGoSetup();
            PlayerConfig config = AlphaGoPlayer.config(setup, playouts, threads, seed)
                    .withSeconds(seconds == null ? Double.POSITIVE_INFINITY : seconds);
            serve(AlphaGoPlayer.create(setup, config, ShippedCorpus.SIZE), in, out);
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
        serve(new MctsPlayer(config), in, out);
        return 0;
    }

    /** Serves GTP with {@code mcts} after its warm-up, and closes it. */
    private void serve(MctsPlayer mcts, BufferedReader in, BufferedWriter out) throws IOException {
        try (mcts) {
            if (warmUp > 0) {
                mcts.warmUp(warmUp);
            }
            MctsGtp.engine(mcts, rules.rules).serve(in, out);
        }
    }

    /** Returns the AlphaGo player's networks, rollouts and lambda from the flags; a missing or corrupt file is named. */
    private AlphaGoPlayer.Setup alphaGoSetup() {
        if (noValue && noRollouts) {
            throw badInput("--no-value and --no-rollouts leave nothing to value the leaves");
        }
        if (lambda != null && (noValue || noRollouts)) {
            throw badInput("--lambda goes without --no-value and --no-rollouts, which set it");
        }
        double l = noValue ? 1 : noRollouts ? 0 : lambda == null ? AlphaGoPlayer.LAMBDA : lambda;
        if (!(l >= 0 && l <= 1)) {
            throw badInput("--lambda must lie in [0, 1], got " + l);
        }
        if (noPriors && model != null) {
            throw badInput("--no-priors goes without --model");
        }
        Net policy = noPriors ? null : AlphaGoCommand.loadPolicy(this, "--model", model);
        if (l == 1 && valueModel != null) {
            throw badInput("--value-model goes without --no-value");
        }
        Net value = l < 1 ? AlphaGoCommand.loadValue(this, "--value-model", valueModel) : null;
        try {
            return new AlphaGoPlayer.Setup(policy, value,
                    RolloutWeightsFile.load(rolloutWeights == null ? RolloutWeightsFile.SHIPPED_NAME : rolloutWeights),
                    l);
        } catch (IOException e) {
            throw badInput("cannot use --rollout-weights: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw badInput(e.getMessage());
        }
    }
}
