package dev.primer.nn.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Hershey vector fonts of Debian's {@code hershey-fonts-data}, read from their JHF files: one glyph per record, a
 * 5-column glyph id, a 3-column vertex count, then that many coordinate pairs, each character an offset from 'R'
 * (x to the right, y downwards); the first pair is the left and right margin and the pair " R" lifts the pen. A
 * record longer than a line continues on the next (the original distribution wraps at 72 columns; Debian's files
 * hold one record per line).
 */
public final class Hershey {
    /** Where {@code hershey-fonts-data} installs the fonts. */
    public static final Path DIR = Path.of("/usr/share/hershey-fonts");
    private static final int HEADER = 8;
    private static final char ORIGIN = 'R';

    private Hershey() {
    }

    /**
     * One glyph.
     *
     * @param font    the file it came from, without ".jhf"
     * @param index   its position in the file (0 for the first record)
     * @param id      the id in its record
     * @param left    left margin, relative to the glyph's origin
     * @param right   right margin
     * @param strokes pen-down polylines, each x₀, y₀, x₁, y₁, … relative to the origin (y downwards)
     */
    public record Glyph(String font, int index, int id, int left, int right, List<int[]> strokes) {
        /** The vertex count of its record: the margin pair, every point, and one pen-up marker between strokes. */
        public int vertexCount() {
            int n = 1 + Math.max(0, strokes.size() - 1);
            for (int[] s : strokes) {
                n += s.length / 2;
            }
            return n;
        }

        /** Its points. */
        public int points() {
            return vertexCount() - 1 - Math.max(0, strokes.size() - 1);
        }

        /**
         * The glyph in the stroke-3 format of Ha &amp; Eck 2017, §3.1: one row (Δx, Δy, p) per point, the offset from
         * the previous point (the first from the origin) and p = 1 where the pen lifts after the point.
         */
        public float[][] stroke3() {
            float[][] out = new float[points()][];
            int k = 0;
            int px = 0;
            int py = 0;
            for (int[] s : strokes) {
                for (int j = 0; j < s.length; j += 2) {
                    out[k++] = new float[] {s[j] - px, s[j + 1] - py, j + 2 == s.length ? 1 : 0};
                    px = s[j];
                    py = s[j + 1];
                }
            }
            return out;
        }
    }

    /**
     * Every glyph of every font in {@link #DIR}, fonts in name order; fails naming the Debian package when the
     * directory is missing.
     */
    public static List<Glyph> all() {
        if (!Files.isDirectory(DIR)) {
            throw new IllegalStateException(DIR + " not found: install the Debian package with `apt-get install"
                    + " hershey-fonts-data` (./primer test does this)");
        }
        List<Glyph> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".jhf")).sorted().toList()) {
                out.addAll(read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + DIR, e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(DIR + " holds no .jhf fonts: reinstall hershey-fonts-data");
        }
        return out;
    }

    /** The glyphs of one JHF file; a malformed record fails naming the file and line. */
    public static List<Glyph> read(Path file) {
        try {
            String name = file.getFileName().toString().replaceFirst("\\.jhf$", "");
            return parse(name, file.toString(), Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /**
     * The glyphs of JHF {@code lines} of font {@code font}, read from {@code source} (named in errors with the line
     * number).
     */
    public static List<Glyph> parse(String font, String source, List<String> lines) {
        List<Glyph> glyphs = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l);
            if (line.isBlank()) {
                continue;
            }
            int first = l + 1;
            if (line.length() < HEADER) {
                throw bad(source, first, "a record starts with a 5-column id and a 3-column vertex count, got \""
                        + line + "\"");
            }
            int id = number(line.substring(0, 5), source, first, "glyph id");
            int count = number(line.substring(5, HEADER), source, first, "vertex count");
            if (count < 1) {
                throw bad(source, first, "vertex count " + count + " leaves no margin pair");
            }
            StringBuilder data = new StringBuilder(line.substring(HEADER));
            while (data.length() < 2 * count && l + 1 < lines.size()) {
                data.append(lines.get(++l));
            }
            if (data.length() != 2 * count) {
                throw bad(source, first, "vertex count " + count + " needs " + 2 * count + " characters, the record"
                        + " has " + data.length());
            }
            glyphs.add(glyph(font, glyphs.size(), id, data.toString(), source, first));
        }
        return glyphs;
    }

    private static Glyph glyph(String font, int index, int id, String data, String source, int line) {
        List<int[]> strokes = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int k = 2; k < data.length(); k += 2) {
            if (data.charAt(k) == ' ' && data.charAt(k + 1) == ORIGIN) {
                if (current.isEmpty()) {
                    throw bad(source, line, "pen-up marker at vertex " + k / 2 + " ends an empty stroke");
                }
                strokes.add(toArray(current));
                current.clear();
            } else {
                current.add(data.charAt(k) - ORIGIN);
                current.add(data.charAt(k + 1) - ORIGIN);
            }
        }
        if (!current.isEmpty()) {
            strokes.add(toArray(current));
        } else if (!strokes.isEmpty()) {
            throw bad(source, line, "the record ends with a pen-up marker");
        }
        return new Glyph(font, index, id, data.charAt(0) - ORIGIN, data.charAt(1) - ORIGIN, List.copyOf(strokes));
    }

    private static int[] toArray(List<Integer> v) {
        int[] a = new int[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a;
    }

    private static int number(String field, String source, int line, String what) {
        try {
            return Integer.parseInt(field.strip());
        } catch (NumberFormatException e) {
            throw bad(source, line, what + " \"" + field + "\" is not a number");
        }
    }

    private static IllegalArgumentException bad(String source, int line, String why) {
        return new IllegalArgumentException(source + ":" + line + ": " + why);
    }
}
