package dev.primer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.match.GameResult;
import dev.primer.experiments.match.Match;
import dev.primer.experiments.match.MatchConfig;
import dev.primer.experiments.match.MatchReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchJobTest {
    @Test
    void theJobsTableAndJsonAreThoseOfTheSingleMachineMatch(@TempDir Path dir) throws Exception {
        String gnugo = CorpusJobTest.GNUGO;
        MatchConfig single = new MatchConfig(gnugo, CorpusJobTest.passer(null), 5, 7, 7, true,
                Optional.of(dir.resolve("single")), Optional.of(gnugo), 30, 3 * 49);
        MatchReport expected = new Match(single, g -> { }).run();
        MatchConfig spark = new MatchConfig(single.engineA(), single.engineB(), 5, 7, 7, true,
                Optional.of(dir.resolve("spark")), single.referee(), 30, 3 * 49);
        MatchReport report;
        StringWriter log = new StringWriter();
        try (JavaSparkContext sc = SparkJobs.open("local[2]", "test")) {
            report = MatchJob.run(sc, spark, 2, new PrintWriter(log, true));
        }
        // GNU Go breaks ties at random from a state that carries over from game to game in one process, so the moves
        // of game i depend on the games its engine played before; colours, winners and the table do not
        assertEquals(5, report.games().size());
        for (int i = 0; i < 5; i++) {
            GameResult e = expected.games().get(i);
            GameResult g = report.games().get(i);
            assertEquals(List.of(i + 1, e.engineAColor(), e.winner()), List.of(g.index(), g.engineAColor(), g.winner()));
            assertEquals(String.format("game-%03d.sgf", i + 1), CorpusJobTest.files(dir.resolve("spark")).get(i));
        }
        assertEquals(expected.table(), report.table());
        assertEquals(5, CorpusJobTest.files(dir.resolve("spark")).size(), "no temp file left");
        assertTrue(CorpusJobTest.awaitLine(log, "3/3 tasks"), log.toString());
    }
}
