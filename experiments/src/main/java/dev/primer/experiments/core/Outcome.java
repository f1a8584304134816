package dev.primer.experiments.core;

import java.util.List;

/**
 * What an experiment produced.
 *
 * @param metrics   its results as a record: result.json names its components in snake_case, in order
 * @param plots     PNG file names inside the experiment's directory
 * @param headline  one sentence stating the finding with its numbers
 * @param <M>       the experiment's metrics record
 */
public record Outcome<M extends Record>(M metrics, List<String> plots, String headline) {
}
