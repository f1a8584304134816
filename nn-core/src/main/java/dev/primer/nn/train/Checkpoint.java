package dev.primer.nn.train;

import dev.primer.nn.Net;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A training checkpoint: network + updater state + {@link TrainState} in one {@link SealedFile} (atomic,
 * SHA-256 checked on load).
 *
 * <p>Payload ({@link CheckpointPayload}): int kind, then the state as the JSON header and the model (DL4J
 * ModelSerializer zip) as the body.
 */
public final class Checkpoint {
    private static final String MAGIC = "PRIMERCK";
    private static final int VERSION = 2;

    private Checkpoint() {
    }

    /** A network and the state it was saved with. */
    public record Loaded(Net net, TrainState state) {
    }

    /** Writes {@code net} and {@code state} to {@code file} atomically; a crash leaves the old file intact. */
    public static void write(Path file, Net net, TrainState state) throws IOException {
        seal(file, net, state, true);
    }

    /**
     * Writes {@code net} without its updater state ({@link Net#writeWeights}) and {@code state} to {@code file}
     * atomically: a network to ship; it loads as any checkpoint does, and training it restarts the updater.
     */
    public static void writeWeights(Path file, Net net, TrainState state) throws IOException {
        seal(file, net, state, false);
    }

    private static void seal(Path file, Net net, TrainState state, boolean updater) throws IOException {
        ByteArrayOutputStream model = new ByteArrayOutputStream(1 << 20);
        if (updater) {
            net.write(model);
        } else {
            net.writeWeights(model);
        }
        SealedFile.write(file, MAGIC, VERSION, CheckpointPayload.encode(state, model, net.kind().ordinal()));
    }

    /**
     * Reads a checkpoint of a DL4J network from the bytes of a file (a class-path resource, say) named {@code name}
     * in messages; fails as {@link #read(Path)} does.
     */
    public static Loaded read(String name, byte[] bytes) throws IOException {
        return parse(SealedFile.unseal(name, bytes, MAGIC, VERSION, VERSION), null);
    }

    /** Reads a checkpoint of a DL4J network, failing with a message if it is truncated, corrupt or not one. */
    public static Loaded read(Path file) throws IOException {
        return parse(SealedFile.read(file, MAGIC, VERSION), null);
    }

    /** As {@link #read}; an expression network is read into {@code fresh}'s network (see {@link Net#read}). */
    public static Loaded read(Path file, Supplier<Net> fresh) throws IOException {
        return parse(SealedFile.read(file, MAGIC, VERSION), fresh);
    }

    /** As {@link #read}, falling back to the checkpoint before it as {@link SealedFile#readNewest} does. */
    public static Loaded resume(Path file, Consumer<String> notice, Supplier<Net> fresh) throws IOException {
        return parse(SealedFile.readNewest(file, MAGIC, VERSION, VERSION, notice), fresh);
    }

    private static Loaded parse(ByteBuffer b, Supplier<Net> fresh) throws IOException {
        Net.Kind kind = Net.Kind.values()[b.getInt()];
        CheckpointPayload<TrainState> p = CheckpointPayload.decode(b, TrainState.class);
        ByteArrayInputStream body = new ByteArrayInputStream(p.body());
        return new Loaded(fresh == null ? Net.read(kind, body) : Net.read(kind, body, fresh), p.header());
    }
}
