package dev.primer.atari.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.EnvironmentContractTest;
import dev.primer.atari.core.Frame;
import dev.primer.atari.core.Step;
import org.junit.jupiter.api.Test;

class PongTest extends EnvironmentContractTest {

    @Override
    protected Environment<?, ?> create() {
        return new Pong();
    }

    @Test
    void screenHasAtariLayoutAndColours() {
        Pong pong = new Pong();
        pong.reset(1);
        Frame f = pong.render();
        assertEquals(210, f.height());
        assertEquals(160, f.width());
        assertEquals(Pong.BACKGROUND, f.rgbAt(100, 80));
        assertEquals(Pong.WALL, f.rgbAt(Pong.TOP_WALL, 0));
        assertEquals(Pong.WALL, f.rgbAt(Pong.FIELD_BOTTOM, 159));
        int paddleTop = (Pong.FIELD_TOP + Pong.FIELD_BOTTOM - Pong.PADDLE_HEIGHT) / 2;
        assertEquals(Pong.PLAYER_COLOUR, f.rgbAt(paddleTop, Pong.PLAYER_X));
        assertEquals(Pong.OPPONENT_COLOUR, f.rgbAt(paddleTop, Pong.OPPONENT_X));
    }

    @Test
    void rightMovesThePaddleUpAndLeftDown() {
        Pong pong = new Pong();
        pong.reset(1);
        int start = paddleTop(pong.step(0).observation());
        assertEquals(start - Pong.PLAYER_SPEED, paddleTop(pong.step(2).observation()));   // RIGHT
        assertEquals(start, paddleTop(pong.step(3).observation()));                       // LEFT
    }

    private static int paddleTop(byte[] screen) {
        for (int y = Pong.FIELD_TOP; y < Pong.FIELD_BOTTOM; y++) {
            int i = 3 * (y * Pong.WIDTH + Pong.PLAYER_X);
            int rgb = (screen[i] & 0xFF) << 16 | (screen[i + 1] & 0xFF) << 8 | (screen[i + 2] & 0xFF);
            if (rgb == Pong.PLAYER_COLOUR) {
                return y;
            }
        }
        throw new AssertionError("no paddle");
    }

    @Test
    void anIdleAgentLosesZeroToTwentyOne() {
        Pong pong = new Pong();
        pong.reset(2);
        double total = 0;
        Step<byte[]> s;
        int frames = 0;
        do {
            s = pong.step(0);
            total += s.reward();
            frames++;
        } while (!s.done());
        assertEquals(-21.0, total);
        assertEquals(21, pong.opponentScore());
        assertTrue(s.terminated());
        assertEquals(frames, s.episodeFrame());
    }

    @Test
    void aTrackingAgentScoresAgainstTheScriptedOpponent() {
        Pong pong = new Pong();
        byte[] screen = pong.reset(3).observation();
        double points = 0;
        Step<byte[]> s;
        int frames = 0;
        do {
            frames++;
            int ball = ballRow(screen);
            int centre = paddleTop(screen) + Pong.PADDLE_HEIGHT / 2;
            int action = ball < 0 || Math.abs(ball - centre) < 3 ? 0 : ball < centre ? 2 : 3;
            s = pong.step(action);
            screen = s.observation();
            points += Math.max(0, s.reward());
        } while (!s.done() && frames < 200_000);
        assertTrue(s.done(), "rallies end: the game finished within 200k frames");
        assertTrue(points > 0, "the opponent can be beaten; the agent won " + points + " points");
    }

    private static int ballRow(byte[] screen) {
        for (int y = Pong.FIELD_TOP; y < Pong.FIELD_BOTTOM; y++) {
            for (int x = Pong.OPPONENT_X + Pong.PADDLE_WIDTH; x < Pong.PLAYER_X; x++) {
                int i = 3 * (y * Pong.WIDTH + x);
                int rgb = (screen[i] & 0xFF) << 16 | (screen[i + 1] & 0xFF) << 8 | (screen[i + 2] & 0xFF);
                if (rgb == Pong.BALL_COLOUR) {
                    return y + Pong.BALL_HEIGHT / 2;
                }
            }
        }
        return -1;
    }

    @Test
    void fullActionSetHas18Actions() {
        Pong pong = new Pong(false);
        assertEquals(18, pong.actionSpace().n());
        assertEquals(AleAction.UPRIGHTFIRE, pong.action(14));
    }
}
