package dev.primer.atari.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.EnvironmentContractTest;
import dev.primer.atari.core.Step;
import dev.primer.atari.pixel.Pong;
import dev.primer.atari.spaces.Box;
import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;

/** The full ALE preprocessing pipeline on real 210 x 160 Pong frames. */
class AtariPipelineTest extends EnvironmentContractTest {

    @Override
    protected Environment<?, ?> create() {
        return AtariPreprocessing.wrap(new StickyActions<>(new Pong(), StickyActions.ALE_PROBABILITY));
    }

    @Test
    void observationsAreFourStacked84x84GrayFrames() {
        Environment<byte[], Integer> env = AtariPreprocessing.wrap(new Pong());
        assertArrayEquals(new int[] {4, 84, 84}, ((Box<byte[]>) env.observationSpace()).shape());
        byte[] obs = env.reset(1).observation();
        assertEquals(4 * 84 * 84, obs.length);
        int background = Grayscale.luma(0x90, 0x48, 0x11);
        int wall = Grayscale.luma(0xEC, 0xEC, 0xEC);
        for (int k = 0; k < 4; k++) {
            int plane = k * 84 * 84;
            assertEquals(background, obs[plane + 84 * 42 + 42] & 0xFF, "field centre");
            // source rows 24..33 are wall; output row 11 covers source rows 27.5..30
            assertEquals(wall, obs[plane + 84 * 11] & 0xFF, "top wall");
            assertEquals(background, obs[plane + 84 * 5] & 0xFF, "above the wall");
        }
    }

    @Test
    void stackShiftsOldestFirstAndFrameCountAdvancesBySkip() {
        Environment<byte[], Integer> env = new FrameStack<>(new Resize<>(new Grayscale<>(new MaxAndSkip<>(new Pong(),
                4)), 84, 84, Resize.Interpolation.AREA), 4);
        env.reset(2);
        byte[] previousNewest = null;
        for (int t = 1; t <= 40; t++) {
            Step<byte[]> s = env.step(2);
            assertEquals(4L * t, s.episodeFrame());
            byte[] obs = s.observation();
            if (previousNewest != null) {
                byte[] second = java.util.Arrays.copyOfRange(obs, 2 * 84 * 84, 3 * 84 * 84);
                assertArrayEquals(previousNewest, second, "frame t-1 moves one slot towards the front");
            }
            previousNewest = java.util.Arrays.copyOfRange(obs, 3 * 84 * 84, 4 * 84 * 84);
        }
    }

    @Test
    void pipelineRunsAFullRandomGameInBoundedTime() {
        Environment<byte[], Integer> env = AtariPreprocessing.wrap(new StickyActions<>(new Pong(), 0.25));
        env.reset(4);
        SplitMix64 rng = SplitMix64.seeded(4);
        double total = 0;
        Step<byte[]> s;
        do {
            s = env.step(rng.nextInt(6));
            total += s.reward();
        } while (!s.done());
        assertEquals(-21, total, 3, "a random agent scores about -21 against the scripted opponent");
    }
}
