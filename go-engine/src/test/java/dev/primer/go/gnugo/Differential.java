package dev.primer.go.gnugo;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.board.Stone;
import dev.primer.go.score.Score;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Plays random legal games into both this engine (simple ko, suicide forbidden: GNU Go's defaults) and GNU Go,
 * checking after every move that stones, capture counts and the legality of sampled points agree, and at the
 * end of every game played out (two forced passes: no legal move that does not fill an own eye) that the
 * Tromp-Taylor score agrees with GNU Go's area-scoring final_score.
 */
final class Differential {
    private static final double KOMI = 0.5;
    private static final int SAMPLED_POINTS = 3;

    /** Totals of one run. */
    record Stats(long moves, int games, int scoredGames, long legalityChecks) {
        Stats plus(Stats o) {
            return new Stats(moves + o.moves, games + o.games, scoredGames + o.scoredGames,
                    legalityChecks + o.legalityChecks);
        }
    }

    private Differential() {
    }

    /** Plays whole games of side {@code size} until at least {@code minMoves} moves; throws AssertionError on any disagreement. */
    static Stats run(GnuGo gnugo, int size, long minMoves, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        Stats total = new Stats(0, 0, 0, 0);
        while (total.moves() < minMoves) {
            total = total.plus(playGame(gnugo, size, rng));
        }
        return total;
    }

    private static Stats playGame(GnuGo gnugo, int size, SplitMix64 rng) {
        gnugo.sendAll(List.of("boardsize " + size, "clear_board", "komi " + KOMI));
        GameState game = new GameState(size, Rules.SIMPLE_KO, KOMI);
        Coords coords = game.coords();
        int cap = 4 * coords.area();
        long checks = 0;
        int moves = 0;
        int forcedPasses = 0;
        while (forcedPasses < 2 && moves < cap) {
            Color c = game.toMove();
            if (!game.moves().isEmpty() && rng.nextIntMultiplyShift(50) == 0) {
                game.undo();
                gnugo.send("undo");
                forcedPasses = 0;
                compareStones(gnugo, game, "after undo");
                continue;
            }
            int p = pickMove(game, c, rng);
            boolean randomPass = game.consecutivePasses() == 0 && rng.nextIntMultiplyShift(40) == 0;
            if (randomPass) {
                p = Coords.PASS;
            }
            forcedPasses = p == Coords.PASS && !randomPass ? forcedPasses + 1 : 0;
            Legality l = game.play(c, p);
            if (l != Legality.OK) {
                throw new AssertionError("picked an illegal move: " + l);
            }
            moves++;
            List<String> commands = new ArrayList<>(List.of("play " + c.letter() + " " + coords.vertex(p),
                    "list_stones black", "list_stones white", "captures black", "captures white"));
            Color next = game.toMove();
            int[] sampled = samplePoints(game.board(), rng);
            for (int q : sampled) {
                commands.add("is_legal " + next.letter() + " " + coords.vertex(q));
            }
            List<String> replies = gnugo.sendAll(commands);
            String where = "move " + moves + " " + c + " " + coords.vertex(p) + " on\n" + game.board();
            compare(vertices(game.board(), Stone.BLACK), replies.get(1), "black stones after " + where);
            compare(vertices(game.board(), Stone.WHITE), replies.get(2), "white stones after " + where);
            check(Integer.toString(game.board().captures(Color.BLACK)).equals(replies.get(3)), "black captures after " + where);
            check(Integer.toString(game.board().captures(Color.WHITE)).equals(replies.get(4)), "white captures after " + where);
            for (int i = 0; i < sampled.length; i++) {
                boolean ours = game.legality(next, sampled[i]).isLegal();
                boolean theirs = replies.get(5 + i).equals("1");
                check(ours == theirs, "legality of " + next + " " + coords.vertex(sampled[i]) + ": ours " + ours
                        + ", GNU Go " + theirs + " after " + where);
                checks++;
            }
        }
        int scored = 0;
        if (forcedPasses == 2) {
            String ours = Score.trompTaylor(game.board(), KOMI).toString();
            String theirs = gnugo.send("final_score");
            check(ours.equals(theirs), "final score: ours " + ours + ", GNU Go " + theirs + " on\n" + game.board());
            scored = 1;
        }
        return new Stats(moves, 1, scored, checks);
    }

    /** Returns a uniformly random legal move that does not fill an own eye, or PASS when none is left. */
    private static int pickMove(GameState game, Color c, SplitMix64 rng) {
        int[] points = game.coords().points().clone();
        for (int n = points.length; n > 0; n--) {
            int i = rng.nextIntMultiplyShift(n);
            int p = points[i];
            points[i] = points[n - 1];
            if (game.board().stoneAt(p) == Stone.EMPTY && !game.board().isEye(p, c)
                    && game.legality(c, p).isLegal()) {
                return p;
            }
        }
        return Coords.PASS;
    }

    /** Returns the ko point (if any) and a few random empty points, where legality is most interesting. */
    private static int[] samplePoints(Board board, SplitMix64 rng) {
        int empties = board.emptyCount();
        int n = Math.min(SAMPLED_POINTS, empties);
        int[] out = new int[n + (board.koPoint() != Coords.NONE ? 1 : 0)];
        for (int i = 0; i < n; i++) {
            out[i] = board.emptyPoint(rng.nextIntMultiplyShift(empties));
        }
        if (n < out.length) {
            out[n] = board.koPoint();
        }
        return out;
    }

    private static void compareStones(GnuGo gnugo, GameState game, String when) {
        List<String> replies = gnugo.sendAll(List.of("list_stones black", "list_stones white"));
        compare(vertices(game.board(), Stone.BLACK), replies.get(0), "black stones " + when);
        compare(vertices(game.board(), Stone.WHITE), replies.get(1), "white stones " + when);
    }

    private static TreeSet<String> vertices(Board board, Stone stone) {
        TreeSet<String> out = new TreeSet<>();
        for (int p : board.coords().points()) {
            if (board.stoneAt(p) == stone) {
                out.add(board.coords().vertex(p));
            }
        }
        return out;
    }

    private static void compare(TreeSet<String> ours, String reply, String what) {
        TreeSet<String> theirs = new TreeSet<>(Arrays.asList(reply.isEmpty() ? new String[0] : reply.split("\\s+")));
        check(ours.equals(theirs), what + "\nours:   " + ours + "\nGNU Go: " + theirs);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
