package dev.primer.experiments.rl;

import dev.primer.experiments.core.Plots;
import dev.primer.rl.core.RunCurves;
import dev.primer.rl.core.Training;
import java.util.Arrays;
import java.util.List;

/** Helpers shared by the RL experiments: medians and evaluation curves as plot series. */
final class SeedRuns {
    private SeedRuns() {
    }

    /** The median of {@code values} (mean of the middle two for an even count). */
    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The greedy-evaluation curve of a run as a plot series. */
    static Plots.Series evalCurve(String name, Training.Result r) {
        return new Plots.Series(name, r.evals().stream().mapToDouble(Training.EvalPoint::step).toArray(),
                r.evals().stream().mapToDouble(Training.EvalPoint::mean).toArray());
    }

    /** The mean return of the last (up to) 100 training episodes after each episode, as a plot series. */
    static Plots.Series trainingCurve(String name, Training.Result r) {
        return new Plots.Series(name, r.episodeSteps(),
                RunCurves.trailingMean(r.episodeReturns(), Training.RECENT));
    }

    /** Keeps only non-empty series (XChart refuses empty ones). */
    static List<Plots.Series> nonEmpty(List<Plots.Series> series) {
        return series.stream().filter(s -> s.x().length > 0).toList();
    }
}
