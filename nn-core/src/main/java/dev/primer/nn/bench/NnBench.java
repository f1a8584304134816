package dev.primer.nn.bench;

import dev.primer.nn.Backend;
import dev.primer.nn.Net;
import dev.primer.nn.norm.BatchNormFolding;
import dev.primer.random.SplitMix64;
import java.util.Arrays;
import org.nd4j.linalg.dataset.MultiDataSet;

/** Times training steps or inference calls of a {@link Workload}: median and 10th/90th percentiles. */
public final class NnBench {
    private NnBench() {
    }

    /** Train (one update) or infer (one forward pass, inference mode, batch norm folded as rl's players run it). */
    public enum Mode { TRAIN, INFER }

    /**
     * One benchmark's figures, in milliseconds per step.
     *
     * @param workload  the workload's id
     * @param mode      train or infer
     * @param batch     examples per step
     * @param threads   ND4J threads
     * @param medianMs  median
     * @param p10Ms     10th percentile
     * @param p90Ms     90th percentile
     * @param samples   timed steps
     * @param backend   backend summary line
     */
    public record Timing(String workload, String mode, int batch, int threads, double medianMs, double p10Ms,
                         double p90Ms, int samples, String backend) {
    }

    /** Runs {@code warmup} untimed then {@code samples} timed steps of {@code workload} on fixed random batches. */
    public static Timing run(Workload workload, Mode mode, int batch, int threads, int warmup, int samples,
                             long seed) {
        Backend.init();
        Backend.setThreads(threads);
        return time(workload.id(), workload.build(seed), workload.randomBatch(batch, new SplitMix64(seed)), mode,
                warmup, samples);
    }

    /**
     * Runs {@code warmup} untimed then {@code samples} timed steps of {@code net} on {@code data}, at the thread count
     * set by {@link Backend#setThreads}; {@code id} names the workload. Inference runs on the network as rl's players
     * run it, batch norm folded into the convolutions ({@link BatchNormFolding#forInference}).
     */
    public static Timing time(String id, Net trained, MultiDataSet data, Mode mode, int warmup, int samples) {
        Net net = mode == Mode.INFER ? BatchNormFolding.forInference(trained) : trained;
        double[] ms = new double[samples];
        for (int i = -warmup; i < samples; i++) {
            long t0 = System.nanoTime();
            if (mode == Mode.TRAIN) {
                net.fit(data);
            } else {
                net.output(data.getFeatures());
            }
            long t1 = System.nanoTime();
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1e6;
            }
        }
        if (mode == Mode.TRAIN && !Double.isFinite(net.score())) {
            throw new IllegalStateException(id + ": loss not finite after benchmarking: " + net.score());
        }
        Arrays.sort(ms);
        return new Timing(id, mode.name().toLowerCase(java.util.Locale.ROOT), (int) data.getFeatures(0).size(0),
                Backend.threads(), quantile(ms, 0.5), quantile(ms, 0.1), quantile(ms, 0.9), samples,
                Backend.init().summary());
    }

    /** Linear-interpolated quantile of a sorted array. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
