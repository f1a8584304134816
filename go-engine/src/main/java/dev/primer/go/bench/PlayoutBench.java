package dev.primer.go.bench;

import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Playout;
import dev.primer.random.SplitMix64;

/**
 * Playout throughput: each thread repeatedly copies an empty board into a preallocated scratch board, plays
 * uniformly random legal moves that never fill a single-point own eye until two passes, and scores the result
 * by Tromp-Taylor area. Nothing is allocated per playout.
 */
public final class PlayoutBench {
    private static final int CLOCK_CHECK_INTERVAL = 64;

    private PlayoutBench() {
    }

    /**
     * The outcome of a run.
     *
     * @param size              board size
     * @param threads           playout threads
     * @param playouts          playouts finished by all threads
     * @param seconds           wall-clock seconds measured
     * @param playoutsPerSecond playouts / seconds
     */
    public record Result(int size, int threads, long playouts, double seconds, double playoutsPerSecond) {
    }

    /** Runs playouts on {@code threads} threads for about {@code seconds} wall-clock seconds, seeded by {@code seed}. */
    public static Result run(int size, double seconds, int threads, long seed) {
        if (threads < 1 || !(seconds > 0)) {
            throw new IllegalArgumentException("need threads >= 1 and seconds > 0");
        }
        Coords coords = Coords.of(size);
        long[] counts = new long[threads];
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> counts[id] = playUntil(coords, deadline, seed + id), "playout-" + t);
            workers[t].start();
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            try {
                workers[t].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            total += counts[t];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(size, threads, total, elapsed, total / elapsed);
    }

    /**
     * Returns the number of playouts one thread finishes before {@code deadline} (System.nanoTime). Fails, so that a
     * broken or short-circuited playout cannot pass for speed, when the mean playout length is implausible (below the
     * board area, which an empty-board playout fills but for eyes and recaptures, or at the move cap, which only ko
     * cycles reach) or when one colour won every playout (at komi 0 both colours win a share of random games).
     */
    static long playUntil(Coords coords, long deadline, long seed) {
        Board root = new Board(coords);
        Board scratch = new Board(coords);
        SplitMix64 rng = new SplitMix64(seed);
        int maxMoves = Playout.defaultMaxMoves(coords);
        long playouts = 0;
        long moves = 0;
        long blackWins = 0;
        long whiteWins = 0;
        do {
            for (int i = 0; i < CLOCK_CHECK_INTERVAL; i++) {
                scratch.copyFrom(root);
                moves += Playout.run(scratch, Color.BLACK, 0, rng, maxMoves);
                int score = scratch.areaScore();
                blackWins += score > 0 ? 1 : 0;
                whiteWins += score < 0 ? 1 : 0;
            }
            playouts += CLOCK_CHECK_INTERVAL;
        } while (System.nanoTime() < deadline);
        checkPlausible(coords, playouts, moves, blackWins, whiteWins);
        return playouts;
    }

    /** Throws IllegalStateException when the playout statistics {@link #playUntil} gathered are implausible. */
    static void checkPlausible(Coords coords, long playouts, long moves, long blackWins, long whiteWins) {
        double perPlayout = moves / (double) playouts;
        if (perPlayout < coords.area() || perPlayout >= Playout.defaultMaxMoves(coords)) {
            throw new IllegalStateException("implausible mean playout length " + perPlayout + " on " + coords.size()
                    + "x" + coords.size());
        }
        if (blackWins == 0 || whiteWins == 0) {
            throw new IllegalStateException("one colour won all " + playouts + " playouts (black " + blackWins
                    + ", white " + whiteWins + ")");
        }
    }

    /** Prints the throughput for 9x9 and 19x19, after a one-second warm-up each: args [seconds] [seed] [threads]. */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        for (int size : new int[] {9, 19}) {
            run(size, Math.min(1, seconds), threads, seed);
            System.out.println(run(size, seconds, threads, seed));
        }
    }
}
