package dev.primer.nn.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output directory of a training run, shared by every primer training loop: a rolling {@link SealedFile}
 * checkpoint that an interrupted run resumes from, and metrics logs ({@link StepCsv}) cut back to it.
 *
 * @param dir the directory
 */
public record RunDirectory(Path dir) {
    /** File name of the rolling checkpoint. */
    public static final String CHECKPOINT = "checkpoint.bin";
    /** File name of the per-update metrics log. */
    public static final String TRAIN = "train.csv";
    /** File name of the evaluation log. */
    public static final String EVAL = "eval.csv";

    /** How a loop reads its checkpoint (falling back to the previous one, see {@link SealedFile#readNewest}). */
    @FunctionalInterface
    public interface CheckpointReader<T> {
        /** The saved state in {@code file}. */
        T read(Path file) throws IOException;
    }

    /** The rolling checkpoint's path. */
    public Path checkpoint() {
        return dir.resolve(CHECKPOINT);
    }

    /** The path of file {@code name} in the directory. */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Creates the directory if it does not exist. */
    public void create() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state {@code reader} finds in the checkpoint, or null if there is none; a failure says how to start afresh. */
    public <T> T resume(CheckpointReader<T> reader) {
        Path ckpt = checkpoint();
        if (!Files.exists(ckpt)) {
            return null;
        }
        try {
            return reader.read(ckpt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume from " + ckpt + ": " + e.getMessage()
                    + "; delete it to start afresh", e);
        }
    }

    /** Deletes {@code files} if {@code marker} exists: the files of a finished run that a new run replaces. */
    public void clearIfFinished(String marker, String... files) {
        if (!Files.exists(file(marker))) {
            return;
        }
        try {
            for (String f : files) {
                Files.deleteIfExists(file(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the finished run in " + dir, e);
        }
    }

    /** The log {@code name}, created with {@code header} or cut back to {@code fromStep} (see {@link StepCsv#open}). */
    public StepCsv csv(String name, String header, long fromStep) {
        return StepCsv.open(file(name), header, fromStep);
    }
}
