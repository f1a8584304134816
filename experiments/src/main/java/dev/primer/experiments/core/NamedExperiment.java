package dev.primer.experiments.core;

/**
 * An {@link Experiment} whose registry name and one-line description are fixed when it is made: extend it and
 * implement only {@link #run}.
 *
 * @param <M> the record of its metrics
 */
public abstract class NamedExperiment<M extends Record> implements Experiment<M> {
    private final String name;
    private final String description;

    /** An experiment called {@code name} (e.g. {@code memorize-random-labels}), listed with {@code description}. */
    protected NamedExperiment(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }
}
