package dev.primer.experiments.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerAndReportTest {
    @TempDir
    Path out;

    /** A real, tiny experiment: the mean of seeded uniform draws, with a plot of the running mean. */
    static final class RunningMean extends NamedExperiment<RunningMean.Metrics> {
        /** The mean of all the draws. */
        record Metrics(double mean) {
        }

        RunningMean() {
            super("running-mean", "running mean of uniform draws");
        }

        @Override
        public Outcome<Metrics> run(Context ctx) throws Exception {
            int n = ctx.pick(100, 10_000);
            java.util.SplittableRandom rng = new java.util.SplittableRandom(ctx.seed());
            double[] x = new double[n];
            double[] y = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += rng.nextDouble();
                x[i] = i + 1;
                y[i] = sum / (i + 1);
            }
            String plot = Plots.lines(ctx.dir(), "mean", "running mean", "n", "mean",
                    List.of(new Plots.Series("mean", x, y)));
            return new Outcome<>(new Metrics(y[n - 1]), List.of(plot), "mean " + y[n - 1]);
        }
    }

    @Test
    void runWritesResultJsonAndPlotAndReportLinksThem() throws Exception {
        RunRecord r = Runner.run(new RunningMean(), Budget.QUICK, 3, out);
        Path dir = out.resolve("running-mean");
        assertTrue(Files.size(dir.resolve("mean.png")) > 1000, "a real PNG");
        RunRecord back = RunRecord.read(dir);
        assertEquals(r.headline(), back.headline());
        assertEquals(3, back.seed());
        assertEquals("quick", back.budget());
        assertTrue(back.backend().contains("CPU"), back.backend());
        double mean = ((Number) back.metrics().get("mean")).doubleValue();
        assertTrue(mean > 0.4 && mean < 0.6, "mean of 100 uniforms " + mean);
        String html = Files.readString(Report.write(out));
        assertTrue(html.contains("<img src=\"running-mean/mean.png\""), html);
        assertTrue(html.contains(r.headline()));
    }

    @Test
    void everyRegisteredExperimentHasAUniqueName() {
        List<String> names = Registry.all().stream().map(Experiment::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), names.toString());
        assertTrue(Registry.find("memorize-random-labels").isPresent());
    }
}
