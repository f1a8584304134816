package dev.primer.experiments.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.cli.RlCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code primer rl dqn} and {@code primer rl rl4j} train, report and write JSON; a rerun of dqn resumes;
 * {@code primer rl curves} combines runs.
 */
class RlCommandTest {
    @TempDir
    Path dir;

    private static int run(String... args) {
        return new CommandLine(new RlCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Test
    void dqnTrainsWritesJsonAndResumes() throws Exception {
        String[] args = {"dqn", "--env", "cartpole", "--steps", "400", "--memory", "500", "--learning-starts", "100",
                "--eval-episodes", "2", "--checkpoint-every", "200", "--out", dir.resolve("run").toString(), "--json",
                dir.resolve("dqn.json").toString(), "--loss", "mse", "--n-step", "3", "--double"};
        assertEquals(0, run(args));
        assertTrue(Files.readString(dir.resolve("dqn.json")).contains("\"steps\" : 400"));
        assertTrue(Files.exists(dir.resolve("run").resolve("learning-curve.png")));
        assertEquals(0, run(args), "a rerun resumes from the final checkpoint");
    }

    @Test
    void rl4jTrainsOnCartPole() throws Exception {
        assertEquals(0, run("rl4j", "--env", "cartpole", "--steps", "300", "--memory", "500", "--learning-starts", "100",
                "--eval-episodes", "2", "--json", dir.resolve("rl4j.json").toString()));
        assertTrue(Files.readString(dir.resolve("rl4j.json")).contains("frames_per_second"));
    }

    @Test
    void anUnknownEnvironmentIsAnError() {
        assertTrue(run("rl4j", "--env", "pacman", "--steps", "10") != 0);
    }

    @Test
    void curvesCombineRunsIntoATableCsvAndPlot() throws Exception {
        for (int seed = 1; seed <= 2; seed++) {
            Path run = Files.createDirectories(dir.resolve("seed" + seed).resolve("breakout"));
            Files.writeString(run.resolve("episodes.csv"), "step,episode,return,length\n5,1," + seed + ",5\n12,2,"
                    + (3 * seed) + ",7\n");
            Files.writeString(run.resolve("train.csv"), "step,loss,epsilon\n20,0.1,1\n");
        }
        Path out = dir.resolve("curves");
        assertEquals(0, run("curves", "--window", "2", "--every", "10", "--resolution", "5", "--out", out.toString(),
                dir.resolve("seed1").toString(), dir.resolve("seed2").toString()));
        List<String> csv = Files.readAllLines(out.resolve("curves.csv"));
        assertEquals("frame,mean,std_err,seed1,seed2", csv.get(0));
        // frame 15: seed1 (1+3)/2 = 2, seed2 (2+6)/2 = 4: mean 3, standard error |2 − 4| / 2 = 1
        assertEquals("15,3.0000,1.0000,2.0000,4.0000", csv.get(3));
        assertEquals(5, csv.size(), "frames 5, 10, 15, 20");
        assertTrue(Files.exists(out.resolve("curves.png")));
    }

    @Test
    void curvesWithSpansPrintEachRunsMeanOverAllEpisodesInEachSpan() throws Exception {
        for (int seed = 1; seed <= 2; seed++) {
            Path run = Files.createDirectories(dir.resolve("seed" + seed));
            Files.writeString(run.resolve("episodes.csv"), "step,episode,return,length\n5,1," + seed + ",5\n12,2,"
                    + (3 * seed) + ",7\n18,3," + (5 * seed) + ",6\n");
            Files.writeString(run.resolve("train.csv"), "step,loss,epsilon\n20,0.1,1\n");
        }
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run("curves", "--spans", "--every", "10", dir.resolve("seed1").toString(),
                    dir.resolve("seed2").toString()));
        } finally {
            System.setOut(stdout);
        }
        // (10, 20]: seed1 (3+5)/2 = 4, seed2 (6+10)/2 = 8: mean 6, standard error |4 − 8| / 2 = 2
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("4.00   8.00   6.00 ± 2.00"), printed::toString);
    }

    @Test
    void curvesOfAMissingRunIsAnError() {
        assertTrue(run("curves", dir.resolve("nothing").toString()) != 0);
    }
}
