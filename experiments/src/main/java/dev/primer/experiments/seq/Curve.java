package dev.primer.experiments.seq;

import dev.primer.experiments.core.Plots;
import dev.primer.nn.Net;
import dev.primer.nn.data.Batches;
import dev.primer.nn.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * A network trained for a number of updates with a held-out metric measured every few updates: its learning curve.
 *
 * @param net     the trained network
 * @param steps   the updates at which the metric was measured
 * @param values  the metric at those updates (the last is the final value)
 * @param seconds training wall time, the evaluations included
 */
record Curve(Net net, double[] steps, double[] values, double seconds) {
    /** The metric after the last update. */
    double last() {
        return values[values.length - 1];
    }

    /** The curve as a named plot series. */
    Plots.Series series(String name) {
        return new Plots.Series(name, steps, values);
    }

    /**
     * Trains a network from {@code fresh} on {@code data} for {@code updates} updates of {@code batch} examples
     * (seeded by {@code seed}), measuring {@code metric} every {@code every} updates and at the end.
     */
    static Curve train(Supplier<Net> fresh, Batches data, int batch, int updates, int every, long seed,
                       ToDoubleFunction<Net> metric) {
        List<double[]> points = new ArrayList<>();
        int epochs = (int) Math.ceil((double) updates * batch / data.size());
        Trainer trainer = new Trainer(Trainer.Config.of(batch, Math.max(1, epochs), seed).withMaxSteps(updates)
                .withEvalEvery(every));
        long t0 = System.nanoTime();
        Trainer.Result r = trainer.run(fresh, data, (net, step) -> {
            double v = metric.applyAsDouble(net);
            points.add(new double[] {step, v});
            return Map.of("metric", v);
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] s = new double[points.size()];
        double[] v = new double[points.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = points.get(i)[0];
            v[i] = points.get(i)[1];
        }
        return new Curve(r.net(), s, v, seconds);
    }
}
