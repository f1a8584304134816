package dev.primer.mcts.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.Rules;
import dev.primer.go.gtp.GtpEngine;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GtpAnalysisTest {
    private static final Pattern INFO = Pattern.compile(
            "info move [A-HJ-T]\\d+ visits \\d+ winrate \\d+ prior \\d+ lcb \\d+ order 0 pv( [A-HJ-T]\\d+)+.*");

    private static GtpEngine engine(int playouts) {
        GtpEngine e = MctsGtp.engine(new MctsPlayer(PlayerConfig.defaults(playouts)), Rules.CHINESE);
        e.respond("boardsize 9");
        e.respond("komi 7");
        return e;
    }

    @Test
    void genmoveAnalyzeStreamsLeelaZeroInfoLinesThenPlaysTheMove() {
        GtpEngine e = engine(3_000);
        String reply = e.respond("5 lz-genmove_analyze b 5");
        String[] lines = reply.split("\n");
        assertEquals("=5", lines[0]);
        assertTrue(lines.length >= 3, reply);
        for (int i = 1; i < lines.length - 1; i++) {
            assertTrue(INFO.matcher(lines[i]).matches(), lines[i]);
        }
        String play = lines[lines.length - 1];
        assertTrue(play.matches("play [A-HJ]\\d"), play);
        assertEquals(1, e.game().moves().size(), "the move was played");
        assertTrue(reply.endsWith("\n\n"));
    }

    /** A reader that says no input is waiting for the first {@code quietChecks} polls. */
    private static final class SlowReader extends Reader {
        private final Reader in;
        private int quietChecks;

        SlowReader(String text, int quietChecks) {
            this.in = new StringReader(text);
            this.quietChecks = quietChecks;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            return in.read(buf, off, len);
        }

        @Override
        public boolean ready() throws IOException {
            return quietChecks-- <= 0 && in.ready();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    @Test
    void analyzeStreamsUntilTheNextCommandArrives() throws IOException {
        GtpEngine e = engine(1_000);
        StringWriter out = new StringWriter();
        e.serve(new SlowReader("1 lz-analyze 10\n2 name\n", 3), out);
        String[] lines = out.toString().split("\n");
        assertEquals("=1", lines[0]);
        assertEquals(3, out.toString().lines().filter(l -> l.startsWith("info")).count(), out.toString());
        assertTrue(INFO.matcher(lines[1]).matches(), lines[1]);
        assertTrue(out.toString().endsWith("\n\n=2 primer\n\n"), out.toString());
        assertEquals(0, e.game().moves().size(), "analysis plays nothing");
    }
}
