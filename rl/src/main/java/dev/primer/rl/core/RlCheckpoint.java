package dev.primer.rl.core;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * <p>Payload: int header length, header JSON, int agent length, agent bytes.
 */
public final class RlCheckpoint {
    /** The file name a run keeps its checkpoint under. */
    public static final String FILE = "checkpoint.bin";
    private static final String MAGIC = "PRIMERRL";
    private static final int VERSION = 3;
    /** Format 2 is format 3 without {@link LoopState#best}, which reads as null (no kept policy yet). */
    private static final int OLDEST_READABLE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RlCheckpoint() {
    }

    /** Writes {@code state} and {@code agent} to {@code file} atomically; a crash leaves the old file intact. */
    public static void write(Path file, LoopState state, Agent agent) throws IOException {
        ByteArrayOutputStream agentBytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream a = new DataOutputStream(agentBytes)) {
            agent.write(a);
        }
        byte[] header = JSON.writeValueAsBytes(state);
        ByteArrayOutputStream payload = new ByteArrayOutputStream(agentBytes.size() + header.length + 16);
        DataOutputStream out = new DataOutputStream(payload);
        out.writeInt(header.length);
        out.write(header);
        out.writeInt(agentBytes.size());
        agentBytes.writeTo(out);
        out.flush();
        SealedFile.write(file, MAGIC, VERSION, payload.toByteArray());
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
        byte[] header = new byte[b.getInt()];
        b.get(header);
        byte[] agentBytes = new byte[b.getInt()];
        b.get(agentBytes);
        LoopState state = JSON.readValue(header, LoopState.class);
        if (agent != null) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(agentBytes))) {
                agent.read(in);
            }
        }
        return state;
    }
}
