package dev.primer.nn.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The text corpora primer finds on the machine. */
public final class Texts {
    /** The {@code bible} program of Debian's {@code bible-kjv}, which decompresses {@code bible-kjv-text}. */
    static final Path BIBLE = Path.of("/usr/bin/bible");
    /** Every verse, Genesis 1:1 to Revelation 22:21, in {@code bible}'s reference syntax. */
    private static final String WHOLE_BIBLE = "gen1:1-rev22:21";
    /** Verses in the King James Version (Protestant canon). */
    static final int KJV_VERSES = 31_102;

    private Texts() {
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
            List<String> verses = verses(out);
            if (verses.size() != KJV_VERSES) {
                throw new IllegalStateException(BIBLE + " -f " + WHOLE_BIBLE + ": expected " + KJV_VERSES
                        + " verses, read " + verses.size() + " (is bible-kjv-text installed?)");
            }
            return verses;
        } catch (IOException e) {
            throw new IllegalStateException("reading " + BIBLE + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + BIBLE, e);
        }
    }

    /** The King James Bible as one text, one verse per line (about 4.1 million characters). */
    public static String kingJamesBible() {
        return String.join("\n", kingJamesVerses()) + "\n";
    }

    /** The verses of {@code bible -f}'s output, one per line after its reference ("Gen1:1 In the beginning..."). */
    static List<String> verses(String raw) {
        List<String> verses = new ArrayList<>(KJV_VERSES);
        for (String line : raw.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                verses.add(line.substring(space + 1).strip());
            }
        }
        return verses;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
