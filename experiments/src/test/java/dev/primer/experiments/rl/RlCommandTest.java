package dev.primer.experiments.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.cli.RlCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code primer rl dqn} and {@code primer rl rl4j} train, report and write JSON; a rerun of dqn resumes. */
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
}
