package dev.primer.experiments.match;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A match between two GTP engines.
 *
 * @param engineA            command of the engine that plays Black in the first game
 * @param engineB            command of the other engine
 * @param games              games to play
 * @param size               board size
 * @param komi               komi
 * @param alternate          whether the engines swap colours every game
 * @param sgfDir             where each game is saved as SGF, if anywhere
 * @param referee            command of a GTP engine that judges dead stones and scores, if any
 * @param moveTimeoutSeconds seconds an engine may take for one command before it loses the game
 * @param maxMoves           moves after which a game is stopped and scored
 * @param randomOpening      uniformly random legal moves (both colours, no passes) played for the engines before
 *                           they take over; with {@code alternate}, games 2i−1 and 2i share theirs, colours swapped
 * @param seed               seed of the random openings
 */
public record MatchConfig(String engineA, String engineB, int games, int size, double komi, boolean alternate,
                          Optional<Path> sgfDir, Optional<String> referee, double moveTimeoutSeconds, int maxMoves,
                          int randomOpening, long seed) {
    /** Checks ranges. */
    public MatchConfig {
        if (games < 1 || size < 2 || size > 25 || !(moveTimeoutSeconds > 0) || maxMoves < 1 || randomOpening < 0
                || randomOpening >= Math.min(size * size, maxMoves)) {
            throw new IllegalArgumentException("invalid match: " + games + " games, size " + size + ", timeout "
                    + moveTimeoutSeconds + ", max moves " + maxMoves + ", random opening " + randomOpening);
        }
    }

    /** A match whose engines play from the first move (no random opening). */
    public MatchConfig(String engineA, String engineB, int games, int size, double komi, boolean alternate,
                       Optional<Path> sgfDir, Optional<String> referee, double moveTimeoutSeconds, int maxMoves) {
        this(engineA, engineB, games, size, komi, alternate, sgfDir, referee, moveTimeoutSeconds, maxMoves, 0, 0);
    }
}
