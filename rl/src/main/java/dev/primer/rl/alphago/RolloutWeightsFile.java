package dev.primer.rl.alphago;

import dev.primer.mcts.go.Pattern3x3;
import dev.primer.mcts.go.RolloutFeature;
import dev.primer.mcts.go.RolloutWeights;
import dev.primer.nn.train.SealedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Rollout weights on disk: a {@link SealedFile} (magic, version, SHA-256) holding the feature count, the pattern
 * count, then the feature, pattern and response weights as floats. A missing, truncated, corrupt or foreign file is refused
 * with a message that names it.
 */
public final class RolloutWeightsFile {
    /** The weights that ship with primer, trained on the shipped corpus (a class-path resource beside this class). */
    public static final String SHIPPED = "weights/rollout-9x9.bin";
    /** What a command line writes to mean {@link #SHIPPED}. */
    public static final String SHIPPED_NAME = "shipped";
    private static final String MAGIC = "PRIMERRW";
    private static final int VERSION = 1;

    private RolloutWeightsFile() {
    }

    /** Writes {@code w} to {@code file} atomically. */
    public static void write(Path file, RolloutWeights w) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * (w.features().length + 2 * w.patterns().length));
        b.putInt(w.features().length).putInt(w.patterns().length);
        b.asFloatBuffer().put(w.features()).put(w.patterns()).put(w.responses());
        SealedFile.write(file, MAGIC, VERSION, b.array());
    }

    /** Returns true when {@code file} starts as a rollout weights file does (its magic), without checking the rest. */
    public static boolean looksLikeOne(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length()), MAGIC.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Reads weights written by {@link #write}; throws IOException naming the file when they cannot be used. */
    public static RolloutWeights read(Path file) throws IOException {
        return parse(file.toString(), SealedFile.read(file, MAGIC, VERSION));
    }

    /** Reads the shipped weights for {@code "shipped"}, else the file {@code spec} names. */
    public static RolloutWeights load(String spec) throws IOException {
        return spec.equals(SHIPPED_NAME) ? resource(SHIPPED) : read(Path.of(spec));
    }

    /** Reads the weights of class-path resource {@code name} beside this class; fails naming it. */
    public static RolloutWeights resource(String name) throws IOException {
        try (InputStream in = RolloutWeightsFile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no resource " + name + " beside " + RolloutWeightsFile.class.getName());
            }
            return parse(name, SealedFile.unseal(name, in.readAllBytes(), MAGIC, VERSION, VERSION));
        }
    }

    private static RolloutWeights parse(String file, ByteBuffer b) throws IOException {
        int features = b.getInt();
        int patterns = b.getInt();
        if (features != RolloutFeature.values().length || patterns != Pattern3x3.CODES) {
            throw new IOException(file + " holds " + features + " feature and " + patterns + " pattern weights, not "
                    + RolloutFeature.values().length + " and " + Pattern3x3.CODES + ": weights of another policy");
        }
        float[] f = new float[features];
        float[] p = new float[patterns];
        float[] r = new float[patterns];
        b.asFloatBuffer().get(f).get(p).get(r);
        return new RolloutWeights(f, p, r);
    }
}
