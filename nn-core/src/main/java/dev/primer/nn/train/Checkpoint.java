package dev.primer.nn.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.nn.Net;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A training checkpoint: network + updater state + {@link TrainState} in one {@link SealedFile} (atomic,
 * SHA-256 checked on load).
 *
 * <p>Payload: int kind, int header length, header JSON (the state), int model length, model (DL4J
 * ModelSerializer zip).
 */
public final class Checkpoint {
    private static final String MAGIC = "PRIMERCK";
    private static final int VERSION = 2;
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
        ByteArrayOutputStream payload = new ByteArrayOutputStream(model.size() + header.length + 16);
        DataOutputStream out = new DataOutputStream(payload);
        out.writeInt(net.kind().ordinal());
        out.writeInt(header.length);
        out.write(header);
        out.writeInt(model.size());
        model.writeTo(out);
        out.flush();
        SealedFile.write(file, MAGIC, VERSION, payload.toByteArray());
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
        byte[] header = new byte[b.getInt()];
        b.get(header);
        byte[] model = new byte[b.getInt()];
        b.get(model);
        TrainState state = JSON.readValue(header, TrainState.class);
        return new Loaded(Net.read(kind, new ByteArrayInputStream(model)), state);
    }
}
