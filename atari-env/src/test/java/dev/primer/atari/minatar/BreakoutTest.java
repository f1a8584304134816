package dev.primer.atari.minatar;

import static dev.primer.atari.minatar.MinAtarAction.NOOP;
import static dev.primer.atari.minatar.MinAtarAction.RIGHT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.EnvironmentContractTest;
import dev.primer.atari.core.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakoutTest extends EnvironmentContractTest {

    @Override
    protected Environment<?, ?> create() {
        return new Breakout();
    }

    /** A game reset with the ball starting at the left wall, moving down-right. */
    private static Breakout leftStart() {
        for (long seed = 0; ; seed++) {
            Breakout game = new Breakout();
            boolean[] obs = game.reset(seed).observation();
            if (Planes.at(obs, Breakout.BALL, 3, 0)) {
                return game;
            }
        }
    }

    @Test
    void startStateMatchesMinAtar() {
        Breakout game = new Breakout();
        boolean[] obs = game.reset(1).observation();
        assertEquals(List.of("paddle", "ball", "trail", "brick"), game.channels());
        assertArrayEquals(new int[] {9, 4}, Planes.single(obs, Breakout.PADDLE));
        int[] ball = Planes.single(obs, Breakout.BALL);
        assertEquals(3, ball[0]);
        assertTrue(ball[1] == 0 || ball[1] == 9);
        assertArrayEquals(ball, Planes.single(obs, Breakout.TRAIL));
        assertEquals(30, Planes.count(obs, Breakout.BRICK));
        for (int x = 0; x < 10; x++) {
            assertTrue(Planes.at(obs, Breakout.BRICK, 1, x) && Planes.at(obs, Breakout.BRICK, 3, x));
        }
    }

    @Test
    void bothStartSidesAreEquallyLikely() {
        int left = 0;
        Breakout game = new Breakout();
        game.reset(0);
        int n = 4000;
        for (int i = 0; i < n; i++) {
            left += Planes.at(game.reset().observation(), Breakout.BALL, 3, 0) ? 1 : 0;
        }
        assertEquals(0.5, left / (double) n, 4 * Math.sqrt(0.25 / n));
    }

    @Test
    void ballMissesAStillPaddleAndEndsTheEpisodeOnStepSix() {
        Breakout game = leftStart();
        for (int t = 1; t <= 5; t++) {
            Step<boolean[]> s = game.step(NOOP.ordinal());
            assertFalse(s.done());
            assertArrayEquals(new int[] {3 + t, t}, Planes.single(s.observation(), Breakout.BALL));
            assertArrayEquals(new int[] {2 + t, t - 1}, Planes.single(s.observation(), Breakout.TRAIL));
        }
        Step<boolean[]> last = game.step(NOOP.ordinal());
        assertTrue(last.terminated());
        assertEquals(0.0, last.reward());
    }

    @Test
    void paddleBouncesTheBallIntoABrickForOnePoint() {
        Breakout game = leftStart();
        game.step(RIGHT.ordinal());   // paddle to x = 5, under the ball's column at step 6
        double[] rewards = new double[12];
        for (int t = 2; t <= 11; t++) {
            Step<boolean[]> s = game.step(NOOP.ordinal());
            assertFalse(s.done(), "step " + t);
            rewards[t] = s.reward();
        }
        // bounce at step 6 back to row 8, up-right to the wall at (9, 4), reflected up-left into brick (3, 8)
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, rewards);
        boolean[] obs = game.step(NOOP.ordinal()).observation();
        assertFalse(Planes.at(obs, Breakout.BRICK, 3, 8));
        assertEquals(29, Planes.count(obs, Breakout.BRICK));
    }

    @Test
    void minimalActionSetIsNoopLeftRight() {
        Breakout game = new Breakout(new MinAtarOptions(true, true));
        assertEquals(3, game.actionSpace().n());
        assertEquals(List.of(NOOP, MinAtarAction.LEFT, RIGHT), List.of(game.action(0), game.action(1), game.action(2)));
    }
}
