package dev.primer.experiments.match;

import dev.primer.go.board.Color;
import dev.primer.mcts.Wilson;
import java.util.List;
import java.util.Locale;

/**
 * The table of a match: wins per engine and per colour with 95% Wilson intervals (draws count half).
 *
 * @param config the match
 * @param games  every game, in order
 */
public record MatchReport(MatchConfig config, List<GameResult> games) {
    /** Returns engine A's points over all games. */
    public double engineAWins() {
        return games.stream().mapToDouble(GameResult::engineAScore).sum();
    }

    /** Returns engine A's points over the games it played as {@code c}, and that game count. */
    public double[] engineAWinsAs(Color c) {
        double wins = 0;
        int n = 0;
        for (GameResult g : games) {
            if (g.engineAColor() == c) {
                wins += g.engineAScore();
                n++;
            }
        }
        return new double[] {wins, n};
    }

    /** Returns the points of the winning colour over all games: {Black, White}. */
    public double[] colourWins() {
        double black = 0;
        for (GameResult g : games) {
            black += g.winner().map(w -> w == Color.BLACK ? 1.0 : 0.0).orElse(0.5);
        }
        return new double[] {black, games.size() - black};
    }

    /** Returns the human-readable table. */
    public String table() {
        int n = games.size();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d games, %dx%d, komi %s%s%n", n, config.size(), config.size(),
                fmt(config.komi()), config.randomOpening() == 0 ? ""
                        : String.format(Locale.ROOT, ", %d random opening moves (seed %d)", config.randomOpening(),
                                config.seed())));
        sb.append(line("A " + config.engineA(), engineAWins(), n));
        sb.append(line("B " + config.engineB(), n - engineAWins(), n));
        for (Color c : Color.values()) {
            double[] w = engineAWinsAs(c);
            sb.append(line("A as " + c.name().toLowerCase(Locale.ROOT), w[0], (int) w[1]));
            sb.append(line("B as " + c.opponent().name().toLowerCase(Locale.ROOT), w[1] - w[0], (int) w[1]));
        }
        double[] cw = colourWins();
        sb.append(line("black", cw[0], n));
        sb.append(line("white", cw[1], n));
        long failures = games.stream().filter(g -> g.end() == GameResult.End.FAILURE).count();
        long disagreements = games.stream().filter(g -> !g.agrees()).count();
        sb.append(String.format(Locale.ROOT, "failures %d, referee disagreements %d%n", failures, disagreements));
        return sb.toString();
    }

    private static String line(String who, double wins, int n) {
        Wilson w = Wilson.of95(wins, n);
        return String.format(Locale.ROOT, "%-60s %5s/%-3d %5.1f%%  95%% CI [%5.1f%%, %5.1f%%]%n",
                who.length() > 60 ? who.substring(0, 57) + "..." : who, fmt(wins), n, n == 0 ? 0 : 100 * wins / n,
                100 * w.low(), 100 * w.high());
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    /** Returns the table and the games as JSON. */
    public String toJson() {
        int n = games.size();
        Wilson a = Wilson.of95(engineAWins(), n);
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"engineA\": ").append(quote(config.engineA())).append(",\n");
        sb.append("  \"engineB\": ").append(quote(config.engineB())).append(",\n");
        sb.append("  \"size\": ").append(config.size()).append(", \"komi\": ").append(config.komi())
                .append(", \"games\": ").append(n).append(", \"randomOpening\": ").append(config.randomOpening())
                .append(", \"seed\": ").append(config.seed()).append(",\n");
        sb.append("  \"engineAWins\": ").append(engineAWins()).append(", \"engineAWinRate\": ")
                .append(n == 0 ? 0 : engineAWins() / n).append(", \"wilson95\": [").append(a.low()).append(", ")
                .append(a.high()).append("],\n");
        double[] asBlack = engineAWinsAs(Color.BLACK);
        double[] asWhite = engineAWinsAs(Color.WHITE);
        sb.append("  \"engineAAsBlack\": {\"wins\": ").append(asBlack[0]).append(", \"games\": ").append((int) asBlack[1])
                .append("}, \"engineAAsWhite\": {\"wins\": ").append(asWhite[0]).append(", \"games\": ")
                .append((int) asWhite[1]).append("},\n");
        double[] cw = colourWins();
        sb.append("  \"blackWins\": ").append(cw[0]).append(", \"whiteWins\": ").append(cw[1]).append(",\n");
        sb.append("  \"results\": [");
        for (int i = 0; i < n; i++) {
            GameResult g = games.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"game\": ").append(g.index())
                    .append(", \"engineAColor\": ").append(quote(g.engineAColor().name()))
                    .append(", \"result\": ").append(quote(g.result()))
                    .append(", \"end\": ").append(quote(g.end().name()))
                    .append(", \"moves\": ").append(g.moves())
                    .append(", \"refereeScore\": ").append(g.refereeScore().map(MatchReport::quote).orElse("null"))
                    .append(", \"agrees\": ").append(g.agrees())
                    .append(", \"failure\": ").append(g.failure().map(MatchReport::quote).orElse("null")).append('}');
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
