package dev.primer.experiments.core;

import java.util.List;
import java.util.Map;

/**
 * What an experiment produced.
 *
 * @param metrics   named results (numbers, strings, small maps), in display order
 * @param plots     PNG file names inside the experiment's directory
 * @param headline  one sentence stating the finding with its numbers
 */
public record Outcome(Map<String, Object> metrics, List<String> plots, String headline) {
}
