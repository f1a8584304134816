package dev.primer.experiments.core;

import java.nio.file.Path;

/**
 * Where and how an experiment runs.
 *
 * @param budget compute budget
 * @param seed   the run's seed; every random choice derives from it
 * @param dir    the experiment's own output directory (created)
 */
public record Context(Budget budget, long seed, Path dir) {
    /** The quick or full value of a setting. */
    public <T> T pick(T quick, T full) {
        return budget == Budget.QUICK ? quick : full;
    }
}
