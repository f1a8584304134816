package dev.primer.experiments.match;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.score.DeadStones;
import dev.primer.go.score.Score;
import dev.primer.go.sgf.Sgf;
import dev.primer.go.sgf.SgfGames;
import dev.primer.go.sgf.SgfNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * Plays a match between two GTP engines under Chinese rules (positional superko). A game ends on two passes,
 * resignation, the move limit, or a failure: an engine that crashes, times out, answers an error or plays an illegal
 * move loses that game, is restarted, and the match goes on. Finished games are scored by Tromp-Taylor area after
 * removing the dead stones the referee names (without a referee, a Monte Carlo estimate), and cross-checked with the
 * referee's final_score.
 */
public final class Match {
    private static final long DEAD_STONE_SEED = 0x5C0E;
    private static final double SETUP_TIMEOUT_SECONDS = 30;

    private final MatchConfig config;
    private final Consumer<GameResult> onGame;
    private GtpClient engineA;
    private GtpClient engineB;
    private GtpClient referee;

    /** Creates a match that reports each finished game to {@code onGame}. */
    public Match(MatchConfig config, Consumer<GameResult> onGame) {
        this.config = config;
        this.onGame = onGame;
    }

    /** Plays every game and returns the table; engines are shut down at the end. */
    public MatchReport run() {
        return new MatchReport(config, play(1, config.games()));
    }

    /**
     * Plays games {@code first..last} (numbered from 1, colours by number as in the whole match) and returns them in
     * order; engines are shut down at the end. Game {@code i} is the same game whichever range holds it.
     */
    public List<GameResult> play(int first, int last) {
        List<GameResult> results = new ArrayList<>();
        try {
            for (int i = first; i <= last; i++) {
                Color aColor = config.alternate() && i % 2 == 0 ? Color.WHITE : Color.BLACK;
                GameResult r = play(i, aColor);
                results.add(r);
                onGame.accept(r);
            }
        } finally {
            closeAll();
        }
        return List.copyOf(results);
    }

    private GameResult play(int index, Color aColor) {
        GameState game = new GameState(config.size(), Rules.CHINESE, config.komi());
        Color[] colorOf = {aColor, aColor.opponent()};
        GtpClient[] engines = new GtpClient[2];
        for (int e = 0; e < 2; e++) {
            try {
                engines[e] = start(e);
                setup(engines[e]);
            } catch (EngineFailure f) {
                restart(e);
                return finish(index, aColor, game, failure(colorOf[e], f));
            }
        }
        boolean judged = startReferee();
        GtpClient black = aColor == Color.BLACK ? engines[0] : engines[1];
        GtpClient white = aColor == Color.BLACK ? engines[1] : engines[0];
        int moves = 0;
        Color opener = game.toMove();
        for (int p : RandomOpening.play(game, config.randomOpening(), new SplittableRandom(openingSeed(index)))) {
            String play = "play " + colourWord(opener) + " " + game.coords().vertex(p);
            for (int e = 0; e < 2; e++) {
                try {
                    engines[e].send(play, config.moveTimeoutSeconds());
                } catch (EngineFailure f) {
                    restartClient(engines[e]);
                    return finish(index, aColor, game, failure(colorOf[e], f));
                }
            }
            if (judged) {
                judged = tryReferee(play);
            }
            opener = opener.opponent();
            moves++;
        }
        while (!game.isOver() && moves < config.maxMoves()) {
            Color c = game.toMove();
            GtpClient mover = c == Color.BLACK ? black : white;
            GtpClient other = c == Color.BLACK ? white : black;
            String vertex;
            try {
                vertex = mover.send("genmove " + colourWord(c), config.moveTimeoutSeconds());
            } catch (EngineFailure f) {
                restartClient(mover);
                return finish(index, aColor, game, failure(c, f));
            }
            if (vertex.equalsIgnoreCase("resign")) {
                return finish(index, aColor, game, new Outcome(Optional.of(c.opponent()),
                        c.opponent().letter() + "+R", GameResult.End.RESIGNATION, Optional.empty()));
            }
            int p;
            try {
                p = game.coords().parseVertex(vertex);
            } catch (IllegalArgumentException e) {
                p = Coords.NONE;
            }
            Legality legality = p == Coords.NONE ? Legality.OCCUPIED : game.play(c, p);
            if (legality != Legality.OK) {
                restartClient(mover);
                return finish(index, aColor, game, failure(c, new EngineFailure(EngineFailure.Kind.ILLEGAL_MOVE,
                        "'" + vertex + "' (" + legality + ")")));
            }
            moves++;
            String play = "play " + colourWord(c) + " " + game.coords().vertex(p);
            try {
                other.send(play, config.moveTimeoutSeconds());
            } catch (EngineFailure f) {
                restartClient(other);
                return finish(index, aColor, game, failure(c.opponent(), f));
            }
            if (judged) {
                judged = tryReferee(play);
            }
        }
        return score(index, aColor, game, judged, moves);
    }

    /**
     * Returns the seed of game {@code index}'s random opening: one per game, or, when colours alternate, one per pair
     * of games (2i−1, 2i), so that each opening is played once with each engine as Black.
     */
    private long openingSeed(int index) {
        return Corpus.openingSeed(config.seed(), config.alternate() ? (index + 1) / 2 : index);
    }

    private GameResult score(int index, Color aColor, GameState game, boolean judged, int moves) {
        int[] dead = null;
        Optional<String> refereeScore = Optional.empty();
        if (judged) {
            try {
                dead = parseVertices(game.coords(), referee.send("final_status_list dead", SETUP_TIMEOUT_SECONDS));
                refereeScore = Optional.of(referee.send("final_score", SETUP_TIMEOUT_SECONDS));
            } catch (EngineFailure | IllegalArgumentException e) {
                dead = null;
                refereeScore = Optional.empty();
                closeReferee();
            }
        }
        if (dead == null) {
            dead = DeadStones.estimate(game, DeadStones.DEFAULT_PLAYOUTS, DEAD_STONE_SEED);
        }
        Score s = DeadStones.scoreWithout(game, dead);
        Optional<Color> winner = s.margin() > 0 ? Optional.of(Color.BLACK)
                : s.margin() < 0 ? Optional.of(Color.WHITE) : Optional.empty();
        GameResult.End end = game.isOver() ? GameResult.End.TWO_PASSES : GameResult.End.MOVE_LIMIT;
        Outcome o = new Outcome(winner, s.toString(), end, Optional.empty());
        boolean agrees = refereeScore.map(r -> winnerLetter(r) == winnerLetter(s.toString())).orElse(true);
        return finish(index, aColor, game, o, refereeScore, agrees, moves);
    }

    /** Returns the winner's letter of a score or result ('B', 'W'), '0' for a draw. */
    static char winnerLetter(String score) {
        String t = score.strip().toUpperCase(Locale.ROOT);
        return t.startsWith("B") ? 'B' : t.startsWith("W") ? 'W' : '0';
    }

    /** What decided a game. */
    private record Outcome(Optional<Color> winner, String result, GameResult.End end, Optional<String> failure) {
    }

    private static Outcome failure(Color loser, EngineFailure f) {
        return new Outcome(Optional.of(loser.opponent()), loser.opponent().letter() + "+F", GameResult.End.FAILURE,
                Optional.of(loser.name().toLowerCase(Locale.ROOT) + " " + f.getMessage()));
    }

    private GameResult finish(int index, Color aColor, GameState game, Outcome o) {
        return finish(index, aColor, game, o, Optional.empty(), true, game.moves().size());
    }

    private GameResult finish(int index, Color aColor, GameState game, Outcome o, Optional<String> refereeScore,
                              boolean agrees, int moves) {
        GameResult r = new GameResult(index, aColor, o.winner(), o.result(), o.end(), moves, refereeScore, agrees,
                o.failure());
        config.sgfDir().ifPresent(dir -> save(dir, r, game));
        return r;
    }

    private void save(Path dir, GameResult r, GameState game) {
        SgfNode root = SgfGames.record(game, "Chinese", r.result());
        String a = config.engineA();
        String b = config.engineB();
        root.add("PB", r.engineAColor() == Color.BLACK ? a : b).add("PW", r.engineAColor() == Color.BLACK ? b : a);
        root.add("GN", "game " + r.index());
        r.failure().ifPresent(f -> root.add("GC", f));
        try {
            Files.createDirectories(dir);
            Corpus.saveAs(dir.resolve(String.format(Locale.ROOT, "game-%03d.sgf", r.index())), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save game " + r.index() + " in " + dir, e);
        }
    }

    private void setup(GtpClient e) throws EngineFailure {
        // the first answer waits for the engine's start-up (a JVM loading networks), so it gets the move timeout too
        e.send("boardsize " + config.size(), Math.max(SETUP_TIMEOUT_SECONDS, config.moveTimeoutSeconds()));
        e.send("clear_board", SETUP_TIMEOUT_SECONDS);
        e.send("komi " + config.komi(), SETUP_TIMEOUT_SECONDS);
    }

    /** Returns true when the referee is ready for this game. */
    private boolean startReferee() {
        if (config.referee().isEmpty()) {
            return false;
        }
        try {
            if (referee == null || !referee.isAlive()) {
                referee = new GtpClient(config.referee().get());
            }
            setup(referee);
            return true;
        } catch (EngineFailure f) {
            closeReferee();
            return false;
        }
    }

    private boolean tryReferee(String play) {
        try {
            referee.send(play, SETUP_TIMEOUT_SECONDS);
            return true;
        } catch (EngineFailure f) {
            closeReferee();
            return false;
        }
    }

    private GtpClient start(int e) throws EngineFailure {
        GtpClient c = e == 0 ? engineA : engineB;
        if (c == null || !c.isAlive()) {
            c = new GtpClient(e == 0 ? config.engineA() : config.engineB());
            if (e == 0) {
                engineA = c;
            } else {
                engineB = c;
            }
        }
        return c;
    }

    private void restartClient(GtpClient c) {
        restart(c == engineA ? 0 : 1);
    }

    /** Ends engine {@code e}; the next game starts it afresh. */
    private void restart(int e) {
        GtpClient c = e == 0 ? engineA : engineB;
        if (c != null) {
            c.close();
        }
        if (e == 0) {
            engineA = null;
        } else {
            engineB = null;
        }
    }

    private void closeReferee() {
        if (referee != null) {
            referee.close();
            referee = null;
        }
    }

    private void closeAll() {
        restart(0);
        restart(1);
        closeReferee();
    }

    /** Returns the colour as GTP commands name it: "black" or "white". */
    static String colourWord(Color c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    /** Parses white-space separated vertices; throws IllegalArgumentException on a bad one. */
    static int[] parseVertices(Coords coords, String text) {
        MutableIntList out = new IntArrayList();
        for (String v : text.strip().split("\\s+")) {
            if (!v.isEmpty()) {
                out.add(coords.parseVertex(v));
            }
        }
        return out.toArray();
    }
}
