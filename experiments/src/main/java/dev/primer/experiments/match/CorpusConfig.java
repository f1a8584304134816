package dev.primer.experiments.match;

import java.nio.file.Path;

/**
 * A self-play corpus: one GTP engine plays both colours, after {@code randomOpening} uniformly random legal moves.
 * Start from {@link #of} and change what differs with the withers.
 *
 * @param engine             command of the GTP engine, e.g.
 *                           {@code /usr/games/gnugo --mode gtp --level 10 --chinese-rules}
 * @param out                directory of the SGF files and the ledger {@code corpus.tsv}
 * @param games              kept games the corpus should hold when the run ends (duplicates and failures excluded)
 * @param size               board size
 * @param komi               komi
 * @param randomOpening      uniformly random legal moves (both colours, no passes) before the engine takes over
 * @param threads            engine processes playing side by side
 * @param seed               seed of the random openings; game {@code i}'s opening depends on (seed, i) alone
 * @param moveTimeoutSeconds seconds the engine may take for one command before the game is given up
 * @param maxMoves           moves after which a game is given up as unfinished
 */
public record CorpusConfig(String engine, Path out, int games, int size, double komi, int randomOpening, int threads,
                           long seed, double moveTimeoutSeconds, int maxMoves) {
    /** Checks ranges. */
    public CorpusConfig {
        if (engine.isBlank() || games < 1 || size < 2 || size > 25 || randomOpening < 0
                || randomOpening >= size * size || threads < 1 || !(moveTimeoutSeconds > 0)
                || maxMoves <= randomOpening) {
            throw new IllegalArgumentException("invalid corpus: engine '" + engine + "', " + games + " games, size "
                    + size + ", random opening " + randomOpening + ", threads " + threads + ", move timeout "
                    + moveTimeoutSeconds + ", max moves " + maxMoves);
        }
    }

    /** Returns the defaults: 1,000 games of 9x9, komi 7, 4 random opening moves, 1 thread, seed 1, 60 s, 243 moves. */
    public static CorpusConfig of(String engine, Path out) {
        return new CorpusConfig(engine, out, 1_000, 9, 7, 4, 1, 1, 60, 3 * 81);
    }

    /** Returns this corpus in directory {@code dir}. */
    public CorpusConfig withOut(Path dir) {
        return new CorpusConfig(engine, dir, games, size, komi, randomOpening, threads, seed, moveTimeoutSeconds, maxMoves);
    }

    /** Returns this corpus with a target of {@code n} kept games. */
    public CorpusConfig withGames(int n) {
        return new CorpusConfig(engine, out, n, size, komi, randomOpening, threads, seed, moveTimeoutSeconds, maxMoves);
    }

    /** Returns this corpus on an {@code n}x{@code n} board, its move limit 3n². */
    public CorpusConfig withSize(int n) {
        return new CorpusConfig(engine, out, games, n, komi, randomOpening, threads, seed, moveTimeoutSeconds, 3 * n * n);
    }

    /** Returns this corpus with komi {@code k}. */
    public CorpusConfig withKomi(double k) {
        return new CorpusConfig(engine, out, games, size, k, randomOpening, threads, seed, moveTimeoutSeconds, maxMoves);
    }

    /** Returns this corpus with {@code k} random opening moves. */
    public CorpusConfig withRandomOpening(int k) {
        return new CorpusConfig(engine, out, games, size, komi, k, threads, seed, moveTimeoutSeconds, maxMoves);
    }

    /** Returns this corpus played by {@code n} engine processes. */
    public CorpusConfig withThreads(int n) {
        return new CorpusConfig(engine, out, games, size, komi, randomOpening, n, seed, moveTimeoutSeconds, maxMoves);
    }

    /** Returns this corpus with opening seed {@code s}. */
    public CorpusConfig withSeed(long s) {
        return new CorpusConfig(engine, out, games, size, komi, randomOpening, threads, s, moveTimeoutSeconds, maxMoves);
    }

    /** Returns this corpus with {@code seconds} per engine command. */
    public CorpusConfig withMoveTimeout(double seconds) {
        return new CorpusConfig(engine, out, games, size, komi, randomOpening, threads, seed, seconds, maxMoves);
    }
}
