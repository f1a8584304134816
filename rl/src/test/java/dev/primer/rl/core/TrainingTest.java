package dev.primer.rl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.rl.dqn.DqnAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's files, evaluations and checkpoint integrity. */
class TrainingTest {
    @TempDir
    Path dir;

    @Test
    void writesMetricsCurveAndCheckpointAndEvaluatesOnSchedule() throws Exception {
        Task task = Task.of("cartpole");
        DqnAgent agent = new DqnAgent(task.preset().withMemory(1000, 100), task.shape(), task.actions(), 0, 1);
        Training.Result r = Training.run(new Training.Config(600, 200, 3, 5, 100, 300, 50, dir, false, 1),
                task.envs(), agent);
        assertEquals(List.of(200L, 400L, 600L), r.evals().stream().map(Training.EvalPoint::step).toList());
        assertEquals(5, r.finalEval().episodes());
        assertEquals(4, Files.readAllLines(dir.resolve(Training.EVAL)).size());
        assertEquals(13, Files.readAllLines(dir.resolve(Training.TRAIN)).size());
        List<String> episodes = Files.readAllLines(dir.resolve(Training.EPISODES));
        assertEquals(r.episodeReturns().length + 1, episodes.size());
        assertEquals(r.state().episodes(), r.episodeReturns().length);
        assertTrue(Files.size(dir.resolve(Training.CURVE)) > 1000);
        assertEquals(600, RlCheckpoint.peek(dir.resolve(RlCheckpoint.FILE)).step());
        assertTrue(r.framesPerSecond() > 0);
    }

    @Test
    void aCorruptCheckpointIsRefused() throws Exception {
        Task task = Task.of("cartpole");
        DqnAgent agent = new DqnAgent(task.preset().withMemory(100, 10), task.shape(), task.actions(), 0, 1);
        Path f = dir.resolve("c.bin");
        RlCheckpoint.write(f, LoopState.start(1), agent);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 1;
        Files.write(f, b);
        IOException e = assertThrows(IOException.class, () -> RlCheckpoint.peek(f));
        assertTrue(e.getMessage().contains("corrupt"));
    }
}
