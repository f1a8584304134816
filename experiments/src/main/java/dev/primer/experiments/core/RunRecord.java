package dev.primer.experiments.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code result.json} of one run.
 *
 * @param name        experiment name
 * @param seed        seed used
 * @param budget      budget used
 * @param metrics     the experiment's metrics
 * @param plots       PNG files beside result.json
 * @param headline    the finding in one sentence
 * @param wallSeconds wall time of the run
 * @param backend     ND4J backend summary
 * @param finishedAt  ISO-8601 time the run ended
 */
public record RunRecord(String name, long seed, String budget, Map<String, Object> metrics, List<String> plots,
                        String headline, double wallSeconds, String backend, String finishedAt) {
    /** File name inside each experiment's directory. */
    public static final String FILE = "result.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes this record to {@code dir/result.json}. */
    public void write(Path dir) throws IOException {
        JSON.writeValue(dir.resolve(FILE).toFile(), this);
    }

    /** Reads {@code dir/result.json}. */
    public static RunRecord read(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(FILE).toFile(), RunRecord.class);
    }
}
