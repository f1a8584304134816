package dev.primer.rl.core;

import dev.primer.nn.train.CheckpointPayload;
import dev.primer.nn.train.SealedFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A training checkpoint: {@link LoopState} plus the agent's complete state (networks with optimiser state,
 * replay memory, random streams) in one nn-core {@link SealedFile} (atomic, SHA-256 checked on load).
 *
 * <p>Payload ({@link CheckpointPayload}): the loop state as the JSON header and the agent's bytes as the body.
 */
public final class RlCheckpoint {
    private static final String MAGIC = "PRIMERRL";
    private static final int VERSION = 3;
    /** Format 2 is format 3 without {@link LoopState#best}, which reads as null (no kept policy yet). */
    private static final int OLDEST_READABLE = 2;

    private RlCheckpoint() {
    }

    /** Writes {@code state} and {@code agent} to {@code file} atomically; a crash leaves the old file intact. */
    public static void write(Path file, LoopState state, Agent agent) throws IOException {
        ByteArrayOutputStream agentBytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream a = new DataOutputStream(agentBytes)) {
            agent.write(a);
        }
        SealedFile.write(file, MAGIC, VERSION, CheckpointPayload.encode(state, agentBytes));
    }

    /** The loop state of a checkpoint, without touching any agent. */
    public static LoopState peek(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Restores {@code agent} (unless null) from {@code file} and returns the loop state; reads formats 2 and 3,
     * fails on a corrupt file or another format.
     */
    public static LoopState read(Path file, Agent agent) throws IOException {
        return parse(SealedFile.read(file, MAGIC, OLDEST_READABLE, VERSION), agent);
    }

    /** As {@link #read}, falling back to the checkpoint before it as {@link SealedFile#readNewest} does. */
    public static LoopState resume(Path file, Agent agent, Consumer<String> notice) throws IOException {
        return parse(SealedFile.readNewest(file, MAGIC, OLDEST_READABLE, VERSION, notice), agent);
    }

    private static LoopState parse(ByteBuffer b, Agent agent) throws IOException {
        CheckpointPayload<LoopState> p = CheckpointPayload.decode(b, LoopState.class);
        if (agent != null) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(p.body()))) {
                agent.read(in);
            }
        }
        return p.header();
    }
}
