package dev.primer.rl.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trailing means, reading at frames, the mean and standard error across runs, and reading runs from disk. */
class RunCurvesTest {
    @TempDir
    Path dir;

    private static final RunCurves.Run A = new RunCurves.Run("a", 50, new double[] {10, 20, 30, 40},
            new double[] {1, 3, 5, 7});
    private static final RunCurves.Run B = new RunCurves.Run("b", 60, new double[] {25, 45},
            new double[] {2, 10});

    @Test
    void trailingMeanAveragesUpToWindowEpisodes() {
        assertArrayEquals(new double[] {1, 1.5, 2.5, 3.5, 4.5},
                RunCurves.trailingMean(new double[] {1, 2, 3, 4, 5}, 2), 1e-12);
        assertArrayEquals(new double[] {1, 1.5, 2, 2.5, 3},
                RunCurves.trailingMean(new double[] {1, 2, 3, 4, 5}, 100), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> RunCurves.trailingMean(new double[] {1}, 0));
    }

    @Test
    void atCountsEpisodesEndedAtOrBeforeTheFrame() {
        assertTrue(Double.isNaN(RunCurves.at(A, 2, 9)), "no episode has ended by frame 9");
        assertEquals(1, RunCurves.at(A, 2, 10), 1e-12, "an episode ending at the frame counts");
        assertEquals(2, RunCurves.at(A, 2, 29), 1e-12);
        assertEquals(4, RunCurves.at(A, 2, 30), 1e-12);
        assertEquals(6, RunCurves.at(A, 2, 1_000), 1e-12);
        assertEquals(4, RunCurves.at(A, 100, 1_000), 1e-12);
    }

    @Test
    void summaryIsTheMeanAndStandardErrorAcrossRuns() {
        RunCurves.Summary s = RunCurves.summarise(List.of(A, B), 2, new long[] {20, 30, 50});
        assertEquals(2, s.mean()[0], 1e-12, "only run a has a value at frame 20");
        assertTrue(Double.isNaN(s.stdErr()[0]), "one run has no standard error");
        assertTrue(Double.isNaN(s.perRun()[1][0]));
        // frame 30: a = (3+5)/2 = 4, b = 2; frame 50: a = 6, b = 6. For two runs s.e. = |a − b| / 2.
        assertArrayEquals(new double[] {4, 2}, new double[] {s.perRun()[0][1], s.perRun()[1][1]}, 1e-12);
        assertEquals(3, s.mean()[1], 1e-12);
        assertEquals(1, s.stdErr()[1], 1e-12);
        assertEquals(6, s.mean()[2], 1e-12);
        assertEquals(0, s.stdErr()[2], 1e-12);
    }

    @Test
    void spansAverageEveryEpisodeEndingInThem() {
        RunCurves.Summary s = RunCurves.summariseSpans(List.of(A, B), 20, new long[] {20, 40, 60});
        // a ends episodes at 10, 20 | 30, 40 | none in (40, 60]; b at 25 | 45.
        assertArrayEquals(new double[] {2, 6, Double.NaN}, s.perRun()[0], 1e-12);
        assertArrayEquals(new double[] {Double.NaN, 2, 10}, s.perRun()[1], 1e-12);
        assertEquals(2, s.mean()[0], 1e-12);
        assertEquals(4, s.mean()[1], 1e-12);
        assertEquals(2, s.stdErr()[1], 1e-12, "two runs: |6 − 2| / 2");
        assertEquals(10, s.mean()[2], 1e-12, "only b has an episode ending in (40, 60]");
        assertEquals(4, RunCurves.summariseSpans(List.of(A), 1_000, new long[] {1_000}).mean()[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> RunCurves.summariseSpans(List.of(A), 0, new long[] {10}));
    }

    @Test
    void commonFramesStopAtTheShortestRun() {
        assertArrayEquals(new long[] {20, 40}, RunCurves.commonFrames(List.of(A, B), 20));
        assertArrayEquals(new long[] {50}, RunCurves.commonFrames(List.of(A, B), 100));
        assertThrows(IllegalArgumentException.class, () -> RunCurves.commonFrames(List.of(A), 0));
    }

    @Test
    void readsEveryRunBelowADirectoryWithItsLengthFromTheTrainLog() throws Exception {
        Path one = Files.createDirectories(dir.resolve("seed1").resolve("breakout"));
        Files.writeString(one.resolve("episodes.csv"), "step,episode,return,length\n6,1,0,6\n19,2,3,13\n");
        Files.writeString(one.resolve("train.csv"), "step,loss,epsilon\n1000,NaN,1\n2000,0.5,1\n");
        Path two = Files.createDirectories(dir.resolve("seed2"));
        Files.writeString(two.resolve("episodes.csv"), "step,episode,return,length\n8,1,2,8\n");

        List<RunCurves.Run> all = RunCurves.read(dir);
        assertEquals(List.of("seed1/breakout", "seed2"), all.stream().map(RunCurves.Run::name).toList());
        assertEquals(2000, all.get(0).frames(), "the train log's last step");
        assertArrayEquals(new double[] {0, 3}, all.get(0).returns(), 1e-12);
        assertEquals(8, all.get(1).frames(), "without a train log, the last episode's end");

        List<RunCurves.Run> single = RunCurves.read(dir.resolve("seed1"));
        assertEquals("seed1", single.get(0).name(), "a lone run is named after the path given");
    }

    @Test
    void badInputNamesTheProblem() throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunCurves.read(dir.resolve("none")))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunCurves.read(dir))
                .getMessage().contains("no episodes.csv"));
        Path f = dir.resolve("episodes.csv");
        Files.writeString(f, "step,episode,return,length\n30,1,1,30\n20,2,1,10\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunCurves.read(f))
                .getMessage().contains("data row 2"));
    }
}
