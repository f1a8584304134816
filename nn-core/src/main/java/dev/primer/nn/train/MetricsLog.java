package dev.primer.nn.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Training metrics as CSV: {@code train.csv} (step, epoch, loss) and {@code eval.csv} (step, then one
 * column per metric). On resume, rows after the checkpoint's step are dropped so no step appears twice.
 */
final class MetricsLog implements AutoCloseable {
    private final StepCsv train;
    private final RunDirectory run;

    private MetricsLog(StepCsv train, RunDirectory run) {
        this.train = train;
        this.run = run;
    }

    /** The logs of {@code run} (null: none) cut back to {@code fromStep}. */
    static MetricsLog open(RunDirectory run, long fromStep) {
        if (run == null) {
            return new MetricsLog(null, null);
        }
        run.create();
        try {
            StepCsv.keepUpTo(run.file(RunDirectory.EVAL), null, fromStep);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MetricsLog(run.csv(RunDirectory.TRAIN, "step,epoch,loss", fromStep), run);
    }

    void train(long step, int epoch, double loss) {
        if (train == null) {
            return;
        }
        train.line(step + "," + epoch + "," + String.format(Locale.ROOT, "%.6g", loss));
    }

    void eval(long step, Map<String, Double> metrics) {
        appendEval(run, step, metrics);
    }

    static void appendEval(RunDirectory run, long step, Map<String, Double> metrics) {
        if (run == null || metrics.isEmpty()) {
            return;
        }
        Path p = run.file(RunDirectory.EVAL);
        try {
            if (!Files.exists(p) || Files.size(p) == 0) {
                Files.writeString(p, "step," + String.join(",", metrics.keySet()) + "\n");
            }
            String row = step + "," + metrics.values().stream()
                    .map(v -> String.format(Locale.ROOT, "%.6g", v)).collect(Collectors.joining(","));
            Files.writeString(p, row + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of the run's {@code eval.csv} as maps from column name (step first) to value; empty if none. */
    static List<Map<String, Double>> readEval(RunDirectory run) {
        Path p = run.file(RunDirectory.EVAL);
        if (!Files.exists(p)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(p);
            String[] header = lines.get(0).split(",");
            List<Map<String, Double>> rows = new java.util.ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                Map<String, Double> row = new java.util.LinkedHashMap<>();
                for (int i = 0; i < header.length && i < f.length; i++) {
                    row.put(header[i], Double.parseDouble(f[i]));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (train != null) {
            train.close();
        }
    }
}
