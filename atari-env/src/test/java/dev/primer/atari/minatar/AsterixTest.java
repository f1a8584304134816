package dev.primer.atari.minatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.EnvironmentContractTest;
import dev.primer.atari.core.Step;
import org.junit.jupiter.api.Test;

class AsterixTest extends EnvironmentContractTest {

    @Override
    protected Environment<?, ?> create() {
        return new Asterix();
    }

    @Test
    void playerIsConfinedToRowsOneToEight() {
        Asterix game = new Asterix();
        game.reset(1);
        game.spawnTimer = Integer.MAX_VALUE;
        for (int t = 0; t < 12; t++) {
            game.step(MinAtarAction.UP.ordinal());
        }
        assertEquals(1, game.playerY);
        for (int t = 0; t < 12; t++) {
            game.step(MinAtarAction.DOWN.ordinal());
        }
        assertEquals(8, game.playerY);
    }

    @Test
    void goldPaysOneAndAnEnemyEndsTheGame() {
        Asterix game = new Asterix();
        game.reset(1);
        game.spawnTimer = Integer.MAX_VALUE;
        int slot = game.playerY - 1;
        game.place(slot, game.playerX - 1, 1, Asterix.GOLD);
        Step<boolean[]> s = game.step(MinAtarAction.LEFT.ordinal());
        assertEquals(1.0, s.reward());
        game.place(slot, game.playerX + 1, 1, Asterix.ENEMY);
        assertTrue(game.step(MinAtarAction.RIGHT.ordinal()).terminated());
    }

    @Test
    void difficultyRampsAfter101FramesWhenOn() {
        Asterix on = new Asterix();
        Asterix off = new Asterix(new MinAtarOptions(false, false));
        for (Asterix game : new Asterix[] {on, off}) {
            game.reset(1);
            game.spawnTimer = Integer.MAX_VALUE;
            for (int t = 0; t < 102; t++) {
                game.step(MinAtarAction.NOOP.ordinal());
            }
        }
        assertEquals(1, on.difficultyRamp());
        assertEquals(Asterix.INIT_SPAWN_SPEED - 1, on.spawnSpeed);
        assertEquals(0, off.difficultyRamp());
        assertEquals(Asterix.INIT_SPAWN_SPEED, off.spawnSpeed);
    }
}
