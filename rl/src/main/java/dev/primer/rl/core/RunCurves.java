package dev.primer.rl.core;

import dev.primer.nn.train.StepCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The learning curves of several runs combined as MinAtar's {@code examples/plot_return.py} combines its 30
 * (Young and Tian 2019): each run's return averaged over its last {@code window} finished training episodes,
 * read at common frames, then the mean across runs and its standard error. The same summary is also available
 * over spans of frames: each run's mean over all the episodes that end in a span.
 */
public final class RunCurves {
    private RunCurves() {
    }

    /** One run: the frames it trained for, and its finished training episodes in order (end step, return). */
    public record Run(String name, long frames, double[] steps, double[] returns) {
        /** Checks that both arrays have one entry per episode. */
        public Run {
            if (steps.length != returns.length) {
                throw new IllegalArgumentException(name + ": " + steps.length + " steps for " + returns.length
                        + " returns");
            }
        }
    }

    /**
     * The runs at common frames.
     *
     * @param frames  the frames
     * @param perRun  per run, its value at each frame (NaN where it has none)
     * @param mean    the mean over the runs that have a value at each frame (NaN when none has)
     * @param stdErr  the standard error of that mean, s/√n with the n−1 sample deviation (NaN when n &lt; 2)
     */
    public record Summary(long[] frames, double[][] perRun, double[] mean, double[] stdErr) {
    }

    /** After each episode i, the mean return of episodes max(0, i − window + 1) … i. */
    public static double[] trailingMean(double[] returns, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, not " + window);
        }
        double[] mean = new double[returns.length];
        double sum = 0;
        for (int i = 0; i < returns.length; i++) {
            sum += returns[i] - (i >= window ? returns[i - window] : 0);
            mean[i] = sum / Math.min(i + 1, window);
        }
        return mean;
    }

    /** The mean return of the last {@code window} episodes that ended at or before {@code frame} (NaN if none). */
    public static double at(Run run, int window, long frame) {
        return valueAt(trailingMean(run.returns(), window), run.steps(), frame);
    }

    /** {@code smooth} (a value per episode, ended at {@code steps}) after the last episode ended by frame, else NaN. */
    private static double valueAt(double[] smooth, double[] steps, long frame) {
        int n = endedBy(steps, frame);
        return n == 0 ? Double.NaN : smooth[n - 1];
    }

    /** How many of the ascending {@code steps} are ≤ {@code frame}. */
    private static int endedBy(double[] steps, long frame) {
        int lo = 0, hi = steps.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps[mid] <= frame) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Every run's trailing mean at {@code frames}, with the mean across runs and its standard error. */
    public static Summary summarise(List<Run> runs, int window, long[] frames) {
        double[][] perRun = new double[runs.size()][];
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            double[] smooth = trailingMean(run.returns(), window);
            perRun[r] = Arrays.stream(frames).mapToDouble(f -> valueAt(smooth, run.steps(), f)).toArray();
        }
        return across(frames, perRun);
    }

    /**
     * Every run's mean return over all the episodes that end in (frame − span, frame] at each of {@code frames}
     * (NaN where none does), with the mean across runs and its standard error. Over a span of many episodes this
     * is a plateau's level, without the swing of a 100-episode window.
     */
    public static Summary summariseSpans(List<Run> runs, long span, long[] frames) {
        if (span < 1) {
            throw new IllegalArgumentException("span must be at least 1 frame, not " + span);
        }
        double[][] perRun = new double[runs.size()][frames.length];
        for (int r = 0; r < runs.size(); r++) {
            double[] steps = runs.get(r).steps();
            double[] prefix = new double[steps.length + 1];
            for (int i = 0; i < steps.length; i++) {
                prefix[i + 1] = prefix[i] + runs.get(r).returns()[i];
            }
            for (int f = 0; f < frames.length; f++) {
                int from = endedBy(steps, frames[f] - span);
                int to = endedBy(steps, frames[f]);
                perRun[r][f] = to == from ? Double.NaN : (prefix[to] - prefix[from]) / (to - from);
            }
        }
        return across(frames, perRun);
    }

    /** The mean over the runs with a value at each frame, and its standard error. */
    private static Summary across(long[] frames, double[][] perRun) {
        double[] mean = new double[frames.length];
        double[] stdErr = new double[frames.length];
        for (int f = 0; f < frames.length; f++) {
            double sum = 0, sumSq = 0;
            int n = 0;
            for (double[] run : perRun) {
                double v = run[f];
                if (!Double.isNaN(v)) {
                    sum += v;
                    sumSq += v * v;
                    n++;
                }
            }
            mean[f] = n == 0 ? Double.NaN : sum / n;
            stdErr[f] = n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sumSq - n * mean[f] * mean[f]) / (n - 1)) / n);
        }
        return new Summary(frames, perRun, mean, stdErr);
    }

    /** The multiples of {@code every} up to the shortest run's frames (that length itself if it is shorter). */
    public static long[] commonFrames(List<Run> runs, long every) {
        if (every < 1 || runs.isEmpty()) {
            throw new IllegalArgumentException("need runs and a positive spacing, not " + every);
        }
        long shortest = runs.stream().mapToLong(Run::frames).min().orElseThrow();
        if (shortest < every) {
            return new long[] {shortest};
        }
        long[] frames = new long[Math.toIntExact(shortest / every)];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = (i + 1) * every;
        }
        return frames;
    }

    /**
     * The runs at {@code path}: the {@value Training#EPISODES} file itself, or every one found below a directory.
     * A run is named after {@code path} when it is the only one there, else after its folder below {@code path}. Its
     * length is the last step of the {@value Training#TRAIN} beside it, or its last episode's end without one.
     *
     * @throws IllegalArgumentException if there is none, or a file is not a training loop's episode log
     */
    public static List<Run> read(Path path) {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(p -> p.getFileName().toString().equals(Training.EPISODES)).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (Files.isRegularFile(path)) {
            files = List.of(path);
        } else {
            throw new IllegalArgumentException(path + " does not exist");
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no " + Training.EPISODES + " under " + path);
        }
        List<Run> runs = new ArrayList<>();
        for (Path file : files) {
            String below = path.relativize(file.getParent()).toString();
            String name = files.size() == 1 ? String.valueOf(path.toAbsolutePath().normalize().getFileName())
                    : below.isEmpty() ? "." : below;
            runs.add(parse(name, file));
        }
        return runs;
    }

    /** One episode log (rows of step, episode, return, length, steps ascending) and the train log beside it. */
    private static Run parse(String name, Path file) {
        List<double[]> rows = StepCsv.rows(file);
        double[] steps = new double[rows.size()];
        double[] returns = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            if (row.length < 3 || (i > 0 && row[0] < steps[i - 1])) {
                throw new IllegalArgumentException(file + ": data row " + (i + 1) + " is not 'step,episode,return,...' "
                        + "with ascending steps: " + Arrays.toString(row));
            }
            steps[i] = row[0];
            returns[i] = row[2];
        }
        List<double[]> train = StepCsv.rows(file.resolveSibling(Training.TRAIN));
        double lastEnd = steps.length == 0 ? 0 : steps[steps.length - 1];
        double lastLogged = train.isEmpty() ? 0 : train.get(train.size() - 1)[0];
        return new Run(name, (long) Math.max(lastEnd, lastLogged), steps, returns);
    }
}
