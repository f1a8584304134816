package dev.primer.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The kill-and-resume harness every training loop's test shares: a child JVM trains "forever" into a run
 * directory and is killed with SIGKILL once its checkpoint has reached a step.
 */
public final class KillAndResume {
    private KillAndResume() {
    }

    /** The step saved in a checkpoint file. */
    @FunctionalInterface
    public interface StepReader {
        /** The step {@code checkpoint} was saved at. */
        long step(Path checkpoint) throws Exception;
    }

    /**
     * Where a killed run stood.
     *
     * @param loggedStep the last step its metrics log holds
     * @param savedStep  the step of its checkpoint
     */
    public record Killed(long loggedStep, long savedStep) {
        /** Checks that a run resumed from {@code resumedFrom} lost at most one checkpoint interval {@code every}. */
        public void assertResumedWithin(long resumedFrom, long every) {
            assertEquals(savedStep, resumedFrom);
            assertEquals(0, savedStep % every);
            assertTrue(loggedStep - savedStep <= every, "lost " + (loggedStep - savedStep) + " steps, interval " + every);
        }
    }

    /**
     * Runs {@code main} with the argument {@code run} in a child JVM (its output in {@code work/child.log}), kills
     * it once its checkpoint is at step ≥ {@code atLeast}, failing if it dies or takes over 3 minutes, and says
     * where it stood by {@code log} (a {@link StepCsv} in {@code run}).
     */
    public static Killed killOnceSaved(Class<?> main, Path work, Path run, long atLeast, String log,
                                       StepReader reader) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), main.getName(),
                run.toString()).redirectErrorStream(true).redirectOutput(work.resolve("child.log").toFile()).start();
        Path ckpt = run.resolve(RunDirectory.CHECKPOINT);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        try {
            while (stepOf(ckpt, reader) < atLeast) {
                assertTrue(child.isAlive(), () -> "child died: " + read(work.resolve("child.log")));
                assertTrue(Instant.now().isBefore(deadline), "no checkpoint at step >= " + atLeast + " in 3 minutes");
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly().waitFor();
        }
        return new Killed(lastStep(run.resolve(log)), stepOf(ckpt, reader));
    }

    /**
     * Kills a {@link Trainer} run of {@code main} once saved at step ≥ {@code atLeast}, resumes it in the same
     * directory by {@code runIn}, runs {@code runIn} afresh in another, and checks that the resumed run lost at most
     * one checkpoint interval {@code every} and ended with the uninterrupted run's parameters; returns the resumed
     * result.
     */
    public static Trainer.Result resumesLikeAStraightRun(Class<?> main, Path work, long atLeast, long every,
                                                         StepReader reader, Function<Path, Trainer.Result> runIn)
            throws Exception {
        Path run = work.resolve("run");
        Killed killed = killOnceSaved(main, work, run, atLeast, RunDirectory.TRAIN, reader);
        Trainer.Result resumed = runIn.apply(run);
        killed.assertResumedWithin(resumed.resumedFrom(), every);
        Trainer.Result straight = runIn.apply(work.resolve("straight"));
        assertEquals(straight.state().step(), resumed.state().step());
        assertEquals(straight.net().params(), resumed.net().params(), "resumed run diverged from uninterrupted run");
        return resumed;
    }

    private static long stepOf(Path ckpt, StepReader reader) {
        if (!Files.exists(ckpt)) {
            return -1;
        }
        try {
            return reader.step(ckpt);
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
