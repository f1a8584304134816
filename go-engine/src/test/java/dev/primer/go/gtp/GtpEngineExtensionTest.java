package dev.primer.go.gtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.Rules;
import dev.primer.go.player.FlatMonteCarloPlayer;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class GtpEngineExtensionTest {
    private static GtpEngine engine() {
        return new GtpEngine(new FlatMonteCarloPlayer(new FlatMonteCarloPlayer.Config(100, 1)), Rules.CHINESE);
    }

    @Test
    void anExtensionIsACommandLikeAnyOther() {
        GtpEngine e = engine();
        e.extend("echo_args", (args, channel) -> String.join(",", args));
        assertEquals("=4 a,b\n\n", e.respond("4 echo_args a b"));
        assertEquals("= true\n\n", e.respond("known_command echo_args"));
        assertTrue(e.respond("list_commands").contains("\necho_args"));
    }

    @Test
    void streamedLinesComeAfterTheOpeningAndBeforeTheResult() {
        GtpEngine e = engine();
        e.extend("stream", (args, channel) -> {
            channel.send("info 1");
            channel.send("info 2");
            return args.isEmpty() ? "" : "play " + args.get(0);
        });
        assertEquals("=7\ninfo 1\ninfo 2\nplay D4\n\n", e.respond("7 stream D4"));
        assertEquals("=\ninfo 1\ninfo 2\n\n", e.respond("stream"));
    }

    @Test
    void aStreamingCommandSeesPendingInputAndTheNextCommandIsStillAnswered() throws IOException {
        GtpEngine e = engine();
        e.extend("ponder", (args, channel) -> {
            int lines = 0;
            while (!channel.inputPending() && lines < 1000) {
                channel.send("info " + lines++);
            }
            return "";
        });
        StringWriter out = new StringWriter();
        e.serve(new StringReader("1 ponder\n2 name\n"), out);
        assertEquals("=1 \n\n=2 primer\n\n", out.toString());
    }

    @Test
    void aFailingExtensionAnswersWithItsReason() {
        GtpEngine e = engine();
        e.extend("fail", (args, channel) -> {
            throw new GtpException("no such thing");
        });
        assertEquals("?3 no such thing\n\n", e.respond("3 fail"));
    }
}
