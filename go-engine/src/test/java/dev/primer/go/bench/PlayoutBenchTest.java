package dev.primer.go.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Playout;
import dev.primer.random.SplitMix64;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class PlayoutBenchTest {
    @Test
    void reportsPlayoutsPerSecond() {
        PlayoutBench.Result r = PlayoutBench.run(9, 0.3, 2, 1);
        assertEquals(9, r.size());
        assertEquals(2, r.threads());
        assertTrue(r.playouts() > 0);
        assertEquals(r.playouts() / r.seconds(), r.playoutsPerSecond(), 1e-6);
    }

    @Test
    void playoutsDoNotAllocate() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Board root = new Board(Coords.of(19));
        Board scratch = new Board(root.coords());
        SplitMix64 rng = new SplitMix64(5);
        long score = 0;
        for (int i = 0; i < 2_000; i++) {
            scratch.copyFrom(root);
            Playout.run(scratch, Color.BLACK, rng);
            score += scratch.areaScore();
        }
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 2_000; i++) {
            scratch.copyFrom(root);
            Playout.run(scratch, Color.BLACK, rng);
            score += scratch.areaScore();
        }
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < 2_000, "2,000 playouts allocated " + allocated + " bytes (score " + score + ")");
    }

    @Test
    void sanityCheckRejectsShortOrCappedPlayoutsAndOneSidedResults() {
        Coords c = Coords.of(9);
        int cap = Playout.defaultMaxMoves(c);
        assertDoesNotThrow(() -> PlayoutBench.checkPlausible(c, 100, 100 * 110, 45, 50));
        assertThrows(IllegalStateException.class, () -> PlayoutBench.checkPlausible(c, 100, 100 * 2, 45, 50),
                "playouts that stop after a couple of moves");
        assertThrows(IllegalStateException.class, () -> PlayoutBench.checkPlausible(c, 100, 100L * cap, 45, 50),
                "every playout ran into the move cap");
        assertThrows(IllegalStateException.class, () -> PlayoutBench.checkPlausible(c, 100, 100 * 110, 100, 0));
        assertThrows(IllegalStateException.class, () -> PlayoutBench.checkPlausible(c, 100, 100 * 110, 0, 97));
    }

    @Test
    void realPlayoutsPassTheSanityCheckOnEverySize() {
        for (int size = Coords.MIN_SIZE; size <= Coords.MAX_SIZE; size++) {
            Coords c = Coords.of(size);
            assertTrue(PlayoutBench.playUntil(c, System.nanoTime(), size) > 0, "size " + size);
        }
    }
}
