package dev.primer.go.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Known answers for the playout generator. */
class FastRandomTest {
    @Test
    void matchesTheSplitMix64ReferenceSequence() {
        // Vigna's splitmix64.c from state 0; mixing one call ahead must not change the sequence
        FastRandom rng = new FastRandom(0);
        assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
        assertEquals(0x06C45D188009454FL, rng.nextLong());
    }
}
