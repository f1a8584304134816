package dev.primer.mcts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Monte Carlo tree search over any {@link SearchState}: selection by {@link SelectionRule}, expansion with optional
 * {@link Evaluator} priors, leaf value mixing rollouts and evaluator values, backup with AMAF for RAVE. Several
 * threads share one tree (tree parallelism), kept apart by virtual loss. With one thread and one seed a sequence of
 * calls always gives the same results. Not thread-safe: one caller drives it.
 *
 * @param <S> the game
 */
public final class Search<S extends SearchState<S>> implements AutoCloseable {
    /** Deepest descent; deeper leaves are evaluated where they stand. */
    static final int MAX_DEPTH = 1024;
    /** Moves of principal variation a search result carries per root move. */
    private static final int PV_LENGTH = 16;
    private static final int CHECK_INTERVAL = 16;
    private static final long SEED_STRIDE = 0x9E3779B97F4A7C15L;

    private final SearchConfig config;
    private final Rollout.Factory<S> rollouts;
    private final Evaluator<S> evaluator;
    private final Tree tree;
    private final ExecutorService pool;
    private final List<Worker> workers = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private S root;
    private boolean[] rootAllowed;
    private volatile boolean stop;
    private volatile boolean full;
    private long deadline;
    private long startNanos;
    private Limits limits;

    /** Creates a search that evaluates leaves by rollouts only. */
    public Search(SearchConfig config, Rollout.Factory<S> rollouts) {
        this(config, rollouts, null);
    }

    /** Creates a search whose leaves get priors and/or values from {@code evaluator} as well as rollouts. */
    public Search(SearchConfig config, Rollout.Factory<S> rollouts, Evaluator<S> evaluator) {
        this.config = config;
        this.rollouts = rollouts;
        this.evaluator = evaluator;
        this.tree = new Tree(config.arenaCapacity());
        this.pool = config.threads() > 1 ? Executors.newFixedThreadPool(config.threads() - 1, r -> {
            Thread t = new Thread(r, "mcts-worker");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Returns the configuration. */
    public SearchConfig config() {
        return config;
    }

    /** Makes {@code state} the root and forgets the tree; a game with another action space gets fresh workers. */
    public void setRoot(S state) {
        if (root == null || root.actionSpace() != state.actionSpace()) {
            root = state.copy();
            rootAllowed = new boolean[state.actionSpace()];
            workers.clear();
            for (int i = 0; i < config.threads(); i++) {
                workers.add(new Worker(i));
            }
        } else {
            root.copyFrom(state);
        }
        tree.clear();
        full = false;
    }

    /** Plays {@code action} at the root, keeping its subtree when the tree has it; returns whether it had. */
    public boolean advance(int action) {
        int child = rootChild(action);
        root.apply(action);
        if (child < 0) {
            tree.clear();
        } else {
            tree.promote(child);
        }
        full = false;
        return child >= 0;
    }

    /** Returns the root position; callers MUST NOT modify it. */
    public S root() {
        return root;
    }

    /** Returns the nodes in use in the live arena. */
    public int treeSize() {
        return tree.size();
    }

    /** Returns the virtual losses left in the tree: 0 whenever no search runs. */
    int totalVirtualLoss() {
        int sum = 0;
        for (int i = 0; i < tree.size(); i++) {
            sum += tree.virtualLoss(i);
        }
        return sum;
    }

    /** Returns the nodes each of the two arenas can hold; it never changes. */
    public int arenaCapacity() {
        return tree.capacity();
    }

    /** Searches the root with every legal move allowed. */
    public SearchResult run(Limits limits) {
        return run(limits, a -> true);
    }

    /** Searches the root, choosing at the root only moves {@code allowed} accepts. */
    public SearchResult run(Limits limits, IntPredicate allowed) {
        for (int a = 0; a < rootAllowed.length; a++) {
            rootAllowed[a] = allowed.test(a);
        }
        this.limits = limits;
        startNanos = System.nanoTime();
        deadline = Double.isInfinite(limits.maxSeconds()) ? Long.MAX_VALUE
                : startNanos + (long) (limits.maxSeconds() * 1e9);
        started.set(0);
        finished.set(0);
        stop = false;
        if (!root.isTerminal()) {
            workers.get(0).expandRoot();
        }
        if (pool == null) {
            workers.get(0).loop();
        } else {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 1; i < workers.size(); i++) {
                futures.add(pool.submit(workers.get(i)::loop));
            }
            workers.get(0).loop();
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("search interrupted", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("search thread failed", e.getCause());
                }
            }
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        List<ChildStats> children = rootChildren(PV_LENGTH);
        int best = bestChild();
        return new SearchResult(best < 0 ? -1 : tree.action(best), best < 0 ? 0.5f : winrate(best),
                tree.visits(0), finished.get(), seconds, children);
    }

    /** Returns the allowed root moves with their statistics and principal variations of up to {@code pvLength} moves, most visited first. */
    public List<ChildStats> rootChildren(int pvLength) {
        List<ChildStats> out = new ArrayList<>();
        if (!tree.isExpanded(0)) {
            return out;
        }
        int first = tree.firstChild(0);
        for (int c = first; c < first + tree.childCount(0); c++) {
            if (!rootAllowed[tree.action(c)]) {
                continue;
            }
            int n = tree.visits(c);
            float q = winrate(c);
            float lcb = (float) Wilson.of95(q * n, n).low();
            out.add(new ChildStats(tree.action(c), n, q, tree.prior(c), lcb, principalVariation(c, pvLength)));
        }
        out.sort(Comparator.comparingInt(ChildStats::visits).reversed());
        return out;
    }

    private int[] principalVariation(int node, int length) {
        int[] pv = new int[length];
        int n = 0;
        int cur = node;
        while (n < length && cur >= 0 && tree.visits(cur) > 0) {
            pv[n++] = tree.action(cur);
            cur = mostVisitedChild(cur);
        }
        return Arrays.copyOf(pv, n);
    }

    private int mostVisitedChild(int node) {
        if (!tree.isExpanded(node)) {
            return -1;
        }
        int best = -1;
        int first = tree.firstChild(node);
        for (int c = first; c < first + tree.childCount(node); c++) {
            if (best < 0 || tree.visits(c) > tree.visits(best)) {
                best = c;
            }
        }
        return best;
    }

    private int bestChild() {
        if (!tree.isExpanded(0)) {
            return -1;
        }
        int best = -1;
        int first = tree.firstChild(0);
        for (int c = first; c < first + tree.childCount(0); c++) {
            if (!rootAllowed[tree.action(c)]) {
                continue;
            }
            if (best < 0 || tree.visits(c) > tree.visits(best)
                    || tree.visits(c) == tree.visits(best) && winrate(c) > winrate(best)) {
                best = c;
            }
        }
        return best;
    }

    private int rootChild(int action) {
        if (!tree.isExpanded(0)) {
            return -1;
        }
        int first = tree.firstChild(0);
        for (int c = first; c < first + tree.childCount(0); c++) {
            if (tree.action(c) == action) {
                return c;
            }
        }
        return -1;
    }

    private float winrate(int node) {
        int n = tree.visits(node);
        return n == 0 ? 0.5f : tree.valueSum(node) / n;
    }

    /** Returns true when the search must stop after {@code done} simulations. */
    private boolean shouldStop(int done) {
        long now = System.nanoTime();
        if (now >= deadline) {
            return true;
        }
        if (!limits.earlyStop() || done < CHECK_INTERVAL) {
            return false;
        }
        double left = limits.maxPlayouts() - done;
        if (deadline != Long.MAX_VALUE) {
            double rate = done / Math.max(1e-9, (now - startNanos) / 1e9);
            left = Math.min(left, rate * (deadline - now) / 1e9);
        }
        int first = tree.firstChild(0);
        int best = 0;
        int second = 0;
        for (int c = first; c < first + tree.childCount(0); c++) {
            if (rootAllowed[tree.action(c)]) {
                int n = tree.visits(c);
                if (n > best) {
                    second = best;
                    best = n;
                } else if (n > second) {
                    second = n;
                }
            }
        }
        return best - second > left;
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** One search thread's scratch: its own position copy, rollout and buffers. */
    private final class Worker {
        private final S state;
        private final Rollout<S> rollout;
        private final Trace trace;
        private final int[] path = new int[MAX_DEPTH + 1];
        private final int[] players = new int[MAX_DEPTH + 1];
        private final int[] actions;
        private final int[] markStamp;
        private final int[] markPlayer;
        private int stamp;
        private final List<S> batch;
        private final float[][] priors;
        private final float[] values = new float[1];
        private boolean evaluated;

        Worker(int index) {
            state = root.copy();
            rollout = rollouts.create(config.seed() + (index + 1) * SEED_STRIDE);
            int space = root.actionSpace();
            trace = new Trace(MAX_DEPTH + 4 * space);
            actions = new int[space];
            markStamp = new int[space];
            markPlayer = new int[space];
            batch = List.of(state);
            priors = new float[][] {new float[space]};
        }

        void loop() {
            while (!stop) {
                int done = started.getAndIncrement();
                if (done >= limits.maxPlayouts()) {
                    stop = true;
                    break;
                }
                simulate();
                int n = finished.incrementAndGet();
                // the clock every simulation (a network-backed one can take milliseconds), the early stop every 16
                if (System.nanoTime() >= deadline || n % CHECK_INTERVAL == 0 && shouldStop(n)) {
                    stop = true;
                }
            }
        }

        void expandRoot() {
            state.copyFrom(root);
            evaluated = false;
            expand(0, state);
        }

        /** One simulation: descend under virtual loss, expand, evaluate the leaf, back up and undo the virtual loss. */
        private void simulate() {
            S s = state;
            s.copyFrom(root);
            trace.clear();
            evaluated = false;
            int node = 0;
            int depth = 0;
            path[0] = 0;
            while (depth < MAX_DEPTH && tree.isExpanded(node) && !s.isTerminal()) {
                int child = select(node);
                if (child < 0) {
                    break;
                }
                tree.addVirtualLoss(child, config.virtualLoss());
                int a = tree.action(child);
                players[depth] = s.toMove();
                trace.add(a, players[depth]);
                s.apply(a);
                node = child;
                path[++depth] = node;
            }
            players[depth] = s.toMove();
            float z;
            if (s.isTerminal()) {
                z = s.terminalValue();
            } else {
                if (tree.visits(node) >= config.expandThreshold()) {
                    expand(node, s);
                }
                z = leafValue(node, s);
            }
            backup(depth, z);
        }

        private int select(int node) {
            int first = tree.firstChild(node);
            int count = tree.childCount(node);
            double parentVisits = Math.max(1, tree.visits(node) + tree.virtualLoss(node));
            double logParent = Math.log(parentVisits);
            double sqrtParent = Math.sqrt(parentVisits);
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = first; c < first + count; c++) {
                if (node == 0 && !rootAllowed[tree.action(c)]) {
                    continue;
                }
                double score = score(c, logParent, sqrtParent);
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            return best;
        }

        /** Returns the selection score of child {@code c}; virtual losses count as visits that lost. */
        private double score(int c, double logParent, double sqrtParent) {
            double n = tree.visits(c) + tree.virtualLoss(c);
            double q = n > 0 ? tree.valueSum(c) / n : config.firstPlayUrgency();
            return switch (config.rule()) {
                case UCT -> n > 0 ? Selection.uct(q, n, logParent, config.exploration()) : q;
                case PUCT -> Selection.puct(q, tree.prior(c), n, sqrtParent, config.exploration());
                case RAVE -> {
                    double amafN = tree.amafVisits(c);
                    if (n == 0 && amafN <= 0) {
                        yield config.firstPlayUrgency();
                    }
                    double beta = Selection.raveBeta(n, amafN, config.raveBias());
                    double amafQ = amafN > 0 ? tree.amafValue(c) / amafN : 0;
                    yield Selection.rave(n > 0 ? q : 0, amafQ, beta)
                            + config.exploration() * Math.sqrt(logParent / (n + 1));
                }
            };
        }

        /** Creates the children of {@code node} at position {@code s}, unless another thread does or the arena is full. */
        private void expand(int node, S s) {
            if (full || !tree.tryBeginExpand(node)) {
                return;
            }
            int count = s.legalActions(actions);
            int first = tree.allocate(count);
            if (first < 0) {
                full = true;
                tree.abortExpand(node);
                return;
            }
            boolean withPriors = evaluator != null && evaluator.output().priors();
            float sum = 0;
            float max = 0;
            if (withPriors) {
                evaluator.evaluate(batch, priors, values);
                evaluated = true;
                for (int k = 0; k < count; k++) {
                    float p = Math.max(0, priors[0][actions[k]]);
                    sum += p;
                    max = Math.max(max, p);
                }
            }
            double equivalent = config.rule() == SelectionRule.RAVE && withPriors ? config.priorVisits() : 0;
            for (int k = 0; k < count; k++) {
                int a = actions[k];
                float p = sum > 0 ? Math.max(0, priors[0][a]) / sum : 1f / count;
                // prior experience (Gelly and Silver 2007, section 4): the best-rated move starts at 0.65, an unrated one at 0.35
                float q0 = max > 0 ? (float) (0.5 + 0.3 * (Math.max(0, priors[0][a]) / max - 0.5)) : 0.5f;
                tree.initChild(first + k, a, p, (float) equivalent, (float) (equivalent * q0));
            }
            tree.finishExpand(node, first, count);
        }

        /**
         * Returns player 0's value of leaf {@code node} at {@code s}: V = (1 - lambda) v + lambda z, or the rollout alone
         * without a value evaluator. The evaluator's v is computed once per node and kept in the tree.
         */
        private float leafValue(int node, S s) {
            boolean withValue = evaluator != null && evaluator.output().value() && config.lambda() < 1;
            float v = 0;
            if (withValue) {
                float known = tree.netValue(node);
                if (Float.isNaN(known)) {
                    if (!evaluated) {
                        evaluator.evaluate(batch, priors, values);
                    }
                    known = values[0];
                    tree.setNetValue(node, known);
                }
                float mover = (known + 1) / 2;
                v = s.toMove() == 0 ? mover : 1 - mover;
                if (config.lambda() == 0) {
                    return v;
                }
            }
            float z = rollout.run(s, trace);
            return withValue ? Selection.mix(v, z, config.lambda()) : z;
        }

        private void backup(int depth, float z) {
            tree.update(0, players[0] == 0 ? 1 - z : z, 0);
            for (int i = 1; i <= depth; i++) {
                tree.update(path[i], players[i - 1] == 0 ? z : 1 - z, config.virtualLoss());
            }
            if (config.rule() == SelectionRule.RAVE) {
                backupAmaf(depth, z);
            }
        }

        /**
         * All-moves-as-first (Gelly and Silver 2007): every child of a node on the path whose move its player made first
         * later in the simulation gets that simulation's result.
         */
        private void backupAmaf(int depth, float z) {
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(markStamp, 0);
                stamp = 1;
            }
            int j = trace.size() - 1;
            for (int i = Math.min(depth, trace.size()); i >= 0; i--) {
                for (; j >= i; j--) {
                    int a = trace.action(j);
                    markStamp[a] = stamp;
                    markPlayer[a] = trace.player(j);
                }
                int node = path[i];
                if (!tree.isExpanded(node)) {
                    continue;
                }
                int p = players[i];
                float reward = p == 0 ? z : 1 - z;
                int first = tree.firstChild(node);
                for (int c = first; c < first + tree.childCount(node); c++) {
                    int a = tree.action(c);
                    if (markStamp[a] == stamp && markPlayer[a] == p) {
                        tree.updateAmaf(c, reward);
                    }
                }
            }
        }
    }
}
