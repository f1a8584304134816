package dev.primer.experiments.core;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs experiments side by side, each in its own child process ({@code primer run NAME}) writing {@code OUT/NAME/}
 * and its console into {@code OUT/NAME/run.log}, at most {@code jobs} at a time; a failed one is recorded in
 * {@code OUT/NAME/failure.txt} and the rest go on. Prints a line per finished experiment and, every few seconds,
 * an overall bar with each running experiment's progress: its time so far beside its last run's, and the percentage
 * of its progress bar when its log shows one.
 */
public final class Tour {
    /** The child's console, beside its result. */
    public static final String LOG = "run.log";
    /** Written instead of a result when the child fails: its exit status and the end of its log. */
    public static final String FAILURE = "failure.txt";
    private static final int BAR = 20;
    private static final int LOG_TAIL_LINES = 30;
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%");

    /** How an experiment of the tour ended. */
    public enum Status { DONE, KEPT, FAILED }

    /**
     * One experiment's end.
     *
     * @param name    experiment name
     * @param status  done now, kept from an earlier run, or failed
     * @param seconds wall time of the child (0 when kept)
     */
    public record Result(String name, Status status, double seconds) {
    }

    /**
     * What to run and how.
     *
     * @param out     results directory
     * @param budget  every experiment's budget
     * @param seed    every experiment's seed
     * @param jobs    experiments at a time (≥ 1)
     * @param keep    keep experiments that already have a result at this budget and seed instead of rerunning them
     * @param command the child's command line for an experiment name; it must write {@code OUT/NAME/result.json}
     * @param env     variables added to each child's environment (e.g. OMP_NUM_THREADS)
     * @param live    redraw the status line in place (a terminal) rather than printing it every half minute
     */
    public record Plan(Path out, Budget budget, long seed, int jobs, boolean keep,
                       Function<String, List<String>> command, Map<String, String> env, boolean live) {
        /** Checks jobs and copies env. */
        public Plan {
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
            }
            env = Map.copyOf(env);
        }
    }

    private final Plan plan;
    private final PrintStream console;
    private final Map<String, Long> running = new ConcurrentHashMap<>();
    private final Map<String, Process> children = new ConcurrentHashMap<>();
    private final Map<String, Double> earlier = new ConcurrentHashMap<>();
    private final List<Result> finished = new ArrayList<>();
    private int total;

    private Tour(Plan plan, PrintStream console) {
        this.plan = plan;
        this.console = console;
    }

    /** Runs {@code names} as {@code plan} says, printing progress to {@code console}; returns their ends in order. */
    public static List<Result> run(List<String> names, Plan plan, PrintStream console) throws InterruptedException {
        return new Tour(plan, console).runAll(names);
    }

    private List<Result> runAll(List<String> names) throws InterruptedException {
        total = names.size();
        ExecutorService pool = Executors.newFixedThreadPool(plan.jobs());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tour-status");
            t.setDaemon(true);
            return t;
        });
        long period = plan.live() ? 2 : 30;
        ticker.scheduleAtFixedRate(this::printStatus, period, period, TimeUnit.SECONDS);
        // A tour stopped by a signal stops its children too, rather than leaving them running unseen.
        Thread stopChildren = new Thread(() -> children.values().forEach(Process::destroy), "tour-stop-children");
        Runtime.getRuntime().addShutdownHook(stopChildren);
        for (String name : longestFirst(names)) {
            pool.execute(() -> runOrRecord(name));
        }
        pool.shutdown();
        pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        ticker.shutdownNow();
        Runtime.getRuntime().removeShutdownHook(stopChildren);
        List<Result> results = new ArrayList<>();
        for (String name : names) {
            synchronized (this) {
                finished.stream().filter(r -> r.name().equals(name)).findFirst().ifPresent(results::add);
            }
        }
        clearStatus();
        return results;
    }

    /**
     * The names with those whose earlier results took longest first (unknown ones first of all, in the given
     * order), so that the last to finish is not a long one started late.
     */
    private List<String> longestFirst(List<String> names) {
        names.forEach(n -> earlier.put(n, earlierSeconds(n)));
        return names.stream().sorted(Comparator.comparingDouble(n -> -earlier.get(n))).toList();
    }

    private double earlierSeconds(String name) {
        try {
            return RunRecord.read(plan.out().resolve(name)).wallSeconds();
        } catch (IOException | RuntimeException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** Runs {@code name}; a child that cannot even start (or a lost interrupt) is recorded as failed too. */
    private void runOrRecord(String name) {
        try {
            runOne(name);
        } catch (IOException | RuntimeException | InterruptedException e) {
            String why = "could not run: " + e;
            try {
                Files.writeString(plan.out().resolve(name).resolve(FAILURE), why + "\n");
            } catch (IOException | RuntimeException ignored) {
                why += " (nor write " + FAILURE + ")";
            }
            finish(new Result(name, Status.FAILED, 0), why);
        }
    }

    private Result runOne(String name) throws IOException, InterruptedException {
        Path dir = plan.out().resolve(name);
        Files.createDirectories(dir);
        if (plan.keep() && finishedAlready(dir)) {
            return finish(new Result(name, Status.KEPT, 0), "kept from an earlier run");
        }
        Files.deleteIfExists(dir.resolve(RunRecord.FILE));
        Files.deleteIfExists(dir.resolve(FAILURE));
        Path log = dir.resolve(LOG);
        ProcessBuilder pb = new ProcessBuilder(plan.command().apply(name)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(plan.env());
        long t0 = System.nanoTime();
        running.put(name, t0);
        int exit;
        Process p = pb.start();
        children.put(name, p);
        try {
            exit = p.waitFor();
        } finally {
            p.destroy();
            children.remove(name);
            running.remove(name);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (exit == 0 && Files.exists(dir.resolve(RunRecord.FILE))) {
            return finish(new Result(name, Status.DONE, seconds), RunRecord.read(dir).headline());
        }
        List<String> tail = tail(log, LOG_TAIL_LINES);
        Files.writeString(dir.resolve(FAILURE), "exit status " + exit + (exit == 0 ? " without a " + RunRecord.FILE
                : "") + "\n" + String.join("\n", tail) + "\n");
        return finish(new Result(name, Status.FAILED, seconds), "exit status " + exit
                + (tail.isEmpty() ? "" : ": " + tail.get(tail.size() - 1)) + " (see " + log + ")");
    }

    private boolean finishedAlready(Path dir) {
        try {
            RunRecord r = RunRecord.read(dir);
            return r.budget().equals(plan.budget().name().toLowerCase(Locale.ROOT)) && r.seed() == plan.seed();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private synchronized Result finish(Result r, String what) {
        finished.add(r);
        clearStatus();
        console.printf(Locale.ROOT, "[%d/%d] %-6s %s (%.1f s): %s%n", finished.size(), total,
                r.status().name().toLowerCase(Locale.ROOT), r.name(), r.seconds(), what);
        return r;
    }

    private synchronized void clearStatus() {
        if (plan.live()) {
            console.print("\r\033[K");
        }
    }

    private synchronized void printStatus() {
        int done = finished.size();
        long failed = finished.stream().filter(r -> r.status() == Status.FAILED).count();
        int filled = total == 0 ? BAR : done * BAR / total;
        StringBuilder s = new StringBuilder(plan.live() ? "\r\033[K" : "").append('[')
                .append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ").append(done).append('/')
                .append(total).append(failed > 0 ? ", " + failed + " failed" : "").append(" | running:");
        long now = System.nanoTime();
        running.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            s.append(' ').append(e.getKey());
            percent(plan.out().resolve(e.getKey()).resolve(LOG)).ifPresent(pc -> s.append(' ').append(pc).append('%'));
            s.append(' ').append(minutes((now - e.getValue()) / 1e9));
            double last = earlier.getOrDefault(e.getKey(), Double.POSITIVE_INFINITY);
            s.append(Double.isFinite(last) ? " (last run " + minutes(last) + ");" : ";");
        });
        if (plan.live()) {
            console.print(s);
            console.flush();
        } else {
            console.println(s);
        }
    }

    private static String minutes(double seconds) {
        long secs = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", secs / 60, secs % 60);
    }

    /** The percentage of the last progress bar in {@code log}, if its last line shows one. */
    static Optional<Integer> percent(Path log) {
        List<String> last = tail(log, 1);
        Matcher m = last.isEmpty() ? null : PERCENT.matcher(last.get(0));
        return m != null && m.find() ? Optional.of(Integer.parseInt(m.group(1)))
                : Optional.empty();
    }

    /** The last {@code n} non-blank lines of {@code file} (carriage returns end lines too: progress bars). */
    static List<String> tail(Path file, int n) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, f.length() - 8192);
            byte[] bytes = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        } catch (IOException e) {
            return List.of();
        }
    }
}
