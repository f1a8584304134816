package dev.primer.nn.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.nn.Net;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
 * A training checkpoint: network + updater state + {@link TrainState}, in one file written atomically
 * (temp file, fsync, rename) and ending with a SHA-256 of everything before it, checked on load.
 *
 * <p>Layout: {@code "PRIMERCK"}, int version, int kind, int header length, header JSON (the state),
 * int model length, model (DL4J ModelSerializer zip), 32-byte SHA-256.
 */
public final class Checkpoint {
    private static final byte[] MAGIC = "PRIMERCK".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int DIGEST_BYTES = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {
    }

    /** A network and the state it was saved with. */
    public record Loaded(Net net, TrainState state) {
    }

    /** Writes {@code net} and {@code state} to {@code file} atomically; a crash leaves the old file intact. */
    public static void write(Path file, Net net, TrainState state) throws IOException {
        ByteArrayOutputStream model = new ByteArrayOutputStream(1 << 20);
        net.write(model);
        byte[] header = JSON.writeValueAsBytes(state);
        ByteArrayOutputStream all = new ByteArrayOutputStream(model.size() + header.length + 64);
        DataOutputStream out = new DataOutputStream(all);
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(net.kind().ordinal());
        out.writeInt(header.length);
        out.write(header);
        out.writeInt(model.size());
        model.writeTo(out);
        out.flush();
        byte[] body = all.toByteArray();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(body));
                ch.write(ByteBuffer.wrap(sha256(body, body.length)));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a checkpoint, failing with a message if it is truncated, corrupt or not a checkpoint. */
    public static Loaded read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length + 16 + DIGEST_BYTES
                || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new IOException(file + " is not a primer checkpoint");
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
        Net.Kind kind = Net.Kind.values()[b.getInt()];
        byte[] header = new byte[b.getInt()];
        b.get(header);
        int modelLen = b.getInt();
        TrainState state = JSON.readValue(header, TrainState.class);
        Net net = Net.read(kind, new ByteArrayInputStream(all, b.position(), modelLen));
        return new Loaded(net, state);
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
