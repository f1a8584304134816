package dev.primer.experiments.core;

/**
 * A {@link NamedExperiment} whose budgets are two values of a settings record: {@link #run(Context)} runs the
 * budget's settings, and {@link #run(Context, Record)} any others (a medium run). Extend it and implement only the
 * latter.
 *
 * @param <M> the record of its metrics
 * @param <S> the record of its settings
 */
public abstract class SettingsExperiment<M extends Record, S extends Record> extends NamedExperiment<M> {
    private final S quick;
    private final S full;

    /** An experiment called {@code name}, listed with {@code description}, run at {@code quick} or {@code full}. */
    protected SettingsExperiment(String name, String description, S quick, S full) {
        super(name, description);
        this.quick = quick;
        this.full = full;
    }

    @Override
    public final Outcome<M> run(Context ctx) throws Exception {
        return run(ctx, ctx.pick(quick, full));
    }

    /** Runs at settings {@code s} instead of the budget's, writing plots into {@code ctx.dir()}. */
    public abstract Outcome<M> run(Context ctx, S s) throws Exception;
}
