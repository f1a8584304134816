package dev.primer.experiments.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The text corpora primer finds on the machine through Debian packages. */
public final class Corpora {
    /** The {@code bible} program of Debian's {@code bible-kjv}, which decompresses {@code bible-kjv-text}. */
    static final Path BIBLE = Path.of("/usr/bin/bible");
    /** Every verse, Genesis 1:1 to Revelation 22:21, in {@code bible}'s reference syntax. */
    private static final String WHOLE_BIBLE = "gen1:1-rev22:21";
    /** Verses in the King James Version (Protestant canon). */
    static final int KJV_VERSES = 31_102;
    /** Where Debian's {@code fortunes} package puts its cookie files (each beside a .dat index and a .u8 link). */
    static final Path FORTUNES = Path.of("/usr/share/games/fortunes");

    private Corpora() {
    }

    /**
     * The King James Bible's 31,102 verses in order, without their references, read through {@code bible -f} (Debian
     * {@code bible-kjv} and {@code bible-kjv-text}); fails naming the packages when they are missing.
     */
    public static List<String> kingJamesVerses() {
        if (!Files.isExecutable(BIBLE)) {
            throw new IllegalStateException(BIBLE + " not found: install the Debian packages with `apt-get install"
                    + " bible-kjv bible-kjv-text` (./primer test does this)");
        }
        try {
            Process p = new ProcessBuilder(BIBLE.toString(), "-f", WHOLE_BIBLE).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(BIBLE + " -f " + WHOLE_BIBLE + " failed: " + firstLine(out));
            }
            List<String> verses = new ArrayList<>(KJV_VERSES);
            for (String line : out.split("\n")) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    verses.add(line.substring(space + 1).strip());
                }
            }
            if (verses.size() != KJV_VERSES) {
                throw new IllegalStateException(BIBLE + " -f " + WHOLE_BIBLE + ": expected " + KJV_VERSES
                        + " verses, read " + verses.size() + " (is bible-kjv-text installed?)");
            }
            return verses;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + BIBLE, e);
        }
    }

    /**
     * Every fortune of Debian's {@code fortunes} package (the cookie files of /usr/share/games/fortunes, entries
     * separated by lines of "%"), in file-name order, as UTF-8 text; fails naming the package when it is missing.
     */
    public static List<String> fortunes() {
        if (!Files.isDirectory(FORTUNES)) {
            throw new IllegalStateException(FORTUNES + " not found: install the Debian package with `apt-get install"
                    + " fortunes` (./primer test does this)");
        }
        try (var files = Files.list(FORTUNES)) {
            List<Path> cookies = files.filter(f -> !f.getFileName().toString().contains(".") && Files.isRegularFile(f))
                    .sorted().toList();
            List<String> out = new ArrayList<>();
            for (Path f : cookies) {
                for (String entry : Files.readString(f, StandardCharsets.UTF_8).split("(?m)^%\\n")) {
                    if (!entry.isBlank()) {
                        out.add(entry.strip());
                    }
                }
            }
            if (out.isEmpty()) {
                throw new IllegalStateException(FORTUNES + " holds no fortunes: reinstall the Debian package fortunes");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of the UTF-8 classpath resource {@code resource}; fails naming it when it is missing. */
    static List<String> resourceLines(String resource) {
        try (InputStream in = Corpora.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of {@code text}: its maximal runs of letters, lower-cased ("LORD's" gives "lord", "s"). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
