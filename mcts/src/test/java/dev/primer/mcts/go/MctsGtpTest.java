package dev.primer.mcts.go;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.Rules;
import dev.primer.go.gtp.GtpEngine;
import org.junit.jupiter.api.Test;

class MctsGtpTest {
    @Test
    void byoYomiSetOverGtpBoundsEachMove() {
        try (MctsPlayer player = new MctsPlayer(PlayerConfig.defaults(100_000_000))) {
            GtpEngine e = MctsGtp.engine(player, Rules.CHINESE);
            e.respond("boardsize 9");
            e.respond("time_settings 0 1 1");
            for (String color : new String[] {"b", "w"}) {
                long start = System.nanoTime();
                String reply = e.respond("genmove " + color);
                double seconds = (System.nanoTime() - start) / 1e9;
                assertTrue(reply.matches("= [A-HJ]\\d\n\n"), reply);
                assertTrue(seconds < 1.5, "one second of byo-yomi per stone, took " + seconds);
            }
        }
    }
}
