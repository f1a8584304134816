package dev.primer.rl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.train.KillAndResume;
import dev.primer.nn.train.StepCsv;
import dev.primer.rl.dqn.DqnAgent;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return DqnAgent.of(task, task.preset().withMemory(5_000, 200), 3);
    }

    /** Child process entry: train "forever" into {@code args[0]}. */
    public static void main(String[] args) {
        Training.run(config(Path.of(args[0]), Long.MAX_VALUE), Task.of("cartpole").envs(), agent());
    }

    @Test
    void sigkillLosesAtMostOneCheckpointInterval() throws Exception {
        Path run = dir.resolve("run");
        KillAndResume.Killed killed = KillAndResume.killOnceSaved(ResumeAfterKillTest.class, dir, run, 3 * EVERY,
                Training.TRAIN, f -> RlCheckpoint.peek(f).step());

        Training.Result resumed = Training.run(config(run, STEPS), Task.of("cartpole").envs(), agent());
        killed.assertResumedWithin(resumed.resumedFrom(), EVERY);
        assertEquals(STEPS, resumed.state().step());
        for (String csv : List.of(Training.TRAIN, Training.EPISODES)) {
            List<String> rows = Files.readAllLines(run.resolve(csv));
            long prev = -1;
            for (String row : rows.subList(1, rows.size())) {
                long step = StepCsv.stepOf(row);
                assertTrue(step > prev, csv + ": step " + step + " after " + prev);
                prev = step;
            }
        }
        assertEquals(STEPS / 10 + 1, Files.readAllLines(run.resolve(Training.TRAIN)).size(),
                "train.csv holds each logged step once, plus its header");
        assertTrue(Files.size(run.resolve(Training.CURVE)) > 0);
        List<String> episodes = Files.readAllLines(run.resolve(Training.EPISODES));
        assertEquals(episodes.size() - 1, resumed.episodeSteps().length, "the curve holds every episode of the run");
        assertEquals(StepCsv.stepOf(episodes.get(1)), (long) resumed.episodeSteps()[0]);
        assertEquals(Files.readAllLines(run.resolve(Training.EVAL)).size() - 1, resumed.evals().size());
    }
}
