package dev.primer.nn.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A file written atomically (temp file, fsync, rename) as 8-byte magic, int version, payload, and a SHA-256
 * of everything before it that {@link #read} checks: the storage discipline of every primer checkpoint.
 * Each write keeps the file it replaces as {@link #previous}, so that {@link #readNewest} can fall back to it.
 */
public final class SealedFile {
    private static final int MAGIC_BYTES = 8;
    private static final int DIGEST_BYTES = 32;

    private SealedFile() {
    }

    /**
     * Writes {@code payload} under {@code magic} (8 ASCII characters) and {@code version}, keeping the file it
     * replaces as {@link #previous}; a crash leaves the old file.
     */
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
            keepAsPrevious(file);
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
        return unseal(file.toString(), Files.readAllBytes(file), magic, oldest, newest);
    }

    /**
     * The payload of the bytes of a file written by {@link #write} (read from a class-path resource, say), named
     * {@code name} in messages; fails as {@link #read(Path, String, int, int)} does.
     */
    public static ByteBuffer unseal(String name, byte[] all, String magic, int oldest, int newest) throws IOException {
        if (all.length < MAGIC_BYTES + 4 + DIGEST_BYTES
                || !Arrays.equals(Arrays.copyOf(all, MAGIC_BYTES), magicBytes(magic))) {
            throw new IOException(name + " is not a " + magic + " file");
        }
        int bodyLen = all.length - DIGEST_BYTES;
        if (!Arrays.equals(sha256(all, bodyLen), Arrays.copyOfRange(all, bodyLen, all.length))) {
            throw new IOException(name + " is corrupt: SHA-256 does not match its contents");
        }
        ByteBuffer b = ByteBuffer.wrap(all, MAGIC_BYTES, bodyLen - MAGIC_BYTES);
        int found = b.getInt();
        if (found < oldest || found > newest) {
            throw new IOException(name + ": version " + found + ", this build reads "
                    + (oldest == newest ? String.valueOf(newest) : oldest + " to " + newest));
        }
        return b.slice();
    }

    /** Where {@link #write} keeps the file it replaced: {@code NAME.prev} beside it. */
    public static Path previous(Path file) {
        return file.resolveSibling(file.getFileName() + ".prev");
    }

    /**
     * The payload of {@code file} or, when that cannot be read (missing, truncated, corrupt, another version),
     * of its {@link #previous} copy, which then takes its place (the unreadable file is kept as
     * {@code NAME.unreadable}) and {@code notice} is told so; fails naming both files when neither reads.
     */
    public static ByteBuffer readNewest(Path file, String magic, int oldest, int newest, Consumer<String> notice)
            throws IOException {
        try {
            return read(file, magic, oldest, newest);
        } catch (IOException newestFailed) {
            Path prev = previous(file);
            if (!Files.exists(prev)) {
                throw newestFailed;
            }
            ByteBuffer payload;
            try {
                payload = read(prev, magic, oldest, newest);
            } catch (IOException prevFailed) {
                throw new IOException(newestFailed.getMessage() + "; the previous copy too: " + prevFailed.getMessage(),
                        newestFailed);
            }
            Path unreadable = file.resolveSibling(file.getFileName() + ".unreadable");
            boolean keep = Files.exists(file);
            if (keep) {
                Files.move(file, unreadable, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(prev, file);
            notice.accept(newestFailed.getMessage() + "; going on from the previous copy"
                    + (keep ? " (the unreadable file is kept as " + unreadable + ")" : ""));
            return payload;
        }
    }

    /** Makes {@link #previous} the current {@code file} (a hard link, or a copy where links are unsupported). */
    private static void keepAsPrevious(Path file) throws IOException {
        Path prev = previous(file);
        Files.deleteIfExists(prev);
        if (Files.exists(file)) {
            try {
                Files.createLink(prev, file);
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.copy(file, prev);
            }
        }
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
