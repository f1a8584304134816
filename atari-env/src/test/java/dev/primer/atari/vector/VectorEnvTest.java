package dev.primer.atari.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.minatar.Breakout;
import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;

class VectorEnvTest {

    @Test
    void copiesEndIndependentlyAndResetOnTheFollowingStep() {
        VectorEnv<boolean[]> vec = new VectorEnv<>(Breakout::new, 8);
        assertThrows(IllegalStateException.class, () -> vec.step(new int[8]));
        vec.reset(10);
        boolean[] buffer0 = vec.observation(0);
        int[] actions = new int[8];
        SplitMix64 rng = SplitMix64.seeded(1);
        int endings = 0, autoresets = 0;
        boolean[] endedLastStep = new boolean[8];
        for (int t = 0; t < 2000; t++) {
            vec.sampleActions(rng, actions);
            vec.step(actions);
            for (int i = 0; i < 8; i++) {
                assertEquals(endedLastStep[i], vec.autoreset(i), "autoreset follows an ending, copy " + i);
                if (vec.autoreset(i)) {
                    autoresets++;
                    assertEquals(0.0, vec.reward(i));
                    assertFalse(vec.terminated(i) || vec.truncated(i));
                }
                endedLastStep[i] = vec.terminated(i) || vec.truncated(i);
                endings += endedLastStep[i] ? 1 : 0;
            }
        }
        assertSame(buffer0, vec.observation(0), "observations are the copies' own buffers");
        assertTrue(endings > 100);
        assertTrue(autoresets >= endings - 8);
    }

    @Test
    void copiesAreSeededDifferently() {
        VectorEnv<boolean[]> vec = new VectorEnv<>(Breakout::new, 16);
        vec.reset(0);
        boolean anyDifferent = false;
        for (int i = 1; i < 16; i++) {
            anyDifferent |= !java.util.Arrays.equals(vec.observation(0), vec.observation(i));
        }
        assertTrue(anyDifferent);
    }

    @Test
    void aBadActionIsRejectedBeforeAnyCopyMoves() {
        VectorEnv<boolean[]> a = new VectorEnv<>(Breakout::new, 3);
        VectorEnv<boolean[]> b = new VectorEnv<>(Breakout::new, 3);
        a.reset(5);
        b.reset(5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.step(new int[] {1, 9, 3}));
        assertTrue(e.getMessage().contains("copy 1"), e.getMessage());
        int[] actions = {1, 2, 3};
        for (int t = 0; t < 50; t++) {
            a.step(actions);
            b.step(actions);
            for (int i = 0; i < 3; i++) {
                assertTrue(java.util.Arrays.equals(a.observation(i), b.observation(i)), "copy " + i + " at step " + t);
                assertEquals(b.reward(i), a.reward(i));
            }
        }
    }
}
