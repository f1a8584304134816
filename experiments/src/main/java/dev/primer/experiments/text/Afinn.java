package dev.primer.experiments.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The AFINN-165 sentiment lexicon (Nielsen 2011): words scored from −5 to +5. A text's score is the sum over its
 * words ({@link Corpora#words}); the lexicon's few multi-word phrases are not matched.
 *
 * @param scores score of each single word
 */
public record Afinn(Map<String, Integer> scores) {
    static final String RESOURCE = "/dev/primer/experiments/text/afinn-165.tsv";

    /** The committed lexicon. */
    public static Afinn load() {
        return parse(Corpora.resourceLines(RESOURCE), RESOURCE);
    }

    /** Lines of "word TAB score" ({@code #} comments skipped); fails naming {@code source} and a malformed line. */
    public static Afinn parse(List<String> lines, String source) {
        Map<String, Integer> scores = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            try {
                if (f.length != 2) {
                    throw new NumberFormatException("expected a word, a tab and a score");
                }
                if (!f[0].contains(" ")) {
                    scores.put(f[0], Integer.parseInt(f[1].strip()));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage() + ", found \""
                        + line + "\"");
            }
        }
        return new Afinn(Map.copyOf(scores));
    }

    /** The sum of the scores of {@code text}'s words. */
    public int score(String text) {
        int s = 0;
        for (String w : Corpora.words(text)) {
            s += scores.getOrDefault(w, 0);
        }
        return s;
    }
}
