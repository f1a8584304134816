package dev.primer.atari.spaces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;

class SpacesTest {

    @Test
    void discreteContainsExactlyZeroToNMinusOneAndSamplesUniformly() {
        Discrete d = new Discrete(6);
        assertTrue(d.contains(0) && d.contains(5));
        assertFalse(d.contains(6) || d.contains(-1) || d.contains(null));
        int[] counts = new int[6];
        SplitMix64 rng = SplitMix64.seeded(1);
        for (int i = 0; i < 60_000; i++) {
            counts[d.sample(rng)]++;
        }
        for (int c : counts) {
            assertEquals(10_000, c, 4 * Math.sqrt(60_000 * (1 / 6.0) * (5 / 6.0)));
        }
        assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
    }

    @Test
    void boxesCheckTypeLengthAndBounds() {
        Box<boolean[]> planes = Box.bool(4, 10, 10);
        assertArrayEquals(new int[] {4, 10, 10}, planes.shape());
        assertTrue(planes.contains(new boolean[400]));
        assertFalse(planes.contains(new boolean[399]));
        Box<byte[]> pixels = Box.uint8(0, 200, 2, 2);
        assertTrue(pixels.contains(new byte[] {0, 10, (byte) 200, 5}));
        assertFalse(pixels.contains(new byte[] {0, 10, (byte) 201, 5}), "bytes are read unsigned");
        Box<float[]> f = Box.float32(new double[] {-1, -Float.MAX_VALUE}, new double[] {1, Float.MAX_VALUE}, 2);
        assertTrue(f.contains(new float[] {0.5f, 1e30f}));
        assertFalse(f.contains(new float[] {1.5f, 0}));
        assertFalse(f.contains(new float[] {Float.NaN, 0}));
        SplitMix64 rng = SplitMix64.seeded(2);
        for (int i = 0; i < 100; i++) {
            assertTrue(f.contains(f.sample(rng)));
            assertTrue(pixels.contains(pixels.sample(rng)));
            assertTrue(planes.contains(planes.sample(rng)));
        }
        assertEquals("Box(bool, [4, 10, 10])", planes.toString());
    }
}
