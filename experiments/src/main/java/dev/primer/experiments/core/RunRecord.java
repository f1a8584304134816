package dev.primer.experiments.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code result.json} of one run.
 *
 * @param name        experiment name
 * @param seed        seed used
 * @param budget      budget used
 * @param metrics     the experiment's metrics, by name (see {@link #fields})
 * @param plots       PNG files beside result.json
 * @param headline    the finding in one sentence
 * @param wallSeconds wall time of the run
 * @param backend     ND4J backend summary
 * @param finishedAt  ISO-8601 time the run ended
 * @param verdict     the experiment's {@link Verdict#label()} of its metrics (null in results older than verdicts)
 */
public record RunRecord(String name, long seed, String budget, Map<String, Object> metrics, List<String> plots,
                        String headline, double wallSeconds, String backend, String finishedAt, String verdict) {
    /** File name inside each experiment's directory. */
    public static final String FILE = "result.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Names metrics in snake_case and keeps a record's component order (Jackson moves renamed ones last). */
    private static final ObjectMapper METRICS = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public String[] findSerializationPropertyOrder(AnnotatedClass c) {
                    RecordComponent[] components = c.getRawType().getRecordComponents();
                    return components == null ? super.findSerializationPropertyOrder(c)
                            : Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new);
                }
            });

    /** A metrics record's components by their snake_case names (or their {@code @JsonProperty} ones), in order. */
    public static Map<String, Object> fields(Record metrics) {
        return METRICS.convertValue(metrics, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    /** Writes this record to {@code dir/result.json}. */
    public void write(Path dir) throws IOException {
        JSON.writeValue(dir.resolve(FILE).toFile(), this);
    }

    /** Reads {@code dir/result.json}. */
    public static RunRecord read(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(FILE).toFile(), RunRecord.class);
    }
}
