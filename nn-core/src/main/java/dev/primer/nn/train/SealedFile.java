package dev.primer.nn.train;

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
 * A file written atomically (temp file, fsync, rename) as 8-byte magic, int version, payload, and a SHA-256
 * of everything before it that {@link #read} checks: the storage discipline of every primer checkpoint.
 */
public final class SealedFile {
    private static final int MAGIC_BYTES = 8;
    private static final int DIGEST_BYTES = 32;

    private SealedFile() {
    }

    /** Writes {@code payload} under {@code magic} (8 ASCII characters) and {@code version}; a crash leaves the old file. */
    public static void write(Path file, String magic, int version, byte[] payload) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(MAGIC_BYTES + 4 + payload.length);
        body.put(magicBytes(magic)).putInt(version).put(payload);
        byte[] bytes = body.array();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(bytes));
                ch.write(ByteBuffer.wrap(sha256(bytes, bytes.length)));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The payload of a file written by {@link #write} with this magic and version, as a buffer over it;
     * fails naming the file if it is not such a file, is truncated or corrupt, or has another version.
     */
    public static ByteBuffer read(Path file, String magic, int version) throws IOException {
        return read(file, magic, version, version);
    }

    /** As {@link #read(Path, String, int)}, accepting any version in {@code [oldest, newest]}. */
    public static ByteBuffer read(Path file, String magic, int oldest, int newest) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC_BYTES + 4 + DIGEST_BYTES
                || !Arrays.equals(Arrays.copyOf(all, MAGIC_BYTES), magicBytes(magic))) {
            throw new IOException(file + " is not a " + magic + " file");
        }
        int bodyLen = all.length - DIGEST_BYTES;
        if (!Arrays.equals(sha256(all, bodyLen), Arrays.copyOfRange(all, bodyLen, all.length))) {
            throw new IOException(file + " is corrupt: SHA-256 does not match its contents");
        }
        ByteBuffer b = ByteBuffer.wrap(all, MAGIC_BYTES, bodyLen - MAGIC_BYTES);
        int found = b.getInt();
        if (found < oldest || found > newest) {
            throw new IOException(file + ": version " + found + ", this build reads "
                    + (oldest == newest ? String.valueOf(newest) : oldest + " to " + newest));
        }
        return b.slice();
    }

    private static byte[] magicBytes(String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        if (m.length != MAGIC_BYTES) {
            throw new IllegalArgumentException("magic must be 8 ASCII characters: " + magic);
        }
        return m;
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
