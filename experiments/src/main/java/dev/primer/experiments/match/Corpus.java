package dev.primer.experiments.match;

import dev.primer.go.GameState;
import dev.primer.go.Move;
import dev.primer.go.Rules;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.corpus.GameCorpus;
import dev.primer.go.score.DeadStones;
import dev.primer.go.score.Score;
import dev.primer.go.sgf.Sgf;
import dev.primer.go.sgf.SgfGames;
import dev.primer.go.sgf.SgfNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.eclipse.collections.impl.set.mutable.primitive.IntHashSet;

/**
 * Generates a game corpus by engine self-play: game {@code i} starts with random legal moves drawn from (seed, i), then
 * the engine plays both colours until two passes or a resignation. Finished games are scored by area (Chinese rules,
 * positional superko) after removing the stones the engine names dead, and saved as {@code game-NNNNNN.sgf}.
 * <p>
 * The ledger {@code corpus.tsv} in the output directory records every game id once (kept, duplicate or failed) and
 * makes a run resumable: a rerun with a larger target adds games and replays none. A game whose move sequence equals a
 * kept game's is dropped as a duplicate; an engine that crashes, times out or plays an illegal move costs that game,
 * and is restarted for the next.
 */
public final class Corpus {
    /** The ledger's file name. */
    public static final String LEDGER = "corpus.tsv";
    /** Games in a row that may fail before the run stops: an engine that fails them all is broken, not unlucky. */
    public static final int MAX_FAILURES_IN_A_ROW = 10;
    private static final String HEADER = "game\tstatus\tmoves\tresult\tdetail";
    private static final double SETUP_TIMEOUT_SECONDS = 30;

    /** What became of one game id. */
    public enum Status { KEPT, DUPLICATE, FAILED }

    /**
     * One ledger row.
     *
     * @param game   game id from 1
     * @param status kept, duplicate or failed
     * @param moves  the moves as GTP vertices separated by spaces (empty for a failed game)
     * @param result the SGF result of a finished game ("B+3", "W+R"), empty otherwise
     * @param detail the engine's own score, or what went wrong
     */
    public record Entry(int game, Status status, String moves, String result, String detail) {
    }

    /**
     * The corpus after a run.
     *
     * @param kept       games in the corpus
     * @param duplicates games dropped because a kept game has the same moves
     * @param failed     games lost to an engine failure or the move limit
     */
    public record Summary(int kept, int duplicates, int failed) {
    }

    private final CorpusConfig config;
    private final Consumer<Entry> onGame;
    private final Path ledger;
    private final IntHashSet recorded = new IntHashSet();
    private final Set<String> keptMoves = new HashSet<>();
    private int kept;
    private int duplicates;
    private int failed;
    private int inFlight;
    private int nextGame = 1;
    private int failuresInARow;
    /** Set once the run ends (a worker failed, or all are done): games in play are dropped, not recorded. */
    private volatile boolean aborted;
    private String lastFailure = "";

    /** Creates a generator that reports each game to {@code onGame} (from worker threads, one at a time). */
    public Corpus(CorpusConfig config, Consumer<Entry> onGame) {
        this.config = config;
        this.onGame = onGame;
        this.ledger = config.out().resolve(LEDGER);
    }

    /**
     * Plays games until the corpus holds {@code config.games()} kept games and returns the counts; throws
     * IllegalStateException when {@value #MAX_FAILURES_IN_A_ROW} games in a row fail (what was kept stays), and
     * IllegalArgumentException when the ledger was made with another engine, size, komi, opening or seed.
     */
    public Summary run() throws IOException {
        Files.createDirectories(config.out());
        readLedger();
        ExecutorService pool = Executors.newFixedThreadPool(config.threads());
        ExecutorCompletionService<Void> workers = new ExecutorCompletionService<>(pool);
        try {
            for (int t = 0; t < config.threads(); t++) {
                workers.submit(this::work, null);
            }
            for (int t = 0; t < config.threads(); t++) {
                // the first worker to fail ends the run: the others stop claiming games
                workers.take().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } finally {
            aborted = true;
            pool.shutdownNow();
            try {
                pool.awaitTermination((long) SETUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return summary();
    }

    /** Returns the counts so far. */
    public synchronized Summary summary() {
        return new Summary(kept, duplicates, failed);
    }

    private void work() {
        try (Player player = new Player(config)) {
            int game;
            while ((game = claim()) > 0) {
                Game g = player.play(game);
                if (g.entry().status() == Status.FAILED && (aborted || Thread.currentThread().isInterrupted())) {
                    return;
                }
                complete(g);
            }
        }
    }

    /**
     * A played game: its ledger row and, when it finished, its record.
     *
     * @param entry  the ledger row (kept or failed; duplicates are found by whoever gathers the games)
     * @param record the SGF game tree of a finished game, null for a failed one
     */
    public record Game(Entry entry, SgfNode record) {
    }

    /**
     * One engine process playing corpus games one after another: a game that fails (crash, timeout, illegal move)
     * comes back as a FAILED entry and the engine is restarted for the next. Game {@code id} depends on the
     * config and {@code id} alone, whichever player, thread or machine plays it.
     */
    public static final class Player implements AutoCloseable {
        private final CorpusConfig config;
        private GtpClient engine;
        private String name = "";

        /** Creates a player; the engine starts with the first game. */
        public Player(CorpusConfig config) {
            this.config = config;
        }

        /** Plays game {@code id} (from 1) and returns it. */
        public Game play(int id) {
            try {
                if (engine == null) {
                    engine = new GtpClient(config.engine());
                    name = (engine.send("name", SETUP_TIMEOUT_SECONDS) + " "
                            + engine.send("version", SETUP_TIMEOUT_SECONDS)).strip();
                }
                return Corpus.play(config, engine, name, id);
            } catch (EngineFailure | RuntimeException f) {
                close();
                return new Game(new Entry(id, Status.FAILED, "", "", String.valueOf(f.getMessage())), null);
            }
        }

        /** Ends the engine process, if one runs. */
        @Override
        public void close() {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }

    private static Game play(CorpusConfig config, GtpClient engine, String name, int id) throws EngineFailure {
        GameState game = new GameState(config.size(), Rules.CHINESE, config.komi());
        Coords coords = game.coords();
        engine.send("boardsize " + config.size(), SETUP_TIMEOUT_SECONDS);
        engine.send("clear_board", SETUP_TIMEOUT_SECONDS);
        engine.send("komi " + config.komi(), SETUP_TIMEOUT_SECONDS);
        SplittableRandom rng = new SplittableRandom(openingSeed(config.seed(), id));
        Color opener = game.toMove();
        for (int p : RandomOpening.play(game, config.randomOpening(), rng)) {
            engine.send("play " + Match.colourWord(opener) + " " + coords.vertex(p), config.moveTimeoutSeconds());
            opener = opener.opponent();
        }
        String result = null;
        while (!game.isOver()) {
            if (game.moves().size() >= config.maxMoves()) {
                return new Game(new Entry(id, Status.FAILED, "", "", "move limit " + config.maxMoves()), null);
            }
            Color c = game.toMove();
            String vertex = engine.send("genmove " + Match.colourWord(c), config.moveTimeoutSeconds());
            if (vertex.equalsIgnoreCase("resign")) {
                result = c.opponent().letter() + "+R";
                break;
            }
            int p;
            try {
                p = coords.parseVertex(vertex);
            } catch (IllegalArgumentException e) {
                throw new EngineFailure(EngineFailure.Kind.ILLEGAL_MOVE, "'" + vertex + "' is no vertex");
            }
            Legality l = game.play(c, p);
            if (l != Legality.OK) {
                throw new EngineFailure(EngineFailure.Kind.ILLEGAL_MOVE, "'" + vertex + "' (" + l + ")");
            }
        }
        String detail = "";
        if (result == null) {
            int[] dead;
            try {
                dead = Match.parseVertices(coords, engine.send("final_status_list dead", SETUP_TIMEOUT_SECONDS));
            } catch (IllegalArgumentException e) {
                throw new EngineFailure(EngineFailure.Kind.ERROR, "bad dead-stone list: " + e.getMessage());
            }
            for (int d : dead) {
                if (!coords.onBoard(d) || game.board().isEmpty(d)) {
                    throw new EngineFailure(EngineFailure.Kind.ERROR, "'" + coords.vertex(d) + "' is no stone");
                }
            }
            Score s = DeadStones.scoreWithout(game, dead);
            result = s.toString();
            String own = engine.send("final_score", SETUP_TIMEOUT_SECONDS);
            detail = "engine " + own + (Match.winnerLetter(own) == Match.winnerLetter(result) ? "" : " (disagrees)");
        }
        SgfNode root = SgfGames.record(game, "Chinese", result);
        root.add("PB", name).add("PW", name).add("GN", "game " + id);
        root.add("GC", String.format(Locale.ROOT, "primer go corpus: engine '%s', seed %d, game %d, %d random opening "
                + "moves", config.engine(), config.seed(), id, config.randomOpening()));
        return new Game(new Entry(id, Status.KEPT, moves(coords, game.moves()), result, detail), root);
    }

    /** Returns the seed of game {@code id}'s opening: a function of (seed, id) alone, so threads change nothing. */
    static long openingSeed(long seed, int id) {
        return seed * 0x9E3779B97F4A7C15L + id;
    }

    /** Returns the next game id to play, or 0 when the games in the corpus and in play reach the target. */
    private synchronized int claim() {
        if (aborted || kept + inFlight >= config.games()) {
            return 0;
        }
        if (failuresInARow >= MAX_FAILURES_IN_A_ROW) {
            return 0;
        }
        while (recorded.contains(nextGame)) {
            nextGame++;
        }
        inFlight++;
        return nextGame++;
    }

    /** Saves a kept game, then records it in the ledger (the commit point of a game). */
    private synchronized void complete(Game p) {
        inFlight--;
        Entry e = p.entry();
        if (e.status() == Status.KEPT && keptMoves.contains(e.moves())) {
            e = new Entry(e.game(), Status.DUPLICATE, e.moves(), e.result(), e.detail());
        }
        try {
            if (e.status() == Status.KEPT) {
                save(config.out(), e.game(), p.record());
            }
            try (BufferedWriter w = Files.newBufferedWriter(ledger, StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND)) {
                w.write(row(e));
            }
        } catch (IOException x) {
            throw new UncheckedIOException("cannot record game " + e.game() + " in " + config.out(), x);
        }
        count(e);
        failuresInARow = e.status() == Status.FAILED ? failuresInARow + 1 : 0;
        if (e.status() == Status.FAILED) {
            lastFailure = e.detail();
        }
        onGame.accept(e);
        if (failuresInARow >= MAX_FAILURES_IN_A_ROW && inFlight == 0) {
            throw new IllegalStateException(MAX_FAILURES_IN_A_ROW + " games in a row failed, the last with: "
                    + lastFailure + " (engine '" + config.engine() + "'); the " + kept + " kept games stay in "
                    + config.out());
        }
    }

    /**
     * Saves game {@code id} as {@code dir/}{@link #fileName}: written to a temporary file of its own (ending in
     * {@code .tmp}), then renamed over any earlier copy, so that the name only ever holds a whole game and writers of
     * the same game replace, never mix, each other's files.
     */
    public static void save(Path dir, int id, SgfNode record) throws IOException {
        saveAs(dir.resolve(fileName(id)), record);
    }

    /** Saves {@code record} as {@code file} the way {@link #save} does: whole or not at all under that name. */
    public static void saveAs(Path file, SgfNode record) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, Sgf.write(List.of(record)), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Returns ledger row {@code e} with its newline, tabs and newlines in the detail turned into spaces. */
    public static String row(Entry e) {
        return e.game() + "\t" + e.status().name().toLowerCase(Locale.ROOT) + "\t" + e.moves() + "\t" + e.result()
                + "\t" + e.detail().replace('\t', ' ').replace('\n', ' ') + "\n";
    }

    /**
     * Writes the kept games of corpus directory {@code dir}, in game order, to the collection {@code file}
     * ({@code .sgf.gz}, one game a line) and its ledger beside it as {@link #ledgerOf}; returns the number of games.
     */
    public static int pack(Path dir, Path file) throws IOException {
        List<SgfNode> roots = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(LEDGER), StandardCharsets.UTF_8)) {
            Entry e = parse(line);
            if (e != null && e.status() == Status.KEPT) {
                roots.addAll(Sgf.parse(Files.readString(dir.resolve(fileName(e.game())), StandardCharsets.UTF_8)));
            }
        }
        GameCorpus.write(file, roots);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(ledgerOf(file)))) {
            Files.copy(dir.resolve(LEDGER), out);
        }
        return roots.size();
    }

    /**
     * Restores corpus directory {@code dir} from a collection written by {@link #pack} and its ledger, so that a
     * generation run into {@code dir} resumes; returns the number of games.
     */
    public static int unpack(Path file, Path dir) throws IOException {
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve(LEDGER))) {
            throw new IllegalArgumentException(dir + " already holds a corpus: unpack into a new directory");
        }
        List<SgfNode> roots = Sgf.parse(new String(readGzip(file), StandardCharsets.UTF_8));
        for (SgfNode root : roots) {
            String gn = root.get("GN");
            if (gn == null || !gn.matches("game \\d+")) {
                throw new IllegalArgumentException(file + ": a game without 'GN[game N]' was not packed by primer");
            }
            Files.writeString(dir.resolve(fileName(Integer.parseInt(gn.substring(5)))), Sgf.write(List.of(root)),
                    StandardCharsets.UTF_8);
        }
        Files.write(dir.resolve(LEDGER), readGzip(ledgerOf(file)));
        return roots.size();
    }

    /** Returns the ledger file that travels with packed collection {@code file}: "x.sgf.gz" → "x.tsv.gz". */
    public static Path ledgerOf(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.sgf(\\.gz)?$", "");
        return file.resolveSibling(name + ".tsv.gz");
    }

    private static byte[] readGzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** Adds a recorded game to the counts. */
    private void count(Entry e) {
        recorded.add(e.game());
        switch (e.status()) {
            case KEPT -> {
                kept++;
                keptMoves.add(e.moves());
            }
            case DUPLICATE -> duplicates++;
            case FAILED -> failed++;
        }
    }

    /** Returns the SGF file name of game {@code id}. */
    public static String fileName(int id) {
        return String.format(Locale.ROOT, "game-%06d.sgf", id);
    }

    /** The settings a ledger is bound to: a rerun must use the same ones. */
    private static Map<String, String> identity(CorpusConfig config) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("engine", config.engine());
        m.put("size", Integer.toString(config.size()));
        m.put("komi", Double.toString(config.komi()));
        m.put("random-opening", Integer.toString(config.randomOpening()));
        m.put("seed", Long.toString(config.seed()));
        return m;
    }

    /** Returns the head of a ledger for {@code config}: its settings as comment lines, then the column names. */
    public static String ledgerHead(CorpusConfig config) {
        StringBuilder head = new StringBuilder();
        identity(config).forEach((k, v) -> head.append("# ").append(k).append('=').append(v).append('\n'));
        return head.append(HEADER).append('\n').toString();
    }

    private void readLedger() throws IOException {
        Map<String, String> identity = identity(config);
        if (!Files.exists(ledger)) {
            Files.writeString(ledger, ledgerHead(config), StandardCharsets.UTF_8);
            return;
        }
        byte[] all = Files.readAllBytes(ledger);
        // the end of the last whole line: a row after it was cut short by a crash
        int whole = all.length;
        while (whole > 0 && all[whole - 1] != '\n') {
            whole--;
        }
        boolean endsWithNewline = whole == all.length;
        List<String> lines = new String(all, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("# ")) {
                String[] kv = line.substring(2).split("=", 2);
                String want = identity.get(kv[0]);
                if (want != null && kv.length == 2 && !want.equals(kv[1])) {
                    throw new IllegalArgumentException(ledger + " was made with " + kv[0] + " " + kv[1] + ", not "
                            + want + ": use another --out or the same settings");
                }
                continue;
            }
            if (line.equals(HEADER) || line.isEmpty()) {
                continue;
            }
            Entry e = parse(line);
            if (e == null) {
                if (i == lines.size() - 1 && !endsWithNewline) {
                    break;
                }
                throw new IOException(ledger + ":" + (i + 1) + ": not a ledger row: '" + line + "'");
            }
            count(e);
        }
        if (!endsWithNewline) {
            // drop the cut row, so that the replayed game's row starts a line of its own
            try (FileChannel ch = FileChannel.open(ledger, StandardOpenOption.WRITE)) {
                ch.truncate(whole);
            }
        }
    }

    /** Parses a ledger row; null when it is not one (a row cut short by a crash). */
    public static Entry parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 5) {
            return null;
        }
        try {
            Status s = Status.valueOf(f[1].toUpperCase(Locale.ROOT));
            return new Entry(Integer.parseInt(f[0]), s, f[2], f[3], f[4]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Returns the moves of a game as the ledger writes them. */
    static String moves(Coords coords, List<Move> moves) {
        return moves.stream().map(m -> coords.vertex(m.point())).collect(Collectors.joining(" "));
    }
}
