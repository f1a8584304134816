package dev.primer.rl.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.nn.train.RunDirectory;
import dev.primer.nn.train.SealedFile;
import dev.primer.random.SplitMix64;
import dev.primer.rl.dqn.DqnAgent;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
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
        DqnAgent agent = DqnAgent.of(task, task.preset().withMemory(1000, 100), 1);
        Training.Result r = Training.run(Training.Config.of(600, 1).withEval(200, 3, 5, 100).withOutput(dir, 300)
                .withLogEvery(50), task.envs(), agent);
        assertEquals(List.of(200L, 400L, 600L), r.evals().stream().map(Training.EvalPoint::step).toList());
        assertEquals(5, r.finalEval().episodes());
        assertEquals(4, Files.readAllLines(dir.resolve(Training.EVAL)).size());
        assertEquals(13, Files.readAllLines(dir.resolve(Training.TRAIN)).size());
        List<String> episodes = Files.readAllLines(dir.resolve(Training.EPISODES));
        assertEquals(r.episodeReturns().length + 1, episodes.size());
        assertEquals(r.state().episodes(), r.episodeReturns().length);
        assertTrue(Files.size(dir.resolve(Training.CURVE)) > 1000);
        assertEquals(600, RlCheckpoint.peek(dir.resolve(RunDirectory.CHECKPOINT)).step());
        assertTrue(r.framesPerSecond() > 0);
    }

    @Test
    void keepsTheBestEvaluatedPolicyScoresItOnTheFinalEpisodesAndCheckpointsIt() throws Exception {
        Task task = Task.of("cartpole");
        DqnAgent agent = DqnAgent.of(task, task.preset().withMemory(1000, 100), 2);
        Training.Result r = Training.run(Training.Config.of(1000, 2).withEval(200, 3, 5, 100).withOutput(dir, 500)
                .withLogEvery(50).withKeepBest(true), task.envs(), agent);
        List<Training.EvalPoint> periodic = r.evals().subList(0, r.evals().size() - 1);
        Training.EvalPoint first = periodic.get(0);
        for (Training.EvalPoint p : periodic) {
            first = p.mean() > first.mean() ? p : first;
        }
        LoopState.Best best = r.state().best();
        assertEquals(first.step(), best.step(), "the first evaluation with the highest mean");
        assertEquals(first.mean(), best.mean());
        Training.EvalPoint last = r.finalEval();
        if (last.mean() >= best.mean()) {
            assertEquals(last, r.bestEval(), "the final policy did at least as well: it is the one kept");
        } else {
            assertEquals(best.step(), r.bestEval().step());
            assertEquals(last.episodes(), r.bestEval().episodes());
        }
        double[] again = Training.evaluate(agent, task.envs().get(), last.episodes(),
                new SplitMix64(2 ^ 1000L).nextLong(), 100);
        assertEquals(last.mean(), Training.mean(again), 1e-9, "the agent is left with its final parameters");
        LoopState saved = RlCheckpoint.peek(dir.resolve(RunDirectory.CHECKPOINT));
        assertEquals(best.step(), saved.best().step());
        assertArrayEquals(best.parameters(), saved.best().parameters());
    }

    @Test
    void aCorruptCheckpointIsRefused() throws Exception {
        Task task = Task.of("cartpole");
        DqnAgent agent = DqnAgent.of(task, task.preset().withMemory(100, 10), 1);
        Path f = dir.resolve("c.bin");
        RlCheckpoint.write(f, LoopState.start(1), agent);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 1;
        Files.write(f, b);
        IOException e = assertThrows(IOException.class, () -> RlCheckpoint.peek(f));
        assertTrue(e.getMessage().contains("corrupt"));
    }

    @Test
    void aCorruptNewestCheckpointResumesFromThePreviousOne() throws Exception {
        Task task = Task.of("cartpole");
        DqnAgent agent = DqnAgent.of(task, task.preset().withMemory(1000, 100), 1);
        Training.run(Training.Config.of(600, 1).withEval(200, 3, 5, 100).withOutput(dir, 300).withLogEvery(50),
                task.envs(), agent);
        Path ckpt = dir.resolve(RunDirectory.CHECKPOINT);
        assertEquals(300, RlCheckpoint.peek(SealedFile.previous(ckpt)).step());
        byte[] b = Files.readAllBytes(ckpt);
        b[b.length / 2] ^= 1;
        Files.write(ckpt, b);

        DqnAgent again = DqnAgent.of(task, task.preset().withMemory(1000, 100), 1);
        Training.Result r = Training.run(Training.Config.of(900, 1).withEval(200, 3, 5, 100).withOutput(dir, 300)
                .withLogEvery(50), task.envs(), again);
        assertEquals(300, r.resumedFrom());
        assertEquals(900, r.state().step());
        assertEquals(900, RlCheckpoint.peek(ckpt).step());
    }

    @Test
    void aFormat2CheckpointWithoutAKeptPolicyIsRead() throws Exception {
        Task task = Task.of("cartpole");
        DqnAgent agent = DqnAgent.of(task, task.preset().withMemory(100, 10), 1);
        Path f = dir.resolve("c.bin");
        RlCheckpoint.write(f, new LoopState(70, 3, 1, 0.5, new double[] {9, 11}, null), agent);
        ByteBuffer b = SealedFile.read(f, "PRIMERRL", 3);
        byte[] header = new byte[b.getInt()];
        b.get(header);
        byte[] agentBytes = new byte[b.getInt()];
        b.get(agentBytes);
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = (ObjectNode) json.readTree(header);
        assertTrue(node.has("best"));
        node.remove("best");
        byte[] oldHeader = json.writeValueAsBytes(node);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeInt(oldHeader.length);
            out.write(oldHeader);
            out.writeInt(agentBytes.length);
            out.write(agentBytes);
        }
        SealedFile.write(f, "PRIMERRL", 2, payload.toByteArray());
        DqnAgent restored = DqnAgent.of(task, task.preset().withMemory(100, 10), 2);
        LoopState s = RlCheckpoint.read(f, restored);
        assertEquals(70, s.step());
        assertArrayEquals(new double[] {9, 11}, s.recentReturns());
        assertNull(s.best());
        assertArrayEquals(agent.policyParameters(), restored.policyParameters());
    }
}
