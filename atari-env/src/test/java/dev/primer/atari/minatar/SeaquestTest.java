package dev.primer.atari.minatar;

import static dev.primer.atari.minatar.MinAtarAction.DOWN;
import static dev.primer.atari.minatar.MinAtarAction.NOOP;
import static dev.primer.atari.minatar.MinAtarAction.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.EnvironmentContractTest;
import dev.primer.atari.core.Step;
import org.junit.jupiter.api.Test;

class SeaquestTest extends EnvironmentContractTest {

    @Override
    protected Environment<?, ?> create() {
        return new Seaquest();
    }

    /** A game with enemy and diver spawning switched off, so scripted tests only see the sub. */
    private static Seaquest quiet() {
        Seaquest game = new Seaquest();
        game.reset(1);
        game.eSpawnTimer = Integer.MAX_VALUE;
        game.dSpawnTimer = Integer.MAX_VALUE;
        return game;
    }

    @Test
    void startsAtTheSurfaceWithAFullOxygenGauge() {
        Seaquest game = new Seaquest();
        boolean[] obs = game.reset(2).observation();
        assertTrue(Planes.at(obs, Seaquest.SUB_FRONT, 0, 5));
        assertTrue(Planes.at(obs, Seaquest.SUB_BACK, 0, 6), "facing left, the back is to the right");
        assertEquals(10, Planes.count(obs, Seaquest.OXYGEN_GAUGE));
        assertEquals(0, Planes.count(obs, Seaquest.DIVER_GAUGE));
    }

    @Test
    void oxygenDropsOnePerFrameUnderwaterAndRunsOutOnStep201() {
        Seaquest game = quiet();
        Step<boolean[]> s = game.step(DOWN.ordinal());
        assertEquals(199, game.oxygen);
        for (int t = 2; t <= 20; t++) {
            s = game.step(NOOP.ordinal());
        }
        assertEquals(180, game.oxygen);
        assertEquals(9, Planes.count(s.observation(), Seaquest.OXYGEN_GAUGE), "180*10//200 cells");
        for (int t = 21; t <= 200; t++) {
            assertFalse(game.step(NOOP.ordinal()).done(), "step " + t);
        }
        assertEquals(0, game.oxygen);
        assertTrue(game.step(NOOP.ordinal()).terminated(), "oxygen <= 0 is checked before the decrement");
    }

    @Test
    void oxygenStaysFullAtTheSurface() {
        Seaquest game = quiet();
        for (int t = 0; t < 500; t++) {
            assertFalse(game.step(NOOP.ordinal()).done());
        }
        assertEquals(Seaquest.MAX_OXYGEN, game.oxygen);
    }

    @Test
    void surfacingWithoutDiversIsTerminal() {
        Seaquest game = quiet();
        game.step(DOWN.ordinal());
        assertTrue(game.step(UP.ordinal()).terminated());
    }

    @Test
    void surfacingWithADiverCostsTheDiverRefillsOxygenAndRamps() {
        Seaquest game = quiet();
        game.diverCount = 2;
        game.step(DOWN.ordinal());
        game.step(NOOP.ordinal());
        Step<boolean[]> s = game.step(UP.ordinal());
        assertFalse(s.done());
        assertEquals(0.0, s.reward());
        assertEquals(1, game.diverCount);
        assertEquals(Seaquest.MAX_OXYGEN, game.oxygen);
        assertEquals(1, game.difficultyRamp());
        assertEquals(Seaquest.INIT_SPAWN_SPEED - 1, game.eSpawnSpeed);
        assertEquals(Seaquest.INIT_MOVE_INTERVAL, game.moveSpeed, "move speed ramps on odd ramp indices only");
        assertEquals(1, Planes.count(s.observation(), Seaquest.DIVER_GAUGE));
    }

    @Test
    void surfacingWithSixDiversPaysForTheOxygenLeft() {
        Seaquest game = quiet();
        game.diverCount = Seaquest.MAX_DIVERS;
        game.step(DOWN.ordinal());
        Step<boolean[]> s = game.step(UP.ordinal());
        assertEquals(199 * 10 / 200, s.reward());
        assertEquals(-1, game.diverCount, "the reference sets the count to 0, then removes one diver");
    }

    @Test
    void rampingOffKeepsSpeeds() {
        Seaquest game = new Seaquest(new MinAtarOptions(false, false));
        game.reset(1);
        game.eSpawnTimer = Integer.MAX_VALUE;
        game.dSpawnTimer = Integer.MAX_VALUE;
        game.diverCount = 3;
        game.step(DOWN.ordinal());
        game.step(UP.ordinal());
        assertEquals(0, game.difficultyRamp());
        assertEquals(Seaquest.INIT_SPAWN_SPEED, game.eSpawnSpeed);
    }

    @Test
    void aBulletKillsAFishForOnePoint() {
        Seaquest game = quiet();
        game.step(DOWN.ordinal());                 // sub at (1, 5) facing left
        game.fish.add(1, 1, 1, 100, 0);            // a fish at (1, 1) that will not move
        double total = 0;
        Step<boolean[]> s = game.step(MinAtarAction.FIRE.ordinal());
        total += s.reward();
        for (int t = 0; t < 3; t++) {
            total += game.step(NOOP.ordinal()).reward();
        }
        assertEquals(1.0, total);
        assertEquals(0, game.fish.size);
        assertEquals(0, game.friendlyBullets.size);
    }
}
