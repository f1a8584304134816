package dev.primer.nn.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The payload layout of every primer checkpoint inside its {@link SealedFile}: optional leading ints (such as a
 * network kind), then the loop's state as a length-prefixed JSON header, then the length-prefixed body (a model
 * or an agent's complete state).
 *
 * @param header the loop's state read back from the JSON header
 * @param body   the body's bytes
 * @param <H>    the type of the header
 */
public record CheckpointPayload<H>(H header, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The payload bytes of {@code lead}, {@code header} as JSON and {@code body}. */
    public static byte[] encode(Object header, ByteArrayOutputStream body, int... lead) throws IOException {
        byte[] json = JSON.writeValueAsBytes(header);
        ByteArrayOutputStream payload = new ByteArrayOutputStream(body.size() + json.length + 16);
        DataOutputStream out = new DataOutputStream(payload);
        for (int v : lead) {
            out.writeInt(v);
        }
        out.writeInt(json.length);
        out.write(json);
        out.writeInt(body.size());
        body.writeTo(out);
        out.flush();
        return payload.toByteArray();
    }

    /** The header and body that follow the leading ints already read from {@code b}. */
    public static <H> CheckpointPayload<H> decode(ByteBuffer b, Class<H> headerType) throws IOException {
        byte[] json = new byte[b.getInt()];
        b.get(json);
        byte[] body = new byte[b.getInt()];
        b.get(body);
        return new CheckpointPayload<>(JSON.readValue(json, headerType), body);
    }
}
