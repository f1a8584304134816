package dev.primer.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MatchCommandTest {
    /** A bash GTP engine that passes on every genmove. */
    private static final String PASSER = "while read -r l; do case \"$l\" in genmove*) printf '= pass\\n\\n';; "
            + "quit*) printf '=\\n\\n'; exit 0;; *) printf '=\\n\\n';; esac; done";

    @Test
    void playsScoresSavesAndTabulates(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new MatchCommand());
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("--black", PASSER, "--white", PASSER, "--games", "2", "--alternate",
                "--sgf", dir.resolve("sgf").toString(), "--json", dir.resolve("m.json").toString());
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("game 1: A black, W+7 by two passes after 2 moves"), out.toString());
        assertTrue(out.toString().contains("A as white"), out.toString());
        assertTrue(Files.exists(dir.resolve("sgf/game-002.sgf")));
        assertTrue(Files.readString(dir.resolve("m.json")).contains("\"games\": 2"));
    }

    @Test
    void badSettingsAreAUsageError() {
        CommandLine cl = new CommandLine(new MatchCommand());
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cl.execute("--black", "x", "--white", "y", "--games", "0"));
    }
}
