package dev.primer.nn.train;

import dev.primer.nn.Net;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Consumer;

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
        ByteArrayOutputStream model = new ByteArrayOutputStream(1 << 20);
        net.write(model);
        SealedFile.write(file, MAGIC, VERSION, CheckpointPayload.encode(state, model, net.kind().ordinal()));
    }

    /** Reads a checkpoint, failing with a message if it is truncated, corrupt or not a checkpoint. */
    public static Loaded read(Path file) throws IOException {
        return parse(SealedFile.read(file, MAGIC, VERSION));
    }

    /** As {@link #read}, falling back to the checkpoint before it as {@link SealedFile#readNewest} does. */
    public static Loaded resume(Path file, Consumer<String> notice) throws IOException {
        return parse(SealedFile.readNewest(file, MAGIC, VERSION, VERSION, notice));
    }

    private static Loaded parse(ByteBuffer b) throws IOException {
        Net.Kind kind = Net.Kind.values()[b.getInt()];
        CheckpointPayload<TrainState> p = CheckpointPayload.decode(b, TrainState.class);
        return new Loaded(Net.read(kind, new ByteArrayInputStream(p.body())), p.header());
    }
}
