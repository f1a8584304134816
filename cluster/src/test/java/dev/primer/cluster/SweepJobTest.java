package dev.primer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.core.Budget;
import dev.primer.experiments.core.Registry;
import dev.primer.experiments.core.RunRecord;
import dev.primer.experiments.core.Runner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepJobTest {
    private static final String EXPERIMENT = "sgd-vs-gd-rates";

    @Test
    void eachSeedsResultIsTheSingleMachineRunsAndTheSummaryIsTheirMeanAndStandardError(@TempDir Path dir)
            throws Exception {
        SweepJob.Plan plan = new SweepJob.Plan(EXPERIMENT, Budget.QUICK, List.of(1L, 2L), List.of(List.of()),
                dir.resolve("sweep"), List.of("-Xmx1g"));
        Map<String, Map<String, SweepJob.Stat>> stats;
        try (JavaSparkContext sc = SparkJobs.open("local[2]", "test")) {
            stats = SweepJob.run(sc, plan, new PrintWriter(new StringWriter()));
        }
        RunRecord single = Runner.run(Registry.find(EXPERIMENT).orElseThrow(), Budget.QUICK, 2, dir.resolve("one"));
        RunRecord swept = RunRecord.read(dir.resolve("sweep/default/seed-2").resolve(EXPERIMENT));
        assertEquals(single.metrics(), swept.metrics(), "seed 2 on an executor is seed 2 on one machine");

        RunRecord first = RunRecord.read(dir.resolve("sweep/default/seed-1").resolve(EXPERIMENT));
        double a = ((Number) first.metrics().get("gd_separable_slope")).doubleValue();
        double b = ((Number) swept.metrics().get("gd_separable_slope")).doubleValue();
        SweepJob.Stat s = stats.get("default").get("gd_separable_slope");
        assertEquals((a + b) / 2, s.mean(), 1e-12);
        assertEquals(Math.abs(a - b) / 2, s.stdErr(), 1e-12, "two seeds: s.e. = |a - b| / 2");
        assertTrue(Files.readString(dir.resolve("sweep").resolve(SweepJob.SUMMARY)).contains("gd_separable_slope"));
    }

    @Test
    void seedsAndSettingsParseIntoTheirProduct() {
        assertEquals(List.of(3L, 4L, 5L), SweepJob.seeds("3..5"));
        assertEquals(List.of(1L, 7L), SweepJob.seeds("1, 7"));
        assertThrows(IllegalArgumentException.class, () -> SweepJob.seeds("5..3"));
        assertThrows(IllegalArgumentException.class, () -> SweepJob.seeds("x"));
        assertEquals(List.of(List.of("g=a", "s=1"), List.of("g=a", "s=2"), List.of("g=b", "s=1"),
                List.of("g=b", "s=2")), SweepJob.settings(List.of("g=a,b", "s=1,2")));
        assertEquals(List.of(List.of()), SweepJob.settings(List.of()));
        assertThrows(IllegalArgumentException.class, () -> SweepJob.settings(List.of("novalue")));
        assertEquals("primer.minatar.game=asterix", SweepJob.label(List.of("primer.minatar.game=asterix")));
    }

    @Test
    void aStatOfOneSeedHasNoStandardError() {
        assertTrue(Double.isNaN(SweepJob.Stat.of(new double[] {2}).stdErr()));
        assertEquals(1, SweepJob.Stat.of(new double[] {1, 2, 3}).mean() - 1, 1e-12);
        assertEquals(1 / Math.sqrt(3), SweepJob.Stat.of(new double[] {1, 2, 3}).stdErr(), 1e-12);
    }
}
