package dev.primer.rl.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A training checkpoint: {@link LoopState} plus the agent's complete state (networks with optimiser state,
 * replay memory, random streams), written atomically (temp file, fsync, rename) and ending with a SHA-256
 * of everything before it, checked on load — the same discipline as nn-core's {@code Checkpoint}.
 *
 * <p>Layout: {@code "PRIMERRL"}, int version, int header length, header JSON, int agent length, agent bytes,
 * 32-byte SHA-256.
 */
public final class RlCheckpoint {
    /** The file name a run keeps its checkpoint under. */
    public static final String FILE = "checkpoint.bin";
    private static final byte[] MAGIC = "PRIMERRL".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int DIGEST_BYTES = 32;
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
        ByteArrayOutputStream all = new ByteArrayOutputStream(agentBytes.size() + header.length + 64);
        DataOutputStream out = new DataOutputStream(all);
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(header.length);
        out.write(header);
        out.writeInt(agentBytes.size());
        agentBytes.writeTo(out);
        out.flush();
        byte[] body = all.toByteArray();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(body));
            ch.write(ByteBuffer.wrap(sha256(body, body.length)));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The loop state of a checkpoint, without touching any agent. */
    public static LoopState peek(Path file) throws IOException {
        return read(file, null);
    }

    /** Restores {@code agent} (unless null) from {@code file} and returns the loop state; fails on a corrupt file. */
    public static LoopState read(Path file, Agent agent) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length + 12 + DIGEST_BYTES || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new IOException(file + " is not a primer RL checkpoint");
        }
        int bodyLen = all.length - DIGEST_BYTES;
        if (!Arrays.equals(sha256(all, bodyLen), Arrays.copyOfRange(all, bodyLen, all.length))) {
            throw new IOException(file + " is corrupt: SHA-256 does not match its contents");
        }
        ByteBuffer b = ByteBuffer.wrap(all, MAGIC.length, bodyLen - MAGIC.length);
        int version = b.getInt();
        if (version != VERSION) {
            throw new IOException(file + ": checkpoint version " + version + ", this build reads " + VERSION);
        }
        byte[] header = new byte[b.getInt()];
        b.get(header);
        int agentLen = b.getInt();
        LoopState state = JSON.readValue(header, LoopState.class);
        if (agent != null) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, b.position(), agentLen))) {
                agent.read(in);
            }
        }
        return state;
    }

    private static byte[] sha256(byte[] data, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, len);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
