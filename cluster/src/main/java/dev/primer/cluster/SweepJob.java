package dev.primer.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.primer.experiments.cli.RlCommand;
import dev.primer.experiments.core.Budget;
import dev.primer.experiments.core.RunRecord;
import dev.primer.rl.core.RunCurves;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * An experiment over seeds and settings as a Spark job: one task per (setting, seed), each running {@code primer run
 * NAME --budget B --seed S} in a JVM of its own (a setting is a set of system properties, e.g.
 * {@code primer.minatar.game=asterix}, which one JVM cannot hold twice), into
 * {@code OUT/SETTING/seed-S/NAME/}. A run is the same command as on one machine, so its result.json is the one a
 * single-machine run of that seed writes. The driver gathers every result.json: per setting, each numeric metric's
 * mean ± standard error over the seeds ({@code OUT/sweep.json}, and a table), and where the runs write training
 * curves (episodes.csv), their mean ± s.e. curve ({@code OUT/SETTING/curves.png}, as {@code primer rl curves}).
 */
public final class SweepJob {
    /** The file of the gathered results. */
    public static final String SUMMARY = "sweep.json";
    /** Episodes per trailing mean of the curves: MinAtar's 100, as {@code primer rl curves}. */
    static final int CURVE_WINDOW = 100;
    private static final String MAIN = "dev.primer.experiments.cli.Main";
    /** The episode log of rl's training loop, which {@link RunCurves#read} combines. */
    private static final String EPISODES = "episodes.csv";

    /**
     * A sweep.
     *
     * @param experiment  registered experiment name
     * @param budget      quick or full
     * @param seeds       seeds, each run once per setting
     * @param settings    the settings, each a list of {@code key=value} system properties (one empty list: none)
     * @param out         output directory (on a file system the executors share)
     * @param javaOptions JVM options of each run, e.g. {@code -Xmx2g}
     */
    public record Plan(String experiment, Budget budget, List<Long> seeds, List<List<String>> settings, Path out,
                       List<String> javaOptions) {
        /** Returns the runs: every setting with every seed, settings outermost. */
        public List<Run> runs() {
            List<Run> runs = new ArrayList<>();
            settings.forEach(s -> seeds.forEach(seed -> runs.add(new Run(s, seed))));
            return runs;
        }
    }

    /**
     * One run of a sweep.
     *
     * @param setting its system properties, {@code key=value}
     * @param seed    its seed
     */
    public record Run(List<String> setting, long seed) {
        /** Returns the run's directory under {@code out}: {@code SETTING/seed-S}. */
        public Path dir(Path out) {
            return out.resolve(label(setting)).resolve("seed-" + seed);
        }
    }

    /**
     * One metric of one setting over the seeds.
     *
     * @param mean   mean over the seeds
     * @param stdErr standard error of the mean (sample standard deviation / √n; NaN for one seed)
     * @param values the value of each seed, in seed order
     */
    public record Stat(double mean, double stdErr, double[] values) {
        /** Returns the statistic of {@code values}. */
        public static Stat of(double[] values) {
            int n = values.length;
            double mean = 0;
            for (double v : values) {
                mean += v / n;
            }
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            return new Stat(mean, n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1) / n), values.clone());
        }
    }

    private SweepJob() {
    }

    /** Returns the seeds of {@code spec}: {@code A..B} (inclusive) or a comma-separated list. */
    public static List<Long> seeds(String spec) {
        try {
            if (spec.contains("..")) {
                String[] ab = spec.split("\\.\\.", 2);
                long a = Long.parseLong(ab[0].strip());
                long b = Long.parseLong(ab[1].strip());
                if (b < a) {
                    throw new IllegalArgumentException("--seeds " + spec + ": the range is empty");
                }
                return LongStream.rangeClosed(a, b).boxed().toList();
            }
            return List.of(spec.split(",")).stream().map(s -> Long.parseLong(s.strip())).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seeds " + spec + ": expected A..B or a list like 1,2,5");
        }
    }

    /** Returns every combination of {@code sets}, each {@code key=v1,v2,...}: the product of their values. */
    public static List<List<String>> settings(List<String> sets) {
        List<List<String>> out = new ArrayList<>(List.of(List.of()));
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq < 1 || eq == set.length() - 1) {
                throw new IllegalArgumentException("--set " + set + ": expected key=value or key=v1,v2,...");
            }
            List<List<String>> next = new ArrayList<>();
            for (List<String> s : out) {
                for (String v : set.substring(eq + 1).split(",")) {
                    List<String> t = new ArrayList<>(s);
                    t.add(set.substring(0, eq) + "=" + v.strip());
                    next.add(List.copyOf(t));
                }
            }
            out = next;
        }
        return out;
    }

    /** Returns a setting's directory name: its properties joined by '_', or "default". */
    static String label(List<String> setting) {
        return setting.isEmpty() ? "default" : String.join("_", setting).replaceAll("[^A-Za-z0-9=._-]", "-");
    }

    /** Runs the sweep on {@code sc}, writes {@code OUT/sweep.json} and returns each setting's metrics. */
    public static Map<String, Map<String, Stat>> run(JavaSparkContext sc, Plan plan, PrintWriter log)
            throws IOException {
        List<Run> runs = plan.runs();
        Split split = new Split(runs.size(), 1);
        int[] one = split.sizes();
        SparkJobs.report(sc, "runs", one, log);
        Portable portable = Portable.of(plan);
        sc.parallelize(split.indices(), split.tasks())
                .foreach(t -> runOne(portable.to(Plan.class), t));
        return gather(plan, log);
    }

    /** Runs run {@code t} of {@code plan} in a JVM of its own; throws IllegalStateException when it fails. */
    static void runOne(Plan plan, int t) throws IOException, InterruptedException {
        Run run = plan.runs().get(t);
        Path dir = Files.createDirectories(run.dir(plan.out()));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(plan.javaOptions());
        run.setting().forEach(p -> cmd.add("-D" + p));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN, "run", plan.experiment(), "--budget",
                plan.budget().name().toLowerCase(Locale.ROOT), "--seed", Long.toString(run.seed()), "--out",
                dir.toString()));
        Path logFile = dir.resolve("run.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        // a run must not outlive its executor when that is stopped (a SIGKILLed one leaves it to finish)
        Thread stop = new Thread(p::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            int status = p.waitFor();
            if (status != 0) {
                List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
                throw new IllegalStateException(plan.experiment() + " " + run + " exited with status " + status
                        + ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException stopping) {
                // the JVM is shutting down: the hook ends the run
            }
        }
    }

    /** Reads every run's result.json, summarises each setting and writes the summary and the curves. */
    static Map<String, Map<String, Stat>> gather(Plan plan, PrintWriter log) throws IOException {
        Map<String, Map<String, Stat>> all = new LinkedHashMap<>();
        for (List<String> setting : plan.settings()) {
            List<RunRecord> records = new ArrayList<>();
            for (long seed : plan.seeds()) {
                records.add(RunRecord.read(new Run(setting, seed).dir(plan.out()).resolve(plan.experiment())));
            }
            Map<String, Stat> stats = summarise(records);
            all.put(label(setting), stats);
            log.printf(Locale.ROOT, "%s, %d seeds:%n", label(setting), records.size());
            stats.forEach((k, s) -> log.printf(Locale.ROOT, "  %-40s %12.5g ± %.3g%n", k, s.mean(), s.stdErr()));
            Path settingDir = plan.out().resolve(label(setting));
            List<RunCurves.Run> curves = curves(settingDir);
            if (!curves.isEmpty()) {
                long frames = curves.stream().mapToLong(RunCurves.Run::frames).max().orElse(1);
                RlCommand.Curves.write(curves, CURVE_WINDOW, Math.max(1, frames / 200), settingDir);
                log.printf(Locale.ROOT, "  curves of %d runs: %s%n", curves.size(), settingDir.resolve("curves.png"));
            }
        }
        log.flush();
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(
                plan.out().resolve(SUMMARY).toFile(), all);
        return all;
    }

    /** Returns each numeric metric's statistic over the records (a metric missing from one of them is left out). */
    static Map<String, Stat> summarise(List<RunRecord> records) {
        Map<String, Stat> stats = new LinkedHashMap<>();
        for (String key : records.get(0).metrics().keySet()) {
            double[] v = new double[records.size()];
            boolean numeric = true;
            for (int i = 0; i < v.length && numeric; i++) {
                Object o = records.get(i).metrics().get(key);
                numeric = o instanceof Number;
                v[i] = numeric ? ((Number) o).doubleValue() : Double.NaN;
            }
            if (numeric) {
                stats.put(key, Stat.of(v));
            }
        }
        return stats;
    }

    /** Returns the training curves under {@code settingDir}; none when its runs write no {@value #EPISODES}. */
    private static List<RunCurves.Run> curves(Path settingDir) throws IOException {
        try (Stream<Path> walk = Files.walk(settingDir)) {
            if (walk.noneMatch(p -> p.getFileName().toString().equals(EPISODES))) {
                return List.of();
            }
        }
        return RunCurves.read(settingDir);
    }
}
