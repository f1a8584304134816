package dev.primer.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepCsvTest {
    @TempDir
    Path dir;

    @Test
    void reopeningKeepsTheHeaderAndTheRowsUpToTheStepAndDropsARowCutShortByACrash() throws Exception {
        Path f = dir.resolve("train.csv");
        Files.writeString(f, "step,loss\n10,0.5\n20,0.25\n30,0.125\n4");
        try (StepCsv csv = StepCsv.open(f, "step,loss", 20)) {
            csv.row(21, 0.1, 3);
        }
        assertEquals(List.of("step,loss", "10,0.5", "20,0.25", "21,0.100000,3"), Files.readAllLines(f));
    }

    @Test
    void aNewLogStartsWithItsHeaderAndANullHeaderCreatesNothing() throws Exception {
        Path f = dir.resolve("episodes.csv");
        StepCsv.open(f, "step,return", 0).close();
        assertEquals(List.of("step,return"), Files.readAllLines(f));
        Path eval = dir.resolve("eval.csv");
        StepCsv.keepUpTo(eval, null, 0);
        assertFalse(Files.exists(eval));
    }

    @Test
    void rowsLeaveOutTheHeaderAndARowCutShortByACrash() throws Exception {
        Path f = dir.resolve("eval.csv");
        Files.writeString(f, "step,mean\n5,1.5\n6,2\n7");
        List<double[]> rows = StepCsv.rows(f);
        assertEquals(2, rows.size());
        assertArrayEquals(new double[] {5, 1.5}, rows.get(0));
        assertArrayEquals(new double[] {6, 2}, rows.get(1));
        assertEquals(List.of(), StepCsv.rows(dir.resolve("absent.csv")));
    }
}
