package dev.primer.mcts.go;

import dev.primer.go.Rules;
import dev.primer.go.gtp.GtpEngine;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The MCTS player behind a GTP engine with the analysis commands. {@code main} serves stdin/stdout:
 * {@code java -cp ... dev.primer.mcts.go.MctsGtp [--playouts N] [--time S] [--threads N] [--seed N] [--warmup S]};
 * the warm-up (1 s by default) lets the JIT compile the search before the first timed move.
 */
public final class MctsGtp {
    private MctsGtp() {
    }

    /** Returns an engine playing with {@code player} under {@code rules}, analysis commands installed. */
    public static GtpEngine engine(MctsPlayer player, Rules rules) {
        GtpEngine engine = new GtpEngine(player, rules);
        GtpAnalysis.install(engine, player);
        return engine;
    }

    /** Serves GTP on stdin/stdout until quit or end of input. */
    public static void main(String[] args) throws IOException {
        int playouts = 10_000;
        double seconds = Double.POSITIVE_INFINITY;
        int threads = 1;
        long seed = 1;
        double warmUp = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--playouts" -> playouts = Integer.parseInt(args[i + 1]);
                case "--time" -> seconds = Double.parseDouble(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--warmup" -> warmUp = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PlayerConfig config = PlayerConfig.defaults(playouts).withSeconds(seconds).withThreads(threads).withSeed(seed);
        try (MctsPlayer player = new MctsPlayer(config)) {
            if (warmUp > 0) {
                player.warmUp(warmUp);
            }
            engine(player, Rules.CHINESE).serve(
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        }
    }
}
