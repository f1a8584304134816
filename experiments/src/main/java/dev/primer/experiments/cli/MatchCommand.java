package dev.primer.experiments.cli;

import dev.primer.experiments.match.GameResult;
import dev.primer.experiments.match.Match;
import dev.primer.experiments.match.MatchConfig;
import dev.primer.experiments.match.MatchReport;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code primer match}: games between two GTP engines, scored and tabulated with Wilson intervals. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Play GTP engines (shell commands) against each other; print wins per engine and colour with 95%% "
                + "Wilson intervals. Failing engines (crash, timeout, illegal move) lose the game.")
final class MatchCommand extends CliCommand {
    @Mixin
    MatchOptions match;

    @Override
    public Integer call() throws Exception {
        MatchConfig config;
        try {
            config = match.config();
        } catch (IllegalArgumentException e) {
            throw badInput(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        MatchReport report = new Match(config, g -> {
            out.println(line(g));
            out.flush();
        }).run();
        match.finish(report, out);
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
