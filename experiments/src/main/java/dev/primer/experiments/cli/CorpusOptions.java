package dev.primer.experiments.cli;

import dev.primer.experiments.match.CorpusConfig;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of a self-play corpus, shared by {@code primer go corpus} and {@code primer cluster corpus}. */
public final class CorpusOptions {
    @Option(names = "--engine", required = true,
            description = "the GTP engine, e.g. \"/usr/games/gnugo --mode gtp --level 10 --chinese-rules\"")
    String engine;

    @Option(names = "--games", required = true, description = "games the corpus should hold at the end")
    int games;

    @Option(names = "--out", required = true, description = "directory of the SGF files and the ledger")
    Path out;

    @Mixin
    BoardOptions board;

    @Option(names = "--random-opening", defaultValue = "4",
            description = "uniformly random legal moves before the engine plays (default: ${DEFAULT-VALUE})")
    int randomOpening;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the openings (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--move-timeout", defaultValue = "60",
            description = "seconds per engine command before the game is given up (default: ${DEFAULT-VALUE})")
    double moveTimeout;

    /** Returns the corpus these options name; throws IllegalArgumentException on a value out of range. */
    public CorpusConfig config() {
        return CorpusConfig.of(engine, out).withGames(games).withSize(board.size).withKomi(board.komi)
                .withRandomOpening(randomOpening).withSeed(seed).withMoveTimeout(moveTimeout);
    }
}
