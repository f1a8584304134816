package dev.primer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ClusterMainTest {
    private static String[] run(String... args) {
        CommandLine cl = ClusterMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        return new String[] {Integer.toString(cl.execute(args)), out.toString(), err.toString()};
    }

    @Test
    void badInputIsNamedAndExitsWithTwoBeforeSparkStarts() {
        String[] r = run("cluster", "sweep", "no-such-experiment", "--seeds", "1..2", "--budget", "quick");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown experiment 'no-such-experiment'"), r[2]);
        r = run("cluster", "sweep", "sgd-vs-gd-rates", "--seeds", "3..1");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("the range is empty"), r[2]);
        r = run("cluster", "corpus", "--engine", "x", "--games", "4", "--out", "o", "--games-per-task", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("tasks of 0"), r[2]);
    }

    @Test
    void aBadTrainSlFlagGivesTheUsage() {
        String[] r = run("cluster", "train-sl", "--out", "o", "--workers", "3");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("does not split evenly over 3 workers") && r[2].contains("Usage:"), r[2]);
        r = run("cluster", "train-sl", "--out", "o", "--averaging-frequency", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--averaging-frequency >= 1"), r[2]);
        r = run("cluster", "train-sl", "--out", "o", "--budget", "huge");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--budget") && r[2].contains("Usage:"), r[2]);
    }

    @Test
    void thePlainCommandsAreStillThere() {
        String[] r = run("--help");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("cluster") && r[1].contains("match") && r[1].contains("run"), r[1]);
    }
}
