package dev.primer.experiments.core;

import dev.primer.nn.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Runs an experiment into {@code out/NAME/} and records its result. */
public final class Runner {
    private Runner() {
    }

    /** Runs {@code e} and writes {@code out/NAME/result.json} beside its plots. */
    public static RunRecord run(Experiment<?> e, Budget budget, long seed, Path out) throws Exception {
        Path dir = out.resolve(e.name());
        Files.createDirectories(dir);
        RunRecord r = record(e, budget, seed, dir);
        r.write(dir);
        return r;
    }

    private static <M extends Record> RunRecord record(Experiment<M> e, Budget budget, long seed, Path dir)
            throws Exception {
        long t0 = System.nanoTime();
        Outcome<M> o = e.run(new Context(budget, seed, dir));
        double wall = (System.nanoTime() - t0) / 1e9;
        return new RunRecord(e.name(), seed, budget.name().toLowerCase(java.util.Locale.ROOT),
                RunRecord.fields(o.metrics()), o.plots(), o.headline(), wall, Backend.init().summary(),
                Instant.now().toString(), e.judge(o.metrics()).label());
    }
}
