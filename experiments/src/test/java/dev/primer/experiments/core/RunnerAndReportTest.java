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

        @Override
        public Claim claim() {
            return Claim.of(Chapter.OPTIMISE, "The running mean of uniform draws tends to 1/2.", "", "1/2", "mean");
        }

        /** Reproduced within 0.1 of 1/2. */
        @Override
        public Verdict judge(Metrics m) {
            return Verdict.of(Math.abs(m.mean() - 0.5) < 0.1, false);
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
        assertEquals("reproduced", back.verdict(), "the verdict judged from the metrics");
        String index = Files.readString(Report.write(out));
        assertTrue(index.contains("<a href=\"running-mean/index.html\">running-mean</a>"), index);
        assertTrue(index.contains("not run"), "registered experiments without a result are listed: " + index);
        String page = Files.readString(dir.resolve(Report.PAGE));
        assertTrue(page.contains("<img src=\"mean.png\""), page);
        assertTrue(page.contains(r.headline()) && page.contains("./primer run running-mean --budget full --seed 3"),
                page);
    }

    @Test
    void everyRegisteredExperimentHasAUniqueName() {
        List<String> names = Registry.all().stream().map(Experiment::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), names.toString());
        assertTrue(Registry.find("memorize-random-labels").isPresent());
    }
}
