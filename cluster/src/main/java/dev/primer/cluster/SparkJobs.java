package dev.primer.cluster;

import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Opens the Spark context of a job: embedded ({@code local[N]}), a standalone cluster ({@code spark://HOST:PORT}) or
 * whatever {@code spark-submit} set up. Every job reports its tasks through a {@link TaskReport}.
 */
public final class SparkJobs {
    /** Attempts per task before the job fails: Spark's default {@code spark.task.maxFailures}. */
    public static final int TASK_ATTEMPTS = 4;
    private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)]");

    private SparkJobs() {
    }

    /**
     * Returns a context for {@code master}. An embedded {@code local[N]} becomes Spark's {@code local[N,4]}, so that a
     * failed task is retried as on a cluster (plain local mode gives up at the first failure). A driver started
     * outside {@code spark-submit} on a {@code spark://} master ships its own class path as the executors' class path:
     * right on one machine or a shared file system (elsewhere, use {@code spark-submit}, see the README).
     */
    public static JavaSparkContext open(String master, String app) {
        SparkConf conf = new SparkConf().setAppName("primer " + app).set("spark.ui.showConsoleProgress", "false");
        if (!conf.contains("spark.master")) {
            Matcher m = LOCAL.matcher(master);
            conf.setMaster(m.matches() ? "local[" + m.group(1) + "," + TASK_ATTEMPTS + "]" : master);
            if (master.startsWith("spark://") && !conf.contains("spark.jars")) {
                conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            }
        }
        return new JavaSparkContext(conf);
    }

    /** Attaches a task report for {@code units} (e.g. "games") of {@code perTask[i]} in task i, printing to out. */
    public static TaskReport report(JavaSparkContext sc, String units, int[] perTask, PrintWriter out) {
        TaskReport r = new TaskReport(units, perTask, out);
        sc.sc().addSparkListener(r);
        return r;
    }
}
