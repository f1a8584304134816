package dev.primer.go.corpus;

import dev.primer.go.sgf.Sgf;
import dev.primer.go.sgf.SgfException;
import dev.primer.go.sgf.SgfNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes game corpora: a directory of {@code .sgf} files (read in name order), or one collection file,
 * {@code .sgf} or gzip-compressed {@code .sgf.gz}, with one game tree per line as {@link Sgf#write} writes them.
 * A malformed game is skipped and named with its file, line and column; a game of another board size is skipped
 * and named; the rest of the corpus loads.
 */
public final class GameCorpus {
    private GameCorpus() {
    }

    /** Returns the games of board size {@code size} at {@code path}, reporting each skipped game to {@code skipped}. */
    public static List<GameRecord> read(Path path, int size, Consumer<String> skipped) throws IOException {
        List<GameRecord> games = new ArrayList<>();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".sgf")).sorted().toList();
            }
            for (Path f : files) {
                readText(f.toString(), Files.readString(f, StandardCharsets.UTF_8), false, size, games, skipped);
            }
        } else if (Files.isRegularFile(path)) {
            readText(path.toString(), readMaybeGzip(path), true, size, games, skipped);
        } else {
            throw new IOException("no corpus at " + path + ": expected a directory of .sgf files or a .sgf(.gz) file");
        }
        return games;
    }

    /**
     * Returns the games of board size {@code size} in the collection read from {@code in} (gzip-compressed when
     * {@code gzip}), named {@code name} in sources and messages; each skipped game is reported to {@code skipped}.
     */
    public static List<GameRecord> read(String name, InputStream in, boolean gzip, int size, Consumer<String> skipped)
            throws IOException {
        List<GameRecord> games = new ArrayList<>();
        readText(name, readAll(gzip ? new GZIPInputStream(in) : in), true, size, games, skipped);
        return games;
    }

    /** Writes {@code roots} to {@code file} as one game tree per line, gzip-compressed when the name ends in .gz. */
    public static void write(Path file, List<SgfNode> roots) throws IOException {
        byte[] text = Sgf.write(roots).getBytes(StandardCharsets.UTF_8);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
             OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw) {
            out.write(text);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String readMaybeGzip(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return readAll(in);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void readText(String name, String text, boolean collection, int size, List<GameRecord> games,
                                 Consumer<String> skipped) {
        if (!collection) {
            readTrees(name, text, -1, size, games, skipped);
            return;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                readTrees(name, lines[i], i, size, games, skipped);
            }
        }
    }

    /**
     * Reads the game trees of {@code text}: line {@code line} (0-based) of collection {@code name}, or the whole file
     * {@code name} when {@code line} is -1.
     */
    private static void readTrees(String name, String text, int line, int size, List<GameRecord> games,
                                  Consumer<String> skipped) {
        int lineOffset = Math.max(0, line);
        List<SgfNode> roots;
        try {
            roots = Sgf.parse(text);
        } catch (SgfException e) {
            skipped.accept(name + ":" + (e.line() + lineOffset) + ":" + e.column() + ": " + e.getMessage());
            return;
        }
        for (int t = 0; t < roots.size(); t++) {
            String source = (line >= 0 ? name + ":" + (line + 1) : name) + (roots.size() > 1 ? "#" + (t + 1) : "");
            SgfNode root = roots.get(t);
            String sz = root.get("SZ");
            if (sz != null && !sz.strip().equals(Integer.toString(size))) {
                skipped.accept(source + ": a game of size " + sz.strip() + ", not " + size);
                continue;
            }
            GameRecord g;
            try {
                g = GameRecord.of(source, root);
            } catch (IllegalArgumentException e) {
                skipped.accept(e.getMessage());
                continue;
            }
            if (g.size() != size) {
                skipped.accept(source + ": a game of size " + g.size() + ", not " + size);
                continue;
            }
            games.add(g);
        }
    }
}
