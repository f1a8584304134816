package dev.primer.cluster;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.apache.spark.Success$;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;

/**
 * The driver's view of a job's tasks: one line per finished task (tasks done, units done, units per second since the
 * job began) and one per failed attempt, naming the task, the attempt, the executor and Spark's reason. A task that
 * succeeds twice (a speculative copy) counts once.
 */
public final class TaskReport extends SparkListener {
    /**
     * A failed task attempt.
     *
     * @param task     task index (the partition)
     * @param attempt  attempt number from 0
     * @param executor executor id and host
     * @param reason   Spark's description of the failure
     */
    public record Failure(int task, int attempt, String executor, String reason) {
    }

    private final String units;
    private final int[] perTask;
    private final PrintWriter out;
    private final long start = System.nanoTime();
    private final BitSet done = new BitSet();
    private final List<Failure> failures = new ArrayList<>();
    private long unitsDone;

    TaskReport(String units, int[] perTask, PrintWriter out) {
        this.units = units;
        this.perTask = perTask.clone();
        this.out = out;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        TaskInfo info = end.taskInfo();
        int task = info.index();
        if (end.reason() == Success$.MODULE$) {
            if (task < perTask.length && !done.get(task)) {
                done.set(task);
                unitsDone += perTask[task];
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf(Locale.ROOT, "task %d done on executor %s: %d/%d tasks, %d %s, %.3g %s/s%n", task,
                        info.executorId(), done.cardinality(), perTask.length, unitsDone, units,
                        unitsDone / seconds, units);
                out.flush();
            }
            return;
        }
        String why = end.reason() instanceof TaskFailedReason f ? f.toErrorString() : end.reason().toString();
        Failure f = new Failure(task, info.attemptNumber(), info.executorId() + " (" + info.host() + ")",
                why.lines().findFirst().orElse(why));
        failures.add(f);
        out.printf(Locale.ROOT, "task %d attempt %d failed on executor %s: %s%n", f.task(), f.attempt(), f.executor(),
                f.reason());
        out.flush();
    }

    /** Returns the tasks finished so far. */
    public synchronized int tasksDone() {
        return done.cardinality();
    }

    /** Returns the failed attempts so far, in the order they were reported. */
    public synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }
}
