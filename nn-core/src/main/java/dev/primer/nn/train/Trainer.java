package dev.primer.nn.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.primer.nn.Net;
import dev.primer.nn.data.Batches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The minibatch training loop: epochs over {@link Batches} (an in-memory dataset, or batches made on the fly) in a
 * seeded order, evaluation hooks, early stopping, metrics files, checkpoints that resume exactly, the wall time of
 * each epoch's minibatch loop ({@link Result#epochSeconds}, also in {@code summary.json}), and a guard that stops on
 * a NaN/Inf loss with the last good parameters restored.
 */
public final class Trainer {
    /** File name of the last good model written when the loss stops being finite. */
    public static final String LAST_GOOD = "last-good.bin";
    /** File name of the summary written when a run finishes. */
    public static final String SUMMARY = "summary.json";

    private final Config config;
    private final RunDirectory run;

    /** A trainer with this configuration. */
    public Trainer(Config config) {
        this.config = config;
        this.run = config.outDir() == null ? null : new RunDirectory(config.outDir());
    }

    /**
     * What to run.
     *
     * @param batchSize       examples per update
     * @param epochs          passes over the data (upper bound)
     * @param maxSteps        updates (upper bound); 0 for no bound
     * @param seed            fixes batch order and ND4J's RNG
     * @param evalEvery       run the evaluation hook every this many updates; 0 for only at the end
     * @param checkpointEvery write a checkpoint every this many updates; 0 for none
     * @param outDir          where metrics and checkpoints go; null for nowhere
     * @param earlyStopping   stop when a metric stops improving; null for never
     * @param target          stop when a metric reaches a value; null for never
     * @param progress        show a console progress bar
     */
    public record Config(int batchSize, int epochs, long maxSteps, long seed, int evalEvery, int checkpointEvery,
                         Path outDir, EarlyStopping earlyStopping, Target target, boolean progress) {
        /** Rejects settings that cannot run. */
        public Config {
            if (batchSize < 1 || epochs < 1 || maxSteps < 0 || evalEvery < 0 || checkpointEvery < 0) {
                throw new IllegalArgumentException("need batchSize >= 1, epochs >= 1 and maxSteps, evalEvery,"
                        + " checkpointEvery >= 0; got batchSize " + batchSize + ", epochs " + epochs + ", maxSteps "
                        + maxSteps + ", evalEvery " + evalEvery + ", checkpointEvery " + checkpointEvery);
            }
            if (checkpointEvery > 0 && outDir == null) {
                throw new IllegalArgumentException("checkpoints need an output directory");
            }
        }

        /** A run of {@code epochs} at {@code batchSize}, no files, no early stopping, no progress bar. */
        public static Config of(int batchSize, int epochs, long seed) {
            return new Config(batchSize, epochs, 0, seed, 0, 0, null, null, null, false);
        }

        /** This configuration writing metrics and checkpoints (every {@code every} steps) under {@code dir}. */
        public Config withOutput(Path dir, int every) {
            return new Config(batchSize, epochs, maxSteps, seed, evalEvery, every, dir, earlyStopping, target,
                    progress);
        }

        /** This configuration evaluating every {@code every} steps. */
        public Config withEvalEvery(int every) {
            return new Config(batchSize, epochs, maxSteps, seed, every, checkpointEvery, outDir, earlyStopping,
                    target, progress);
        }

        /** This configuration capped at {@code steps} updates. */
        public Config withMaxSteps(long steps) {
            return new Config(batchSize, epochs, steps, seed, evalEvery, checkpointEvery, outDir, earlyStopping,
                    target, progress);
        }

        /** This configuration with early stopping. */
        public Config withEarlyStopping(EarlyStopping es) {
            return new Config(batchSize, epochs, maxSteps, seed, evalEvery, checkpointEvery, outDir, es, target,
                    progress);
        }

        /** This configuration with or without a progress bar. */
        public Config withProgress(boolean on) {
            return new Config(batchSize, epochs, maxSteps, seed, evalEvery, checkpointEvery, outDir, earlyStopping,
                    target, on);
        }

        /** This configuration stopping once {@code t} is reached. */
        public Config withTarget(Target t) {
            return new Config(batchSize, epochs, maxSteps, seed, evalEvery, checkpointEvery, outDir, earlyStopping,
                    t, progress);
        }
    }

    /** Stop after {@code patience} evaluations without improvement of {@code metric}. */
    public record EarlyStopping(String metric, boolean maximize, int patience) {
    }

    /** Stop as soon as an evaluation gives {@code metric >= value}. */
    public record Target(String metric, double value) {
    }

    /** An evaluation hook: named metrics of the network at this step (e.g. test accuracy). */
    @FunctionalInterface
    public interface Evaluation {
        /** Metrics of {@code net} after {@code step} updates. */
        Map<String, Double> evaluate(Net net, long step);
    }

    /** Why a run ended. */
    public enum Stop { EPOCHS_DONE, MAX_STEPS, EARLY_STOPPED, TARGET_REACHED }

    /**
     * The outcome of a run.
     *
     * @param net         the trained network
     * @param state       the final state
     * @param metrics     the last evaluation's metrics
     * @param stop        why it ended
     * @param resumedFrom the step the run resumed from (0 for a fresh start)
     * @param epochSeconds wall time in seconds of each epoch's minibatch loop, one entry per epoch that this process
     *                     ran from its first batch to its last (a resumed run lists only the epochs it ran whole;
     *                     an epoch entered mid-way after a resume, or cut short by max steps, early stopping or a
     *                     target, is not listed). Each covers the epoch's shuffle, batching, updates, loss logging
     *                     and progress bar; the evaluations and checkpoint writes made inside it are excluded.
     */
    public record Result(Net net, TrainState state, Map<String, Double> metrics, Stop stop, long resumedFrom,
                         List<Double> epochSeconds) {
        /** The run's epoch times, copied so the result cannot change. */
        public Result {
            epochSeconds = List.copyOf(epochSeconds);
        }

        /** The median of {@link #epochSeconds} (the mean of the middle two for an even count); NaN if none. */
        public double medianEpochSeconds() {
            if (epochSeconds.isEmpty()) {
                return Double.NaN;
            }
            double[] sorted = epochSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    /**
     * Trains a fresh network from {@code fresh}, or resumes from the output directory's checkpoint when an
     * earlier run there was interrupted; the files of a finished earlier run are replaced.
     */
    public Result run(Supplier<Net> fresh, Batches data, Evaluation eval) {
        if (run != null) {
            run.clearIfFinished(SUMMARY, RunDirectory.CHECKPOINT, SUMMARY, RunDirectory.TRAIN, RunDirectory.EVAL);
            Checkpoint.Loaded loaded = run.resume(f -> Checkpoint.resume(f, System.err::println, fresh));
            if (loaded != null) {
                TrainState saved = loaded.state();
                if (saved.seed() != config.seed() || saved.batchSize() != config.batchSize()) {
                    throw new IllegalStateException(run.checkpoint() + " belongs to an interrupted run with seed "
                            + saved.seed() + " and batch size " + saved.batchSize() + ", not seed " + config.seed()
                            + " and batch size " + config.batchSize()
                            + ": resume with those settings, or delete the checkpoint to start afresh");
                }
                return fit(loaded.net(), saved, data, eval);
            }
        }
        return fit(fresh.get(), TrainState.start(config.seed(), config.batchSize()), data, eval);
    }

    /** Every evaluation of the run in {@code outDir}, resumed parts included: "step" and the metrics, in order. */
    public static List<Map<String, Double>> evaluations(Path outDir) {
        return MetricsLog.readEval(new RunDirectory(outDir));
    }

    /** Trains {@code net} from {@code state} on {@code data}, calling {@code eval} (may be null) as configured. */
    public Result fit(Net net, TrainState state, Batches data, Evaluation eval) {
        long resumedFrom = state.step();
        Nd4j.getRandom().setSeed(state.ndRngSeed() + state.step());
        MetricsLog log = MetricsLog.open(run, state.step());
        // a copy of the state before each update, unless the network itself never applies a non-finite one
        Snapshot good = net.skipsNonFiniteUpdates() ? null : new Snapshot();
        int batchesPerEpoch = (data.size() + config.batchSize() - 1) / config.batchSize();
        long total = config.maxSteps() > 0 ? Math.min(config.maxSteps(), (long) batchesPerEpoch * config.epochs())
                : (long) batchesPerEpoch * config.epochs();
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<Double> epochSeconds = new ArrayList<>();
        Stop stop = Stop.EPOCHS_DONE;
        TrainState s = state;
        try (ProgressBar bar = Progress.bar(config.progress(), total, s.step())) {
            outer:
            for (int epoch = s.epoch(); epoch < config.epochs(); epoch++) {
                boolean whole = s.batchInEpoch() == 0;
                long start = System.nanoTime();
                long aside = 0; // nanoseconds spent on evaluations and checkpoints inside this epoch
                Iterator<? extends DataSet> it = data.batches(config.batchSize(), config.seed(), epoch);
                int b = 0;
                for (; b < s.batchInEpoch() && it.hasNext(); b++) {
                    it.next();
                }
                while (it.hasNext()) {
                    if (config.maxSteps() > 0 && s.step() >= config.maxSteps()) {
                        stop = Stop.MAX_STEPS;
                        break outer;
                    }
                    DataSet batch = it.next();
                    if (good != null) {
                        good.take(net);
                    }
                    net.fit(batch);
                    double loss = net.score();
                    long step = s.step() + 1;
                    if (!Double.isFinite(loss)) {
                        if (good != null) {
                            good.restore(net);
                        }
                        throw new NonFiniteLossException(step, loss, saveLastGood(net, s));
                    }
                    b++;
                    s = s.next(epoch, b, loss);
                    log.train(step, epoch, loss);
                    if (bar != null) {
                        bar.stepTo(step);
                        bar.setExtraMessage(String.format(java.util.Locale.ROOT, " loss %.4f", loss));
                    }
                    if (eval != null && config.evalEvery() > 0 && step % config.evalEvery() == 0) {
                        long evalStart = System.nanoTime();
                        metrics = eval.evaluate(net, step);
                        log.eval(step, metrics);
                        aside += System.nanoTime() - evalStart;
                        s = early(s, metrics);
                        if (config.earlyStopping() != null && s.badEvals() >= config.earlyStopping().patience()) {
                            stop = Stop.EARLY_STOPPED;
                            break outer;
                        }
                        Target t = config.target();
                        if (t != null && metrics.getOrDefault(t.metric(), Double.NEGATIVE_INFINITY) >= t.value()) {
                            stop = Stop.TARGET_REACHED;
                            break outer;
                        }
                    }
                    if (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0) {
                        long writeStart = System.nanoTime();
                        checkpoint(net, s);
                        aside += System.nanoTime() - writeStart;
                    }
                }
                if (whole) {
                    epochSeconds.add((System.nanoTime() - start - aside) / 1e9);
                }
                s = s.atEpoch(epoch + 1);
            }
        } finally {
            log.close();
        }
        if (config.maxSteps() > 0 && s.step() >= config.maxSteps() && stop == Stop.EPOCHS_DONE) {
            stop = Stop.MAX_STEPS;
        }
        if (eval != null && stop != Stop.TARGET_REACHED && stop != Stop.EARLY_STOPPED
                && (config.evalEvery() == 0 || s.step() % config.evalEvery() != 0)) {
            metrics = eval.evaluate(net, s.step());
            MetricsLog.appendEval(run, s.step(), metrics);
        }
        if (config.checkpointEvery() > 0) {
            checkpoint(net, s);
        }
        Result r = new Result(net, s, metrics, stop, resumedFrom, epochSeconds);
        writeSummary(r);
        return r;
    }

    private TrainState early(TrainState s, Map<String, Double> metrics) {
        EarlyStopping es = config.earlyStopping();
        if (es == null || !metrics.containsKey(es.metric())) {
            return s;
        }
        double v = metrics.get(es.metric());
        boolean better = Double.isNaN(s.best()) || (es.maximize() ? v > s.best() : v < s.best());
        return s.withBest(better ? v : s.best(), better ? 0 : s.badEvals() + 1);
    }

    private void checkpoint(Net net, TrainState s) {
        if (run == null) {
            return;
        }
        try {
            Checkpoint.write(run.checkpoint(), net, s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + config.outDir(), e);
        }
    }

    private Path saveLastGood(Net net, TrainState s) {
        if (run == null) {
            return null;
        }
        Path p = run.file(LAST_GOOD);
        try {
            Checkpoint.write(p, net, s);
            return p;
        } catch (IOException e) {
            return null;
        }
    }

    private void writeSummary(Result r) {
        if (run == null) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", r.state().step());
        m.put("epochs", r.state().epoch());
        m.put("last_loss", r.state().lastLoss());
        m.put("stop", r.stop().name());
        m.put("resumed_from", r.resumedFrom());
        m.put("epoch_seconds", r.epochSeconds());
        m.put("metrics", r.metrics());
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(run.file(SUMMARY).toFile(), m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Preallocated copy of parameters and updater state, taken before each update. */
    private static final class Snapshot {
        private INDArray params;
        private INDArray updater;

        void take(Net net) {
            params = copyInto(params, net.params());
            INDArray u = net.updaterState();
            updater = u == null ? null : copyInto(updater, u);
        }

        void restore(Net net) {
            net.params().assign(params);
            INDArray u = net.updaterState();
            if (u != null && updater != null) {
                u.assign(updater);
            }
        }

        private static INDArray copyInto(INDArray buf, INDArray src) {
            if (buf == null || buf.length() != src.length()) {
                return src.dup();
            }
            return buf.assign(src);
        }
    }
}
