package dev.primer.nn.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An append-only CSV whose first column is the step of a run, the metrics log of every primer training loop.
 * Opening it for a resumed run drops the rows after the checkpoint's step and a row cut short by a crash, so no
 * step is logged twice.
 */
public final class StepCsv implements AutoCloseable {
    private final BufferedWriter out;

    private StepCsv(BufferedWriter out) {
        this.out = out;
    }

    /** Opens {@code file} for appending after {@link #keepUpTo}. */
    public static StepCsv open(Path file, String header, long fromStep) {
        try {
            keepUpTo(file, header, fromStep);
            return new StepCsv(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the header and the rows with step ≤ {@code step} of {@code file}, or creates it holding {@code header}
     * if absent; with a null {@code header} an absent file stays absent and any line starting "step" is the header.
     */
    public static void keepUpTo(Path file, String header, long step) throws IOException {
        if (Files.exists(file)) {
            List<String> kept = Files.readAllLines(file).stream()
                    .filter(l -> (header == null ? l.startsWith("step") : l.equals(header)) || stepOf(l) <= step)
                    .toList();
            Files.write(file, kept);
        } else if (header != null) {
            Files.writeString(file, header + "\n");
        }
    }

    /** The numeric rows of {@code file} (header and rows cut short by a crash left out), or none if it is absent. */
    public static List<double[]> rows(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            return Files.readAllLines(file).stream().filter(l -> stepOf(l) != Long.MAX_VALUE)
                    .map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray()).toList();
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The step a row starts with, or MAX_VALUE for a header or a row cut short by a crash. */
    public static long stepOf(String row) {
        int comma = row.indexOf(',');
        try {
            return comma < 0 ? Long.MAX_VALUE : Long.parseLong(row.substring(0, comma));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Appends one row: the step, then the values (integers without a decimal point, others to 6 digits). */
    public void row(long step, double... values) {
        StringBuilder line = new StringBuilder(Long.toString(step));
        for (double v : values) {
            line.append(',').append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                    : String.format(Locale.ROOT, "%.6g", v));
        }
        line(line.toString());
    }

    /** Appends {@code line} as it is and flushes it. */
    public void line(String line) {
        try {
            out.write(line);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
