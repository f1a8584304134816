package dev.primer.atari.minatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.EnvironmentContractTest;
import dev.primer.atari.core.Step;
import org.junit.jupiter.api.Test;

class SpaceInvadersTest extends EnvironmentContractTest {

    @Override
    protected Environment<?, ?> create() {
        return new SpaceInvaders();
    }

    @Test
    void startsWithA4x6WaveMovingLeft() {
        boolean[] obs = new SpaceInvaders().reset(1).observation();
        assertEquals(24, Planes.count(obs, SpaceInvaders.ALIEN));
        assertEquals(24, Planes.count(obs, SpaceInvaders.ALIEN_LEFT));
        assertEquals(0, Planes.count(obs, SpaceInvaders.ALIEN_RIGHT));
        assertTrue(Planes.at(obs, SpaceInvaders.CANNON, 9, 5));
    }

    @Test
    void aShotFromBelowTheWaveKillsTheLowestAlienInItsColumn() {
        SpaceInvaders game = new SpaceInvaders();
        game.reset(1);
        Step<boolean[]> s = game.step(MinAtarAction.FIRE.ordinal());
        assertTrue(Planes.at(s.observation(), SpaceInvaders.FRIENDLY_BULLET, 8, 5));
        int rewardStep = -1;
        for (int t = 2; t <= 10 && rewardStep < 0; t++) {
            if (game.step(MinAtarAction.NOOP.ordinal()).reward() == 1) {
                rewardStep = t;
            }
        }
        // the bullet climbs a row per frame from row 8 and meets the alien at row 3 on step 6
        assertEquals(6, rewardStep);
        assertEquals(23, game.alienCount);
    }

    @Test
    void theAliensShootFirstOnStep11FromTheColumnNearestTheCannon() {
        SpaceInvaders game = new SpaceInvaders();
        game.reset(1);
        for (int t = 1; t <= 10; t++) {
            assertEquals(0, Planes.count(game.step(MinAtarAction.NOOP.ordinal()).observation(),
                    SpaceInvaders.ENEMY_BULLET));
        }
        boolean[] obs = game.step(MinAtarAction.NOOP.ordinal()).observation();
        assertTrue(Planes.at(obs, SpaceInvaders.ENEMY_BULLET, 3, 5), "lowest alien of column 5");
    }

    @Test
    void theWaveStepsSidewaysEveryTwelveFramesThenDescendsAtTheEdge() {
        SpaceInvaders game = new SpaceInvaders();
        game.reset(1);
        game.alienShotTimer = Integer.MAX_VALUE;   // no alien fire, so the cannon survives
        boolean[] obs = null;
        for (int t = 1; t <= 13; t++) {
            obs = game.step(MinAtarAction.NOOP.ordinal()).observation();
        }
        assertTrue(Planes.at(obs, SpaceInvaders.ALIEN, 0, 1) && !Planes.at(obs, SpaceInvaders.ALIEN, 0, 7));
        for (int t = 14; t <= 13 + 2 * 13; t++) {
            obs = game.step(MinAtarAction.NOOP.ordinal()).observation();
        }
        // a move left on step 25 reaches column 0; on step 37 the edge flips the direction and drops the wave
        assertTrue(Planes.at(obs, SpaceInvaders.ALIEN, 1, 0) && !Planes.at(obs, SpaceInvaders.ALIEN, 0, 0));
        assertEquals(24, Planes.count(obs, SpaceInvaders.ALIEN_RIGHT));
    }
}
