package dev.primer.experiments.seq;

import dev.primer.random.SplitMix64;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A generated sequence-to-sequence task: examples drawn at random, over a fixed vocabulary. */
interface Task {
    /** One example. */
    record Example(String source, String target) {
    }

    /** A random example. */
    Example sample(SplitMix64 rng);

    /** The characters sources and targets are written in. */
    Vocabulary vocabulary();

    /** The longest source. */
    int maxSource();

    /** The longest target. */
    int maxTarget();

    /** Strings of {@code min}–{@code max} digits, uniform in length and digit, to be written backwards. */
    record Reversal(int min, int max) implements Task {
        private static final Vocabulary DIGITS = new Vocabulary("0123456789");

        /** Rejects empty ranges. */
        public Reversal {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("reversal lengths must satisfy 1 <= min <= max, got " + min
                        + ".." + max);
            }
        }

        @Override
        public Example sample(SplitMix64 rng) {
            int n = min + rng.nextInt(max - min + 1);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                s.append((char) ('0' + rng.nextInt(10)));
            }
            return new Example(s.toString(), new StringBuilder(s).reverse().toString());
        }

        @Override
        public Vocabulary vocabulary() {
            return DIGITS;
        }

        @Override
        public int maxSource() {
            return max;
        }

        @Override
        public int maxTarget() {
            return max;
        }
    }

    /**
     * Dates from 1950 to 2049 written in one of {@link #FORMATS} (each unambiguous: slashes are American
     * month/day, dots European day.month), to be normalised to ISO 8601 (yyyy-MM-dd).
     */
    record Dates() implements Task {
        /** The source formats, as {@link DateTimeFormatter} patterns in English. */
        static final List<String> FORMATS = List.of("yyyy-MM-dd", "d MMMM yyyy", "MMMM d, yyyy", "MMM d yyyy",
                "M/d/yyyy", "MM/dd/yy", "d.M.yyyy", "dd-MMM-yyyy", "EEEE, MMMM d, yyyy", "EEE d MMM yy",
                "yyyyMMdd", "d MMM yyyy");
        private static final List<DateTimeFormatter> PARSED = FORMATS.stream()
                .map(f -> DateTimeFormatter.ofPattern(f, Locale.ENGLISH)).toList();
        private static final Vocabulary CHARS = new Vocabulary(
                "0123456789-/., ADFJMNOSTWabcdeghilmnoprstuvy");
        private static final LocalDate FIRST = LocalDate.of(1950, 1, 1);
        private static final int DAYS = (int) (LocalDate.of(2050, 1, 1).toEpochDay() - FIRST.toEpochDay());

        @Override
        public Example sample(SplitMix64 rng) {
            LocalDate d = FIRST.plusDays(rng.nextInt(DAYS));
            String source = d.format(PARSED.get(rng.nextInt(PARSED.size())));
            return new Example(source, d.toString());
        }

        @Override
        public Vocabulary vocabulary() {
            return CHARS;
        }

        @Override
        public int maxSource() {
            return "Wednesday, September 28, 2049".length();
        }

        @Override
        public int maxTarget() {
            return "2049-12-31".length();
        }
    }
}
