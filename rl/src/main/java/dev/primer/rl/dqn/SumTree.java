package dev.primer.rl.dqn;

/**
 * A sum tree over {@code capacity} non-negative priorities (Schaul et al. 2016, Appendix B.2.1): set a leaf
 * and read the total in O(log n), and find the leaf where a prefix sum crosses a value in O(log n).
 */
public final class SumTree {
    private final int leaves;
    private final double[] tree;

    /** A tree of {@code capacity} zero priorities. */
    public SumTree(int capacity) {
        int l = 1;
        while (l < capacity) {
            l <<= 1;
        }
        this.leaves = l;
        this.tree = new double[2 * l];
    }

    /** Sets the priority of slot {@code i}. */
    public void set(int i, double priority) {
        int node = i + leaves;
        double delta = priority - tree[node];
        for (; node >= 1; node >>= 1) {
            tree[node] += delta;
        }
    }

    /** The priority of slot {@code i}. */
    public double get(int i) {
        return tree[i + leaves];
    }

    /** The sum of all priorities. */
    public double total() {
        return tree[1];
    }

    /** The slot i with prefix(i) ≤ u &lt; prefix(i) + p_i, for u in [0, total). */
    public int find(double u) {
        int node = 1;
        while (node < leaves) {
            int left = 2 * node;
            if (u < tree[left] || tree[left + 1] == 0) {
                node = left;
            } else {
                u -= tree[left];
                node = left + 1;
            }
        }
        return node - leaves;
    }
}
