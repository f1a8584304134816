package dev.primer.experiments.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word analogies a : b :: c : d answered by 3CosAdd (Mikolov, Yih and Zweig 2013; named by Levy and Goldberg 2014,
 * eq. 3): the answer is argmax over words x ∉ {a, b, c} of cos(x, b − a + c), on unit-length vectors.
 */
public final class Analogies {
    /** The committed question set over the King James Bible's vocabulary. */
    static final String KING_JAMES = "/dev/primer/experiments/text/kjv-analogies.txt";

    private Analogies() {
    }

    /** One question: a is to b as c is to d, in {@code category}. */
    public record Question(String category, String a, String b, String c, String d) {
    }

    /**
     * Word vectors: row i of {@code rows} belongs to {@code words.get(i)}.
     *
     * @param words distinct words
     * @param rows  one vector per word, all of one length
     */
    public record Embedding(List<String> words, float[][] rows) {
        /** Checks that there is one row per word. */
        public Embedding {
            if (words.size() != rows.length) {
                throw new IllegalArgumentException(words.size() + " words but " + rows.length + " vectors");
            }
        }
    }

    /**
     * Accuracy on one category of questions.
     *
     * @param category  the category (or "all")
     * @param questions questions in it
     * @param answered  questions whose four words all have vectors (the others count as wrong)
     * @param top1      fraction of questions whose d is the 3CosAdd answer
     * @param top5      fraction of questions whose d is among the five best candidates
     */
    public record Score(String category, int questions, int answered, double top1, double top5) {
    }

    /** The committed King James question set (1,358 questions in six categories). */
    public static List<Question> kingJames() {
        return parse(Corpora.resourceLines(KING_JAMES), KING_JAMES);
    }

    /**
     * Questions in the questions-words.txt format: a {@code : category} line starts a category, then one
     * {@code a b c d} a line; blank lines and {@code #} comments are skipped. Fails naming {@code source} and the line
     * that is malformed.
     */
    public static List<Question> parse(List<String> lines, String source) {
        List<Question> out = new ArrayList<>();
        String category = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(":")) {
                category = line.substring(1).strip();
                continue;
            }
            String[] w = line.toLowerCase(java.util.Locale.ROOT).split("\\s+");
            if (w.length != 4 || category == null) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected four words after a"
                        + " ': category' line, found \"" + line + "\"");
            }
            out.add(new Question(category, w[0], w[1], w[2], w[3]));
        }
        return out;
    }

    /**
     * The rank of d among all words but a, b and c by cos(x, b − a + c) for each question: 0 when 3CosAdd answers
     * d, −1 when a word of the question has no vector.
     */
    public static int[] ranks(Embedding e, List<Question> questions) {
        float[][] unit = new float[e.rows().length][];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < unit.length; i++) {
            unit[i] = normalised(e.rows()[i]);
            index.put(e.words().get(i), i);
        }
        int[] ranks = new int[questions.size()];
        for (int q = 0; q < ranks.length; q++) {
            Question t = questions.get(q);
            Integer a = index.get(t.a());
            Integer b = index.get(t.b());
            Integer c = index.get(t.c());
            Integer d = index.get(t.d());
            if (a == null || b == null || c == null || d == null) {
                ranks[q] = -1;
                continue;
            }
            float[] query = new float[unit[a].length];
            for (int j = 0; j < query.length; j++) {
                query[j] = unit[b][j] - unit[a][j] + unit[c][j];
            }
            double target = dot(unit[d], query);
            int rank = 0;
            for (int x = 0; x < unit.length; x++) {
                if (x != a && x != b && x != c && x != d && dot(unit[x], query) > target) {
                    rank++;
                }
            }
            ranks[q] = rank;
        }
        return ranks;
    }

    /** Top-1 and top-5 accuracy per category, in the order categories first appear, then over all questions. */
    public static List<Score> score(Embedding e, List<Question> questions) {
        int[] ranks = ranks(e, questions);
        Map<String, List<Integer>> byCategory = new LinkedHashMap<>();
        List<Integer> all = new ArrayList<>();
        for (int q = 0; q < ranks.length; q++) {
            byCategory.computeIfAbsent(questions.get(q).category(), k -> new ArrayList<>()).add(ranks[q]);
            all.add(ranks[q]);
        }
        byCategory.put("all", all);
        List<Score> out = new ArrayList<>();
        byCategory.forEach((category, rs) -> out.add(new Score(category, rs.size(),
                (int) rs.stream().filter(r -> r >= 0).count(), fraction(rs, 1), fraction(rs, 5))));
        return out;
    }

    private static double fraction(List<Integer> ranks, int k) {
        return ranks.isEmpty() ? 0 : ranks.stream().filter(r -> r >= 0 && r < k).count() / (double) ranks.size();
    }

    private static float[] normalised(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] u = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            u[j] = norm > 0 ? (float) (v[j] / norm) : 0f;
        }
        return u;
    }

    private static double dot(float[] x, float[] y) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += x[j] * y[j];
        }
        return s;
    }
}
