package dev.primer.mcts.go;

import dev.primer.go.GameState;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.gtp.GtpEngine;
import dev.primer.go.player.Decision;
import dev.primer.go.player.TimeBudget;
import dev.primer.mcts.ChildStats;
import dev.primer.mcts.SearchResult;
import java.util.List;
import java.util.Locale;

/**
 * Leela Zero's analysis commands for Sabaki and Lizzie: {@code lz-analyze [color] [interval]} streams
 * {@code info move D4 visits N winrate W prior P lcb L order K pv D4 C3 ...} lines (win rate, prior and lcb in
 * 1/10000) every interval centiseconds until the controller sends the next command; {@code lz-genmove_analyze} and
 * {@code genmove_analyze} do the same while choosing a move, then answer {@code play VERTEX}.
 */
public final class GtpAnalysis {
    private static final int DEFAULT_INTERVAL_CS = 100;
    private static final double MIN_INTERVAL_SECONDS = 0.05;
    /** An analysis nobody interrupts (closed input) ends after this long. */
    private static final double MAX_ANALYSIS_SECONDS = 3600;

    private GtpAnalysis() {
    }

    /** Adds the analysis commands to {@code engine}, searching with {@code player}. */
    public static void install(GtpEngine engine, MctsPlayer player) {
        engine.extend("lz-analyze", (args, channel) -> {
            Request req = Request.parse(args, engine.game().toMove());
            long start = System.nanoTime();
            while (!channel.inputPending() && (System.nanoTime() - start) / 1e9 < MAX_ANALYSIS_SECONDS) {
                GameState game = engine.game();
                SearchResult r = player.analyze(game, req.color(), req.seconds());
                channel.send(info(game.coords(), r));
                if (r.children().isEmpty()) {
                    break;
                }
            }
            return "";
        });
        GtpEngine.Extension genmove = (args, channel) -> {
            Request req = Request.parse(args, engine.game().toMove());
            GameState game = engine.game();
            Decision d = player.genmoveAnalyze(game.copy(), req.color(), TimeBudget.UNLIMITED, req.seconds(),
                    r -> channel.send(info(game.coords(), r)));
            return "play " + engine.answerGenerated(req.color(), d, true);
        };
        engine.extend("lz-genmove_analyze", genmove);
        engine.extend("genmove_analyze", genmove);
    }

    /** Returns one analysis line for all root moves with visits, best first. */
    static String info(Coords coords, SearchResult r) {
        StringBuilder sb = new StringBuilder();
        List<ChildStats> children = r.children();
        int order = 0;
        for (ChildStats c : children) {
            if (c.visits() == 0) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            int point = coords.pointOfIndex(c.action());
            sb.append("info move ").append(coords.vertex(point))
                    .append(" visits ").append(c.visits())
                    .append(" winrate ").append(permyriad(c.winrate()))
                    .append(" prior ").append(permyriad(c.prior()))
                    .append(" lcb ").append(permyriad(Math.max(0, c.lcb())))
                    .append(" order ").append(order++)
                    .append(" pv");
            for (int a : c.pv()) {
                sb.append(' ').append(coords.vertex(coords.pointOfIndex(a)));
            }
        }
        return sb.toString();
    }

    private static int permyriad(float x) {
        return Math.round(x * 10_000);
    }

    /** A parsed analysis request: the colour to analyse for and the reporting interval. */
    private record Request(Color color, double seconds) {
        static Request parse(List<String> args, Color toMove) {
            Color color = toMove;
            int centiseconds = DEFAULT_INTERVAL_CS;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i).toLowerCase(Locale.ROOT);
                if (a.equals("interval") && i + 1 < args.size()) {
                    centiseconds = parseInt(args.get(++i));
                } else if (a.chars().allMatch(Character::isDigit)) {
                    centiseconds = parseInt(a);
                } else if (i == 0) {
                    try {
                        color = Color.parse(a);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("invalid color");
                    }
                }
            }
            return new Request(color, Math.max(MIN_INTERVAL_SECONDS, centiseconds / 100.0));
        }

        private static int parseInt(String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("syntax error");
            }
        }
    }
}
