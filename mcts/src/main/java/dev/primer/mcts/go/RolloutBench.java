package dev.primer.mcts.go;

import dev.primer.go.board.Coords;
import dev.primer.mcts.Rollout;
import dev.primer.mcts.Trace;

/** Times a rollout policy: playouts from the empty board to the end, on one thread; the cost of one rollout move. */
public final class RolloutBench {
    private RolloutBench() {
    }

    /**
     * The figures of one run.
     *
     * @param size              board size
     * @param playouts          playouts finished
     * @param moves             moves played in them, passes included
     * @param seconds           measured seconds
     * @param playoutsPerSecond playouts per second
     * @param microsPerMove     microseconds per rollout move
     */
    public record Result(int size, long playouts, long moves, double seconds, double playoutsPerSecond,
                         double microsPerMove) {
    }

    /** Plays rollouts of {@code factory} on an empty {@code size} board, komi 7, for {@code seconds} after a warm-up. */
    public static Result run(int size, Rollout.Factory<GoState> factory, double seconds, long seed) {
        Rollout<GoState> rollout = factory.create(seed);
        GoState empty = new GoState(size, 7);
        GoState s = empty.copy();
        Trace trace = new Trace(s.maxMoves() + 1);
        long warmUpEnd = System.nanoTime() + (long) (Math.min(1, seconds) * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            s.copyFrom(empty);
            trace.clear();
            rollout.run(s, trace);
        }
        long playouts = 0;
        long moves = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            s.copyFrom(empty);
            trace.clear();
            rollout.run(s, trace);
            moves += s.movesPlayed();
            playouts++;
            now = System.nanoTime();
        } while (now < end);
        double elapsed = (now - start) / 1e9;
        return new Result(size, playouts, moves, elapsed, playouts / elapsed, elapsed * 1e6 / moves);
    }
}
