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

/** The text corpora primer finds on the machine through Debian packages, beside nn-core's {@code Texts}. */
public final class Corpora {
    /** Where Debian's {@code fortunes} package puts its cookie files (each beside a .dat index and a .u8 link). */
    static final Path FORTUNES = Path.of("/usr/share/games/fortunes");

    private Corpora() {
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
}
