package dev.primer.rl.dqn;

/**
 * Q-learning targets for a minibatch (Mnih et al. 2015, eq. 2; van Hasselt et al. 2016, eq. 4):
 * {@code y = r + γᵏ·Q_target(s′, a*)} with {@code a* = argmax_a Q_target(s′, a)} (DQN) or
 * {@code a* = argmax_a Q_online(s′, a)} (Double DQN), where r is the (n-step) discounted reward and
 * γᵏ the discount to s′ (γ for one-step returns).
 */
public final class BellmanTargets {
    private BellmanTargets() {
    }

    /**
     * Writes the target of each transition into {@code out}.
     *
     * @param rewards     discounted rewards, one per transition
     * @param discounts   γᵏ from s to s′, one per transition
     * @param terminated  whether s′ is terminal
     * @param nextTarget  Q_target(s′, ·), row-major [batch × actions]
     * @param nextOnline  Q_online(s′, ·) for Double DQN, or null for DQN
     * @param actions     number of actions
     * @param out         the targets y
     */
    public static void compute(float[] rewards, float[] discounts, boolean[] terminated, float[] nextTarget,
                               float[] nextOnline, int actions, float[] out) {
        for (int i = 0; i < rewards.length; i++) {
            int row = i * actions;
            int best = argmax(nextOnline != null ? nextOnline : nextTarget, row, actions);
            double bootstrap = nextTarget[row + best];
            // CRUCIAL: bootstrap only when s′ is not terminal. A truncated episode (time limit) still
            // bootstraps: s′ has a value, the clock just stopped — zeroing it there biases every Q-value down.
            out[i] = (float) (rewards[i] + (terminated[i] ? 0.0 : discounts[i] * bootstrap));
        }
    }

    /** The index of the largest of {@code q[from, from+n)}, relative to {@code from} (first on ties). */
    public static int argmax(float[] q, int from, int n) {
        int best = 0;
        for (int a = 1; a < n; a++) {
            if (q[from + a] > q[from + best]) {
                best = a;
            }
        }
        return best;
    }
}
