package dev.primer.mcts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gathers the evaluations of several search threads into batches for one inner {@link Evaluator} (AlphaGo's queue in
 * front of the GPU, Silver et al. 2016, Methods, "Search algorithm"): a caller waits until {@code batchSize}
 * positions are queued or {@code timeoutNanos} have passed since it queued its own, and then whichever caller closes
 * the batch evaluates it for everyone. The callers' position objects go to the inner evaluator as they are, so a
 * caller MUST NOT touch its position until its call returns (a search thread never does).
 *
 * @param <S> the game
 */
public final class BatchingEvaluator<S extends SearchState<S>> implements Evaluator<S> {
    private final Evaluator<S> inner;
    private final int batchSize;
    private final long timeoutNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private List<Request<S>> pending = new ArrayList<>();
    private int pendingPositions;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong positions = new AtomicLong();

    /** One caller's positions and where their answers go. */
    private static final class Request<S> {
        final List<S> states;
        final float[][] priors;
        final float[] values;
        boolean taken;
        boolean done;
        RuntimeException failure;

        Request(List<S> states, float[][] priors, float[] values) {
            this.states = states;
            this.priors = priors;
            this.values = values;
        }
    }

    /** Creates a queue in front of {@code inner} that evaluates up to {@code batchSize} positions at once, waiting at most {@code timeoutNanos} for a batch to fill. */
    public BatchingEvaluator(Evaluator<S> inner, int batchSize, long timeoutNanos) {
        if (batchSize < 1 || timeoutNanos < 0) {
            throw new IllegalArgumentException("batch size must be >= 1 and the timeout >= 0, got " + batchSize + ", "
                    + timeoutNanos + " ns");
        }
        this.inner = inner;
        this.batchSize = batchSize;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public Output output() {
        return inner.output();
    }

    @Override
    public void evaluate(List<S> states, float[][] priors, float[] values) {
        Request<S> mine = new Request<>(states, priors, values);
        List<Request<S>> batch = null;
        lock.lock();
        try {
            pending.add(mine);
            pendingPositions += states.size();
            long left = timeoutNanos;
            while (!mine.taken) {
                if (pendingPositions >= batchSize || left <= 0) {
                    batch = take();
                    break;
                }
                left = changed.awaitNanos(left);
            }
            if (batch == null) {
                while (!mine.done) {
                    changed.awaitUninterruptibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } finally {
            lock.unlock();
        }
        if (batch != null) {
            run(batch);
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Returns the batches evaluated so far. */
    public long batches() {
        return batches.get();
    }

    /** Returns the positions evaluated so far; divided by {@link #batches()}, the mean batch size. */
    public long positions() {
        return positions.get();
    }

    /** Takes every queued request (the lock held). */
    private List<Request<S>> take() {
        List<Request<S>> batch = pending;
        pending = new ArrayList<>();
        pendingPositions = 0;
        for (Request<S> r : batch) {
            r.taken = true;
        }
        changed.signalAll();
        return batch;
    }

    /** Evaluates {@code batch} in one inner call and wakes its callers. */
    private void run(List<Request<S>> batch) {
        List<S> states = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (Request<S> r : batch) {
            states.addAll(r.states);
            for (int i = 0; i < r.states.size(); i++) {
                rows.add(r.priors[i]);
            }
        }
        float[] values = new float[states.size()];
        RuntimeException failure = null;
        try {
            inner.evaluate(states, rows.toArray(new float[0][]), values);
        } catch (RuntimeException e) {
            failure = e;
        }
        batches.incrementAndGet();
        positions.addAndGet(states.size());
        lock.lock();
        try {
            int k = 0;
            for (Request<S> r : batch) {
                System.arraycopy(values, k, r.values, 0, r.states.size());
                k += r.states.size();
                r.failure = failure;
                r.done = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Returns the timeout as a readable duration, for logs. */
    @Override
    public String toString() {
        return "batches of " + batchSize + " within " + TimeUnit.NANOSECONDS.toMicros(timeoutNanos) + " µs around "
                + inner;
    }
}
