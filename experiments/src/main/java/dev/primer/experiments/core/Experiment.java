package dev.primer.experiments.core;

/**
 * One reproducible claim of the primer, run at a budget and a seed, producing metrics and plots.
 *
 * @param <M> the record of its metrics
 */
public interface Experiment<M extends Record> {
    /** Registry name, e.g. {@code memorize-random-labels}. */
    String name();

    /** One line for {@code primer list}. */
    String description();

    /** Runs the experiment, writing plots into {@code ctx.dir()}; returns its metrics and plot files. */
    Outcome<M> run(Context ctx) throws Exception;

    /** The primer's claim this experiment tests; one that states none is filed under {@link Chapter#OTHER}. */
    default Claim claim() {
        return Claim.unfiled(description());
    }

    /** Whether {@code metrics} reproduce {@link #claim()}: computed from the measured figures, never fixed. */
    default Verdict judge(M metrics) {
        return Verdict.NOT_JUDGED;
    }
}
