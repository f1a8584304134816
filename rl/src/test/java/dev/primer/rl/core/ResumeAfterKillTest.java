package dev.primer.rl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.rl.dqn.DqnAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DQN training process killed with SIGKILL resumes from its last checkpoint, loses at most one checkpoint
 * interval, finishes at the requested step, and logs no step twice.
 */
class ResumeAfterKillTest {
    static final long EVERY = 300;
    static final long STEPS = 2_000;

    @TempDir
    Path dir;

    static Training.Config config(Path out, long steps) {
        return Training.Config.of(steps, 3).withEval(0, 2, 2, 500).withOutput(out, EVERY).withLogEvery(10);
    }

    static DqnAgent agent() {
        Task task = Task.of("cartpole");
        return new DqnAgent(task.preset().withMemory(5_000, 200), task.shape(), task.actions(), task.scaling(), 3);
    }

    /** Child process entry: train "forever" into {@code args[0]}. */
    public static void main(String[] args) {
        Training.run(config(Path.of(args[0]), Long.MAX_VALUE), Task.of("cartpole").envs(), agent());
    }

    @Test
    void sigkillLosesAtMostOneCheckpointInterval() throws Exception {
        Path run = dir.resolve("run");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ResumeAfterKillTest.class.getName(), run.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path ckpt = run.resolve(RlCheckpoint.FILE);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        try {
            while (stepOf(ckpt) < 3 * EVERY) {
                assertTrue(child.isAlive(), () -> "child died: " + read(dir.resolve("child.log")));
                assertTrue(Instant.now().isBefore(deadline), "no checkpoint at step >= " + 3 * EVERY + " in 3 minutes");
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly().waitFor();
        }
        long loggedAtKill = lastStep(run.resolve(Training.TRAIN));
        long saved = stepOf(ckpt);

        Training.Result resumed = Training.run(config(run, STEPS), Task.of("cartpole").envs(), agent());
        assertEquals(saved, resumed.resumedFrom());
        assertEquals(0, saved % EVERY);
        assertTrue(loggedAtKill - saved <= EVERY, "lost " + (loggedAtKill - saved) + " steps, interval " + EVERY);
        assertEquals(STEPS, resumed.state().step());
        for (String csv : List.of(Training.TRAIN, Training.EPISODES)) {
            List<String> rows = Files.readAllLines(run.resolve(csv));
            long prev = -1;
            for (String row : rows.subList(1, rows.size())) {
                long step = Csv.stepOf(row);
                assertTrue(step > prev, csv + ": step " + step + " after " + prev);
                prev = step;
            }
        }
        assertEquals(STEPS / 10 + 1, Files.readAllLines(run.resolve(Training.TRAIN)).size(),
                "train.csv holds each logged step once, plus its header");
        assertTrue(Files.size(run.resolve(Training.CURVE)) > 0);
        List<String> episodes = Files.readAllLines(run.resolve(Training.EPISODES));
        assertEquals(episodes.size() - 1, resumed.episodeSteps().length, "the curve holds every episode of the run");
        assertEquals(Csv.stepOf(episodes.get(1)), (long) resumed.episodeSteps()[0]);
        assertEquals(Files.readAllLines(run.resolve(Training.EVAL)).size() - 1, resumed.evals().size());
    }

    private static long stepOf(Path ckpt) {
        if (!Files.exists(ckpt)) {
            return -1;
        }
        try {
            return RlCheckpoint.peek(ckpt).step();
        } catch (Exception e) {
            throw new AssertionError("checkpoint unreadable while the child runs: " + e.getMessage(), e);
        }
    }

    private static long lastStep(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        String last = lines.get(lines.size() - 1);
        return last.startsWith("step") ? 0 : Long.parseLong(last.substring(0, last.indexOf(',')));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
