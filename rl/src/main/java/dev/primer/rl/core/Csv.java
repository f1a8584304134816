package dev.primer.rl.core;

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
 * An append-only CSV whose first column is the environment step. Opening it for a resumed run drops the
 * rows after the checkpoint's step, so no step is logged twice.
 */
final class Csv implements AutoCloseable {
    private final BufferedWriter out;

    private Csv(BufferedWriter out) {
        this.out = out;
    }

    /** Opens {@code file} (creating it with {@code header}) keeping only rows with step ≤ {@code fromStep}. */
    static Csv open(Path file, String header, long fromStep) {
        try {
            if (Files.exists(file)) {
                List<String> kept = Files.readAllLines(file).stream()
                        .filter(l -> l.equals(header) || stepOf(l) <= fromStep).toList();
                Files.write(file, kept);
            } else {
                Files.writeString(file, header + "\n");
            }
            return new Csv(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numeric rows of {@code file} (header and rows cut short by a crash left out), or none if it is absent. */
    static List<double[]> rows(Path file) {
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

    /** Appends one row: the step, then the values. */
    void row(long step, double... values) {
        try {
            out.write(Long.toString(step));
            for (double v : values) {
                out.write(',');
                out.write(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                        : String.format(Locale.ROOT, "%.6g", v));
            }
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The step a row starts with, or MAX_VALUE for a header or a row cut short by a crash. */
    static long stepOf(String row) {
        int comma = row.indexOf(',');
        try {
            return comma < 0 ? Long.MAX_VALUE : Long.parseLong(row.substring(0, comma));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
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
