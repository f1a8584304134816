package dev.primer.rl.dqn;

import dev.primer.rl.core.Transition;

/**
 * Turns one-step transitions into n-step ones (Sutton 1988; Hessel et al. 2018):
 * {@code (s_t, a_t, Σ_{i<k} γⁱ r_{t+i}, s_{t+k}, terminated, γᵏ)} with k = n, or fewer at the end of an episode.
 * n = 1 passes transitions through unchanged (discount γ).
 */
public final class NStepAccumulator {

    /** Where finished n-step transitions go. */
    @FunctionalInterface
    public interface Sink {
        /** Receives one n-step transition; arrays are only valid during the call. */
        void add(float[] observation, int action, float reward, float[] next, boolean terminated, float discount);
    }

    private final int n;
    private final double gamma;
    private final float[][] observations;
    private final int[] actions;
    private final double[] rewards;
    private int head;
    private int count;

    /** An accumulator of n-step returns at discount γ for observations of {@code size} floats. */
    public NStepAccumulator(int n, double gamma, int size) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        this.n = n;
        this.gamma = gamma;
        this.observations = new float[n][size];
        this.actions = new int[n];
        this.rewards = new double[n];
    }

    /** Adds one step; emits the transitions it completes into {@code sink}. */
    public void add(Transition t, Sink sink) {
        int slot = (head + count) % n;
        System.arraycopy(t.observation(), 0, observations[slot], 0, observations[slot].length);
        actions[slot] = t.action();
        rewards[slot] = t.reward();
        count++;
        if (t.done()) {
            // the episode ended: every pending step gets its (shorter) return; bootstrap only if truncated
            while (count > 0) {
                emit(t.next(), t.terminated(), sink);
            }
        } else if (count == n) {
            emit(t.next(), false, sink);
        }
    }

    /** Drops pending steps (used when a resumed run starts a fresh episode). */
    public void clear() {
        count = 0;
    }

    private void emit(float[] next, boolean terminated, Sink sink) {
        double ret = 0;
        double discount = 1;
        for (int i = 0; i < count; i++) {
            ret += discount * rewards[(head + i) % n];
            discount *= gamma;
        }
        sink.add(observations[head], actions[head], (float) ret, next, terminated, (float) discount);
        head = (head + 1) % n;
        count--;
    }
}
