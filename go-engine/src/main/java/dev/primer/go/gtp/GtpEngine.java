package dev.primer.go.gtp;

import dev.primer.go.GameState;
import dev.primer.go.Handicap;
import dev.primer.go.Rules;
import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.board.Stone;
import dev.primer.go.player.Decision;
import dev.primer.go.player.FlatMonteCarloPlayer;
import dev.primer.go.player.MoveGenerator;
import dev.primer.go.player.TimeBudget;
import dev.primer.go.player.TimeSettings;
import dev.primer.go.score.DeadStones;
import dev.primer.go.score.Score;
import dev.primer.go.sgf.Sgf;
import dev.primer.go.sgf.SgfException;
import dev.primer.go.sgf.SgfGames;
import dev.primer.go.sgf.SgfNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * A GTP version 2 engine (https://www.lysator.liu.se/~gunnar/gtp/gtp2-spec-draft2/gtp2-spec.html): the required
 * commands, the tournament and regression subsets, and KGS's extensions. Every command failure is answered with
 * "? reason" and the engine carries on; nothing a controller sends ends it except quit or end of input.
 */
public final class GtpEngine {
    /** The engine's GTP name. */
    public static final String NAME = "primer";
    /** The engine's GTP version. */
    public static final String VERSION = "0.1.0";

    private static final int DEFAULT_SIZE = 19;
    private static final double DEFAULT_KOMI = 7.5;
    private static final long SCORING_SEED = 0x5C0E;

    private final MoveGenerator generator;
    private final Rules rules;
    private final Map<String, Function<List<String>, String>> commands = new LinkedHashMap<>();
    private final TimeControl time = new TimeControl();
    private GameState game;
    private boolean quit;
    private Reader input;
    private Writer output;
    private Reply reply;

    /** Creates an engine on an empty 19x19 board, komi 7.5, that asks {@code generator} for moves. */
    public GtpEngine(MoveGenerator generator, Rules rules) {
        this.generator = generator;
        this.rules = rules;
        this.game = new GameState(DEFAULT_SIZE, rules, DEFAULT_KOMI);
        register();
    }

    /** Serves GTP on {@code in}/{@code out} with the flat Monte Carlo player and Chinese rules until quit or end of input. */
    public static void run(Reader in, Writer out) throws IOException {
        new GtpEngine(new FlatMonteCarloPlayer(FlatMonteCarloPlayer.Config.DEFAULT), Rules.CHINESE).serve(in, out);
    }

    /** What an extension command may do besides returning its result. */
    public interface Channel {
        /** Sends {@code line} to the controller now; the first line opens the reply ("=id" on a line of its own). */
        void send(String line);

        /** Returns true when the controller has sent more input: the signal to end a streaming command. */
        boolean inputPending();
    }

    /**
     * A command added with {@link #extend}: returns its result, maybe after streaming lines; an IllegalArgumentException
     * answers "? reason".
     */
    @FunctionalInterface
    public interface Extension {
        /** Answers {@code args}; lines sent on {@code channel} come before the result. */
        String apply(List<String> args, Channel channel);
    }

    /** Adds or replaces command {@code name}; known_command and list_commands include it. */
    public void extend(String name, Extension command) {
        commands.put(name, a -> command.apply(a, reply));
    }

    /** Answers commands from {@code in} on {@code out}, flushing after each reply, until quit or end of input. */
    public void serve(Reader in, Writer out) throws IOException {
        input = in;
        output = out;
        StringBuilder line = new StringBuilder();
        int ch;
        while (!quit && (ch = in.read()) != -1) {
            if (ch != '\n') {
                line.append((char) ch);
                continue;
            }
            String reply = respond(line.toString());
            line.setLength(0);
            if (!reply.isEmpty()) {
                out.write(reply);
                out.flush();
            }
        }
        if (!quit && line.length() > 0) {
            out.write(respond(line.toString()));
            out.flush();
        }
    }

    /** Returns the current game, for tests and tools. */
    public GameState game() {
        return game;
    }

    /**
     * Returns the full reply to one input line ("=id result\n\n" or "?id reason\n\n"), or "" for a line GTP says to
     * ignore (empty, white space or comment only).
     */
    public String respond(String rawLine) {
        String line = preprocess(rawLine);
        if (line.isBlank()) {
            return "";
        }
        List<String> words = new ArrayList<>(Arrays.asList(line.strip().split(" +")));
        String id = "";
        if (words.get(0).chars().allMatch(Character::isDigit)) {
            id = words.remove(0);
            if (words.isEmpty()) {
                return "?" + id + " missing command\n\n";
            }
        }
        String name = words.remove(0);
        Function<List<String>, String> command = commands.get(name);
        if (command == null) {
            return "?" + id + " unknown command\n\n";
        }
        reply = new Reply(id);
        String result;
        try {
            result = "=" + id + " " + command.apply(words) + "\n\n";
        } catch (GtpException | IllegalArgumentException | IllegalStateException e) {
            result = "?" + id + " " + oneLine(e.getMessage()) + "\n\n";
        } catch (RuntimeException e) {
            result = "?" + id + " internal error: " + oneLine(String.valueOf(e)) + "\n\n";
        }
        return reply.finish(result);
    }

    /** The reply being answered: lines streamed so far go out at once while serving, else into the returned reply. */
    private final class Reply implements Channel {
        private final String id;
        private final StringBuilder pending = new StringBuilder();
        private boolean opened;

        Reply(String id) {
            this.id = id;
        }

        @Override
        public void send(String line) {
            if (!opened) {
                opened = true;
                emit("=" + id + "\n");
            }
            emit(line + "\n");
        }

        @Override
        public boolean inputPending() {
            try {
                return input != null && input.ready();
            } catch (IOException e) {
                return true;
            }
        }

        private void emit(String text) {
            if (output == null) {
                pending.append(text);
                return;
            }
            try {
                output.write(text);
                output.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Returns what is left to write of a reply whose complete form would be {@code full}. */
        String finish(String full) {
            if (!opened) {
                return full;
            }
            String rest = full.substring(full.indexOf(' ') + 1).strip();
            boolean ok = full.startsWith("=");
            return pending + (ok && !rest.isEmpty() ? rest + "\n" : "") + "\n";
        }
    }

    /** GTP 3.1: drop control characters but HT and LF, cut comments, turn HT into space. */
    private static String preprocess(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '#') {
                break;
            }
            if (c == '\t') {
                sb.append(' ');
            } else if (c >= 32 && c != 127) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String oneLine(String message) {
        return message == null ? "error" : message.replace('\n', ' ');
    }

    private void register() {
        commands.put("protocol_version", a -> "2");
        commands.put("name", a -> NAME);
        commands.put("version", a -> VERSION);
        commands.put("known_command", a -> Boolean.toString(commands.containsKey(arg(a, 0))));
        commands.put("list_commands", a -> String.join("\n", commands.keySet()));
        commands.put("quit", a -> {
            quit = true;
            return "";
        });
        commands.put("boardsize", this::boardsize);
        commands.put("clear_board", a -> {
            game = new GameState(game.coords().size(), rules, game.komi());
            return "";
        });
        commands.put("komi", a -> {
            game.setKomi(parseDouble(arg(a, 0)));
            return "";
        });
        commands.put("play", this::play);
        commands.put("genmove", a -> genmove(a, true, false));
        commands.put("reg_genmove", a -> genmove(a, false, false));
        commands.put("kgs-genmove_cleanup", a -> genmove(a, true, true));
        commands.put("undo", a -> {
            if (!game.undo()) {
                throw new GtpException("cannot undo");
            }
            return "";
        });
        commands.put("fixed_handicap", this::fixedHandicap);
        commands.put("place_free_handicap", this::placeFreeHandicap);
        commands.put("set_free_handicap", this::setFreeHandicap);
        commands.put("time_settings", a -> {
            TimeSettings s = new TimeSettings(parseDouble(arg(a, 0)), parseDouble(arg(a, 1)), parseInt(arg(a, 2)));
            setTime(s);
            return "";
        });
        commands.put("kgs-time_settings", this::kgsTimeSettings);
        commands.put("time_left", a -> {
            time.left(parseColor(arg(a, 0)), parseDouble(arg(a, 1)), parseInt(arg(a, 2)));
            return "";
        });
        commands.put("final_score", a -> finalScore().toString());
        commands.put("final_status_list", this::finalStatusList);
        commands.put("loadsgf", this::loadsgf);
        commands.put("printsgf", this::printsgf);
        commands.put("showboard", a -> "\n" + showboard());
        commands.put("kgs-game_over", a -> "");
    }

    private String boardsize(List<String> a) {
        int size = parseInt(arg(a, 0));
        if (size < Coords.MIN_SIZE || size > Coords.MAX_SIZE) {
            throw new GtpException("unacceptable size");
        }
        game = new GameState(size, rules, game.komi());
        return "";
    }

    private String play(List<String> a) {
        Color c = parseColor(arg(a, 0));
        int p = parseVertex(arg(a, 1));
        Legality l = game.play(c, p);
        if (l != Legality.OK) {
            throw new GtpException("illegal move");
        }
        return "";
    }

    private String genmove(List<String> a, boolean play, boolean cleanup) {
        Color c = parseColor(arg(a, 0));
        GameState view = game.copy();
        TimeBudget budget = time.budget(c);
        Decision d = cleanup ? generator.genmoveCleanup(view, c, budget) : generator.genmove(view, c, budget);
        return answerGenerated(c, d, play);
    }

    /**
     * Returns the GTP answer to a generated move, "resign" or its vertex, after playing it for {@code c} when
     * {@code play}; a move that is off the board or illegal is refused (the command answers "? reason") and nothing is
     * played, so a faulty generator shows instead of passing silently.
     */
    public String answerGenerated(Color c, Decision d, boolean play) {
        if (!(d instanceof Decision.Play move)) {
            return "resign";
        }
        int p = move.point();
        Coords coords = game.coords();
        if (p != Coords.PASS && !coords.onBoard(p)) {
            throw new GtpException("move generator chose no board point (" + p + ")");
        }
        Legality l = game.legality(c, p);
        if (!l.isLegal()) {
            throw new GtpException("move generator chose an illegal move: " + coords.vertex(p) + " ("
                    + l.name().toLowerCase(Locale.ROOT) + ")");
        }
        if (play) {
            game.play(c, p);
        }
        return coords.vertex(p);
    }

    private String fixedHandicap(List<String> a) {
        int n = parseInt(arg(a, 0));
        requireEmptyBoard();
        if (n < 2 || n > Handicap.maxFixed(game.coords().size())) {
            throw new GtpException("invalid number of stones");
        }
        return vertices(game.placeFixedHandicap(n));
    }

    /** Places the fixed pattern when it exists, then adds stones farthest from those already placed. */
    private String placeFreeHandicap(List<String> a) {
        int n = parseInt(arg(a, 0));
        requireEmptyBoard();
        Coords coords = game.coords();
        if (n < 2 || n >= coords.area()) {
            throw new GtpException("invalid number of stones");
        }
        int fixed = Math.min(n, Handicap.maxFixed(coords.size()));
        MutableIntList points = new IntArrayList();
        if (fixed >= 2) {
            points.addAll(Handicap.fixed(coords, fixed));
        }
        while (points.size() < n) {
            int best = Coords.NONE;
            int bestDistance = -1;
            for (int p : coords.points()) {
                int d = Integer.MAX_VALUE;
                for (int i = 0; i < points.size(); i++) {
                    int q = points.get(i);
                    d = Math.min(d, Math.abs(coords.x(p) - coords.x(q)) + Math.abs(coords.y(p) - coords.y(q)));
                }
                if (d > bestDistance && d > 0) {
                    best = p;
                    bestDistance = d;
                }
            }
            points.add(best);
        }
        game.placeHandicap(points.toArray());
        return vertices(points.toArray());
    }

    private String setFreeHandicap(List<String> a) {
        requireEmptyBoard();
        int[] points = new int[a.size()];
        for (int i = 0; i < points.length; i++) {
            points[i] = parseVertex(a.get(i));
            if (points[i] == Coords.PASS) {
                throw new GtpException("bad vertex list");
            }
        }
        try {
            game.placeHandicap(points);
        } catch (IllegalArgumentException e) {
            throw new GtpException("bad vertex list");
        }
        return "";
    }

    private String kgsTimeSettings(List<String> a) {
        String kind = arg(a, 0).toLowerCase(Locale.ROOT);
        TimeSettings s = switch (kind) {
            case "none" -> TimeSettings.NONE;
            case "absolute" -> new TimeSettings(parseDouble(arg(a, 1)), 0, 0);
            case "byoyomi" -> new TimeSettings(parseDouble(arg(a, 1)), parseDouble(arg(a, 2)), 1);
            case "canadian" -> new TimeSettings(parseDouble(arg(a, 1)), parseDouble(arg(a, 2)), parseInt(arg(a, 3)));
            default -> throw new GtpException("unknown time system " + kind);
        };
        setTime(s);
        return "";
    }

    private void setTime(TimeSettings s) {
        if (s.mainSeconds() < 0 || s.byoYomiSeconds() < 0 || s.byoYomiStones() < 0) {
            throw new GtpException("syntax error");
        }
        time.set(s);
        generator.timeSettings(s);
    }

    private Score finalScore() {
        return DeadStones.scoreWithout(game, deadStones());
    }

    private int[] deadStones() {
        return DeadStones.estimate(game, DeadStones.DEFAULT_PLAYOUTS, SCORING_SEED);
    }

    private String finalStatusList(List<String> a) {
        String status = arg(a, 0).toLowerCase(Locale.ROOT);
        if (!status.equals("alive") && !status.equals("dead") && !status.equals("seki")) {
            throw new GtpException("syntax error");
        }
        int[] seki = DeadStones.seki(game);
        if (status.equals("seki")) {
            return vertices(seki);
        }
        int[] dead = deadStones();
        Board board = game.board();
        MutableIntList out = new IntArrayList();
        if (status.equals("dead")) {
            out.addAll(dead);
        } else {
            Arrays.sort(dead);
            Arrays.sort(seki);
            for (int p : game.coords().points()) {
                Stone s = board.stoneAt(p);
                if ((s == Stone.BLACK || s == Stone.WHITE) && Arrays.binarySearch(dead, p) < 0
                        && Arrays.binarySearch(seki, p) < 0) {
                    out.add(p);
                }
            }
        }
        return vertices(out.toArray());
    }

    private String loadsgf(List<String> a) {
        String file = arg(a, 0);
        int stopBefore = a.size() > 1 ? parseInt(a.get(1)) : Integer.MAX_VALUE;
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new GtpException("cannot load file");
        }
        try {
            game = SgfGames.load(Sgf.parse(text).get(0), rules, stopBefore);
        } catch (SgfException e) {
            throw new GtpException(e.getMessage());
        }
        return game.toMove().name().toLowerCase(Locale.ROOT);
    }

    private String printsgf(List<String> a) {
        String result = game.isOver() ? finalScore().toString() : null;
        String sgf = Sgf.write(List.of(SgfGames.record(game, rules.sgfName(), result)));
        if (a.isEmpty()) {
            return sgf.strip();
        }
        try {
            Files.writeString(Path.of(a.get(0)), sgf, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new GtpException("cannot write file");
        }
        return "";
    }

    /** Returns the board as GNU Go's showboard draws it: coordinates around, X black, O white. */
    private String showboard() {
        Coords coords = game.coords();
        int size = coords.size();
        StringBuilder header = new StringBuilder("   ");
        for (int x = 0; x < size; x++) {
            header.append(Coords.columnLetter(x)).append(' ');
        }
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (int y = 0; y < size; y++) {
            String row = String.format(Locale.ROOT, "%2d ", size - y);
            sb.append(row);
            for (int x = 0; x < size; x++) {
                sb.append(game.board().stoneAt(coords.point(x, y)).symbol()).append(' ');
            }
            sb.append(row.strip());
            if (y == 0) {
                sb.append("   captures B ").append(game.board().captures(Color.BLACK))
                        .append(" W ").append(game.board().captures(Color.WHITE));
            }
            sb.append('\n');
        }
        return sb.append(header).toString().stripTrailing();
    }

    private void requireEmptyBoard() {
        if (game.board().emptyCount() != game.coords().area() || !game.moves().isEmpty()) {
            throw new GtpException("board not empty");
        }
    }

    private String vertices(int[] points) {
        StringBuilder sb = new StringBuilder();
        for (int p : points) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(game.coords().vertex(p));
        }
        return sb.toString();
    }

    private static String arg(List<String> a, int i) {
        if (i >= a.size()) {
            throw new GtpException("syntax error");
        }
        return a.get(i);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new GtpException("syntax error");
        }
    }

    private static double parseDouble(String s) {
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw new GtpException("syntax error");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new GtpException("syntax error");
        }
    }

    private static Color parseColor(String s) {
        try {
            return Color.parse(s);
        } catch (IllegalArgumentException e) {
            throw new GtpException("invalid color");
        }
    }

    private int parseVertex(String s) {
        try {
            return game.coords().parseVertex(s);
        } catch (IllegalArgumentException e) {
            throw new GtpException("invalid vertex");
        }
    }
}
