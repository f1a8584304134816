package dev.primer.cluster;

import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Items 1..items (games, seeds) cut into tasks of {@code perTask} consecutive numbers, the last one shorter: task
 * {@code t} holds {@code t*perTask+1 .. min(items, (t+1)*perTask)}. A task's items follow from its index alone, so
 * a retried task redoes exactly its own.
 *
 * @param items   number of items
 * @param perTask items per task
 */
public record Split(int items, int perTask) implements Serializable {
    /** Checks ranges. */
    public Split {
        if (items < 1 || perTask < 1) {
            throw new IllegalArgumentException("cannot split " + items + " items into tasks of " + perTask);
        }
    }

    /** Returns the number of tasks. */
    public int tasks() {
        return (items + perTask - 1) / perTask;
    }

    /** Returns the first item of task {@code t}. */
    public int first(int t) {
        return t * perTask + 1;
    }

    /** Returns the last item of task {@code t}. */
    public int last(int t) {
        return Math.min(items, (t + 1) * perTask);
    }

    /** Returns the items of each task. */
    public int[] sizes() {
        return IntStream.range(0, tasks()).map(t -> last(t) - first(t) + 1).toArray();
    }

    /** Returns the task indices 0..tasks-1, one per Spark partition. */
    public List<Integer> indices() {
        return IntStream.range(0, tasks()).boxed().toList();
    }
}
