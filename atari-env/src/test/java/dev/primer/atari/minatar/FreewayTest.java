package dev.primer.atari.minatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.EnvironmentContractTest;
import dev.primer.atari.core.Step;
import org.junit.jupiter.api.Test;

class FreewayTest extends EnvironmentContractTest {

    @Override
    protected Environment<?, ?> create() {
        return new Freeway();
    }

    @Test
    void carsStartAtTheLeftEdgeWithSpeedsOneToFiveAndTrailsBehindThem() {
        Freeway game = new Freeway();
        boolean[] obs = game.reset(4).observation();
        for (int i = 0; i < Freeway.CARS; i++) {
            int speed = Math.abs(game.carSpeed[i]);
            assertTrue(speed >= 1 && speed <= 5);
            assertTrue(Planes.at(obs, Freeway.CAR, i + 1, 0));
            int backX = game.carSpeed[i] > 0 ? 9 : 1;   // the trail wraps like the cars
            assertTrue(Planes.at(obs, Freeway.SPEED1 + speed - 1, i + 1, backX), "car " + i);
        }
        assertTrue(Planes.at(obs, Freeway.CHICKEN, 9, 4));
    }

    @Test
    void aCarWithPeriodKMovesOnceEveryKPlusOneFrames() {
        // car[2] starts at |speed| and counts down; the car moves when it is 0, so it waits |speed| frames
        Freeway game = new Freeway();
        game.reset(12);
        int[] moves = new int[Freeway.CARS];
        int[] lastX = game.carX.clone();
        int frames = 2400;   // divisible by every period 2..6, and within the 2500-frame episode
        for (int t = 0; t < frames; t++) {
            game.step(MinAtarAction.NOOP.ordinal());
            for (int i = 0; i < Freeway.CARS; i++) {
                if (game.carX[i] != lastX[i]) {
                    moves[i]++;
                    int dx = Math.floorMod(game.carX[i] - lastX[i], 10);
                    assertEquals(game.carSpeed[i] > 0 ? 1 : 9, dx);
                    lastX[i] = game.carX[i];
                }
            }
        }
        for (int i = 0; i < Freeway.CARS; i++) {
            assertEquals(frames / (Math.abs(game.carSpeed[i]) + 1), moves[i], "car " + i);
        }
    }

    @Test
    void episodeIsTerminalAfter2500FramesOnStep2501() {
        Freeway game = new Freeway();
        game.reset(3);
        for (int t = 1; t <= Freeway.TIME_LIMIT; t++) {
            assertFalse(game.step(MinAtarAction.NOOP.ordinal()).done(), "step " + t);
        }
        Step<boolean[]> last = game.step(MinAtarAction.NOOP.ordinal());
        assertTrue(last.terminated());
        assertFalse(last.truncated());
        assertEquals(2501, last.episodeFrame());
    }

    @Test
    void chickenMovesAtMostOnceEveryThreeFramesAndScoresAtTheTop() {
        Freeway game = new Freeway();
        game.reset(5);
        for (int i = 0; i < Freeway.CARS; i++) {
            game.carTimer[i] = Integer.MAX_VALUE;   // freeze traffic at x = 0, away from the chicken's column
        }
        int[] rows = new int[7];
        for (int t = 0; t < 7; t++) {
            rows[t] = Planes.single(game.step(MinAtarAction.UP.ordinal()).observation(), Freeway.CHICKEN)[0];
        }
        // move_timer starts at 3: the first move happens on step 4, the next on step 7
        assertEquals(java.util.List.of(9, 9, 9, 8, 8, 8, 7), java.util.Arrays.stream(rows).boxed().toList());
        double total = 0;
        for (int t = 0; t < 30; t++) {
            total += game.step(MinAtarAction.UP.ordinal()).reward();
        }
        assertEquals(1.0, total, "seven more rows take 21 frames, then the crossing pays +1");
    }
}
