package dev.primer.experiments.cli;

import dev.primer.experiments.match.GameResult;
import dev.primer.experiments.match.Match;
import dev.primer.experiments.match.MatchConfig;
import dev.primer.experiments.match.MatchReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code primer match}: games between two GTP engines, scored and tabulated with Wilson intervals. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Play GTP engines (shell commands) against each other; print wins per engine and colour with 95% "
                + "Wilson intervals. Failing engines (crash, timeout, illegal move) lose the game.")
final class MatchCommand extends CliCommand {
    @Option(names = "--black", required = true, description = "engine A's command; A plays Black in game 1")
    String black;

    @Option(names = "--white", required = true, description = "engine B's command")
    String white;

    @Option(names = "--games", defaultValue = "2", description = "games (default: ${DEFAULT-VALUE})")
    int games;

    @Option(names = "--size", defaultValue = "9", description = "board size (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--komi", defaultValue = "7", description = "komi (default: ${DEFAULT-VALUE})")
    double komi;

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

    @Override
    public Integer call() throws Exception {
        MatchConfig config;
        try {
            config = new MatchConfig(black, white, games, size, komi, alternate, Optional.ofNullable(sgf),
                    Optional.ofNullable(referee), moveTimeout, maxMoves == null ? 3 * size * size : maxMoves);
        } catch (IllegalArgumentException e) {
            throw badInput(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        MatchReport report = new Match(config, g -> {
            out.println(line(g));
            out.flush();
        }).run();
        out.print(report.table());
        out.flush();
        if (json != null) {
            Files.writeString(json, report.toJson(), StandardCharsets.UTF_8);
        }
        return 0;
    }

    /** Returns one line describing a finished game. */
    static String line(GameResult g) {
        return String.format(Locale.ROOT, "game %d: A %s, %s by %s after %d moves%s%s", g.index(),
                g.engineAColor().name().toLowerCase(Locale.ROOT), g.result(),
                g.end().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                g.moves(), g.refereeScore().map(s -> ", referee " + s + (g.agrees() ? "" : " (disagrees)")).orElse(""),
                g.failure().map(f -> ", " + f).orElse(""));
    }
}
