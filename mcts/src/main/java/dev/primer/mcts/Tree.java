package dev.primer.mcts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Node storage without per-node objects: parallel primitive arrays indexed by node, the children of a node contiguous
 * in [firstChild, firstChild + childCount), node 0 the root. Two arenas are allocated once; tree reuse copies the kept
 * subtree into the spare arena and swaps them, so searches allocate nothing per node.
 *
 * <p>Visits, virtual loss and value sums change atomically; AMAF statistics are plain and may lose a racing update, as in
 * Fuego's lock-free tree (Enzenberger and Müller 2009). A node's children are published by a release store of its
 * state, read with acquire.
 */
final class Tree {
    static final int UNEXPANDED = 0;
    static final int EXPANDING = 1;
    static final int EXPANDED = 2;

    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle FLOATS = MethodHandles.arrayElementVarHandle(float[].class);

    private static final class Arena {
        final int[] action;
        final int[] firstChild;
        final int[] childCount;
        final int[] state;
        final int[] visits;
        final int[] virtualLoss;
        final float[] valueSum;
        final float[] prior;
        final float[] amafVisits;
        final float[] amafValue;
        final float[] netValue;
        final AtomicInteger size = new AtomicInteger();

        Arena(int capacity) {
            action = new int[capacity];
            firstChild = new int[capacity];
            childCount = new int[capacity];
            state = new int[capacity];
            visits = new int[capacity];
            virtualLoss = new int[capacity];
            valueSum = new float[capacity];
            prior = new float[capacity];
            amafVisits = new float[capacity];
            amafValue = new float[capacity];
            netValue = new float[capacity];
        }
    }

    private final int capacity;
    private Arena live;
    private Arena spare;
    private final int[] copyFrom;
    private final int[] copyTo;

    /** Creates two arenas of {@code capacity} nodes each, and an empty tree (a lone root). */
    Tree(int capacity) {
        this.capacity = capacity;
        live = new Arena(capacity);
        spare = new Arena(capacity);
        copyFrom = new int[capacity];
        copyTo = new int[capacity];
        clear();
    }

    /** Returns the nodes one arena holds. */
    int capacity() {
        return capacity;
    }

    /** Returns the nodes in use. */
    int size() {
        return live.size.get();
    }

    /** Leaves a lone, unexpanded root. */
    void clear() {
        live.size.set(1);
        init(live, 0, -1, 0, 0, 0);
    }

    /** Returns the first of {@code n} fresh consecutive nodes, or -1 when the arena is full. */
    int allocate(int n) {
        AtomicInteger size = live.size;
        while (true) {
            int s = size.get();
            if (s + n > capacity) {
                return -1;
            }
            if (size.compareAndSet(s, s + n)) {
                return s;
            }
        }
    }

    /** Initialises node {@code i} as an unexpanded child reached by {@code action} with prior statistics. */
    void initChild(int i, int action, float prior, float amafVisits, float amafValue) {
        init(live, i, action, prior, amafVisits, amafValue);
    }

    private static void init(Arena a, int i, int action, float prior, float amafVisits, float amafValue) {
        a.action[i] = action;
        a.firstChild[i] = -1;
        a.childCount[i] = 0;
        a.state[i] = UNEXPANDED;
        a.visits[i] = 0;
        a.virtualLoss[i] = 0;
        a.valueSum[i] = 0;
        a.prior[i] = prior;
        a.amafVisits[i] = amafVisits;
        a.amafValue[i] = amafValue;
        a.netValue[i] = Float.NaN;
    }

    /** Returns true for the one caller that may expand {@code node}; others see it as a leaf until it is published. */
    boolean tryBeginExpand(int node) {
        return INTS.compareAndSet(live.state, node, UNEXPANDED, EXPANDING);
    }

    /** Publishes the children [first, first + count) of {@code node}. */
    void finishExpand(int node, int first, int count) {
        live.firstChild[node] = first;
        live.childCount[node] = count;
        INTS.setRelease(live.state, node, EXPANDED);
    }

    /** Gives up an expansion begun with {@link #tryBeginExpand}. */
    void abortExpand(int node) {
        INTS.setRelease(live.state, node, UNEXPANDED);
    }

    /** Returns true when the children of {@code node} are published. */
    boolean isExpanded(int node) {
        return (int) INTS.getAcquire(live.state, node) == EXPANDED;
    }

    int firstChild(int node) {
        return live.firstChild[node];
    }

    int childCount(int node) {
        return live.childCount[node];
    }

    int action(int node) {
        return live.action[node];
    }

    int visits(int node) {
        return (int) INTS.getOpaque(live.visits, node);
    }

    int virtualLoss(int node) {
        return (int) INTS.getOpaque(live.virtualLoss, node);
    }

    float valueSum(int node) {
        return (float) FLOATS.getOpaque(live.valueSum, node);
    }

    float prior(int node) {
        return live.prior[node];
    }

    float amafVisits(int node) {
        return live.amafVisits[node];
    }

    float amafValue(int node) {
        return live.amafValue[node];
    }

    /** Returns the evaluator's value of {@code node} for its player to move, in [-1, 1], or NaN before it is known. */
    float netValue(int node) {
        return (float) FLOATS.getOpaque(live.netValue, node);
    }

    /** Keeps the evaluator's value of {@code node} so that later visits need no evaluation; racing writers agree. */
    void setNetValue(int node, float value) {
        FLOATS.setOpaque(live.netValue, node, value);
    }

    /** Adds {@code k} virtual losses to {@code node}. */
    void addVirtualLoss(int node, int k) {
        INTS.getAndAdd(live.virtualLoss, node, k);
    }

    /** Records one visit with {@code reward} and removes the {@code k} virtual losses the descent added. */
    void update(int node, float reward, int k) {
        INTS.getAndAdd(live.visits, node, 1);
        FLOATS.getAndAdd(live.valueSum, node, reward);
        if (k != 0) {
            INTS.getAndAdd(live.virtualLoss, node, -k);
        }
    }

    /** Adds one AMAF observation with {@code reward}. */
    void updateAmaf(int node, float reward) {
        live.amafVisits[node] += 1;
        live.amafValue[node] += reward;
    }

    /**
     * Makes {@code child} of the root the new root, keeping its subtree and dropping the rest; MUST NOT run while a
     * search does.
     */
    void promote(int child) {
        Arena from = live;
        Arena to = spare;
        copyNode(from, child, to, 0);
        int size = 1;
        int head = 0;
        int tail = 0;
        copyFrom[tail] = child;
        copyTo[tail++] = 0;
        while (head < tail) {
            int o = copyFrom[head];
            int n = copyTo[head++];
            if (from.state[o] != EXPANDED) {
                to.state[n] = UNEXPANDED;
                to.firstChild[n] = -1;
                to.childCount[n] = 0;
                continue;
            }
            int count = from.childCount[o];
            int first = from.firstChild[o];
            to.state[n] = EXPANDED;
            to.firstChild[n] = size;
            to.childCount[n] = count;
            for (int k = 0; k < count; k++) {
                copyNode(from, first + k, to, size);
                copyFrom[tail] = first + k;
                copyTo[tail++] = size++;
            }
        }
        to.action[0] = -1;
        to.size.set(size);
        live = to;
        spare = from;
    }

    private static void copyNode(Arena from, int o, Arena to, int n) {
        to.action[n] = from.action[o];
        to.visits[n] = from.visits[o];
        to.virtualLoss[n] = 0;
        to.valueSum[n] = from.valueSum[o];
        to.prior[n] = from.prior[o];
        to.amafVisits[n] = from.amafVisits[o];
        to.amafValue[n] = from.amafValue[o];
        to.netValue[n] = from.netValue[o];
    }
}
