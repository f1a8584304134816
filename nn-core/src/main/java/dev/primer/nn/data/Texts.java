package dev.primer.nn.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The text corpora primer finds on the machine. */
public final class Texts {
    /** The whole King James Bible as Debian's {@code bible} program names it. */
    private static final String WHOLE_BIBLE = "Gen1:1-Rev22:21";

    private Texts() {
    }

    /**
     * The King James Bible (Debian's {@code bible-kjv}, which reads the text of {@code bible-kjv-text}), one verse per
     * line, without book, chapter and verse numbers: about 4.2 million characters.
     */
    public static String kingJamesBible() {
        String raw;
        try {
            Process p = new ProcessBuilder("bible", WHOLE_BIBLE).redirectErrorStream(true).start();
            raw = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("`bible " + WHOLE_BIBLE + "` failed: " + firstLine(raw));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the King James Bible is read with Debian's `bible` program, which was "
                    + "not found: install it with `apt-get install bible-kjv` (./primer test does this)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the King James Bible", e);
        }
        return verses(raw);
    }

    /**
     * The verses of {@code bible}'s output: chapter headings ("Genesis 1", the first line after a blank one) dropped,
     * each verse's number removed and its wrapped lines joined.
     */
    static String verses(String raw) {
        StringBuilder out = new StringBuilder();
        StringBuilder verse = new StringBuilder();
        boolean afterBlank = true;
        for (String line : raw.split("\n")) {
            if (line.isBlank()) {
                flush(out, verse);
                afterBlank = true;
                continue;
            }
            if (line.matches("^ +\\d+ .*")) {
                flush(out, verse);
                verse.append(line.replaceFirst("^ +\\d+ ", ""));
            } else if (!afterBlank) {
                verse.append(' ').append(line.strip());
            }
            afterBlank = false;
        }
        flush(out, verse);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder verse) {
        if (!verse.isEmpty()) {
            out.append(verse).append('\n');
            verse.setLength(0);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
