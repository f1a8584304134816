package dev.primer.experiments.cli;

import dev.primer.experiments.match.MatchConfig;
import dev.primer.experiments.match.MatchReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of a match and its output, shared by {@code primer match} and {@code primer cluster match}. */
public final class MatchOptions {
    @Option(names = "--black", required = true, description = "engine A's command; A plays Black in game 1")
    String black;

    @Option(names = "--white", required = true, description = "engine B's command")
    String white;

    @Option(names = "--games", defaultValue = "2", description = "games (default: ${DEFAULT-VALUE})")
    int games;

    @Mixin
    BoardOptions board;

    @Option(names = "--alternate", description = "swap colours every game")
    boolean alternate;

    @Option(names = "--sgf", description = "save every game as DIR/game-NNN.sgf")
    Path sgf;

    @Option(names = "--referee", description = "GTP engine naming dead stones and cross-checking the score, "
            + "e.g. \"/usr/games/gnugo --mode gtp --chinese-rules\"")
    String referee;

    @Option(names = "--json", description = "also write the table and the games to FILE")
    Path json;

    @Option(names = "--move-timeout", defaultValue = "60", description = "seconds per command before an engine "
            + "loses (default: ${DEFAULT-VALUE})")
    double moveTimeout;

    @Option(names = "--max-moves", description = "moves after which a game is scored (default: 3 x size²)")
    Integer maxMoves;

    @Option(names = "--random-opening", defaultValue = "0", paramLabel = "K", description = "uniformly random legal "
            + "moves played for both engines before they take over, so that games differ; with --alternate each "
            + "opening is played twice, colours swapped (default: ${DEFAULT-VALUE})")
    int randomOpening;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random openings (default: "
            + "${DEFAULT-VALUE})")
    long seed;

    /** Returns the match these options name; throws IllegalArgumentException on a value out of range. */
    public MatchConfig config() {
        return new MatchConfig(black, white, games, board.size, board.komi, alternate, Optional.ofNullable(sgf),
                Optional.ofNullable(referee), moveTimeout, maxMoves == null ? 3 * board.size * board.size : maxMoves,
                randomOpening, seed);
    }

    /** Prints the table of {@code report} to {@code out} and writes its JSON where {@code --json} says. */
    public void finish(MatchReport report, PrintWriter out) throws IOException {
        out.print(report.table());
        out.flush();
        if (json != null) {
            Files.writeString(json, report.toJson(), StandardCharsets.UTF_8);
        }
    }
}
