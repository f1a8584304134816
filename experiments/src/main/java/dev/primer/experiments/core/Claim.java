package dev.primer.experiments.core;

import java.util.List;

/**
 * The primer's claim that an experiment tests, as the report shows it.
 *
 * @param chapter     where the claim sits in the primer
 * @param sentence    the claim in one sentence
 * @param citation    the paper (authors, year, figure or section) it comes from, or "" when the primer's own
 * @param paperFigure the paper's (or the referee's: a reference implementation, the PyTorch twin) figure to set
 *                    ours beside, or "" when there is none
 * @param keys        result.json metric names (snake_case) that carry our figure; the first is the index's
 */
public record Claim(Chapter chapter, String sentence, String citation, String paperFigure, List<String> keys) {
    /** Copies {@code keys}. */
    public Claim {
        keys = List.copyOf(keys);
    }

    /** A claim in {@code chapter} with our figure in the metrics named {@code keys}. */
    public static Claim of(Chapter chapter, String sentence, String citation, String paperFigure, String... keys) {
        return new Claim(chapter, sentence, citation, paperFigure, List.of(keys));
    }

    /** The claim of an experiment that states none: its description, filed under {@link Chapter#OTHER}. */
    public static Claim unfiled(String description) {
        return new Claim(Chapter.OTHER, description, "", "", List.of());
    }
}
