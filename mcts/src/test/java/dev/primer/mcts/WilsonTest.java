package dev.primer.mcts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WilsonTest {
    @Test
    void matchesPublishedIntervals() {
        // 8 of 10: [0.490, 0.943] (Newcombe 1998, table I, method 3)
        Wilson w = Wilson.of95(8, 10);
        assertEquals(0.490, w.low(), 5e-4);
        assertEquals(0.943, w.high(), 5e-4);
        Wilson none = Wilson.of95(0, 10);
        assertEquals(0, none.low(), 1e-12);
        assertEquals(0.278, none.high(), 5e-4);
        assertEquals(new Wilson(0, 1), Wilson.of95(0, 0));
    }
}
