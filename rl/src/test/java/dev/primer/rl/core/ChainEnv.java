package dev.primer.rl.core;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Frame;
import dev.primer.atari.core.Info;
import dev.primer.atari.core.Reset;
import dev.primer.atari.core.Snapshot;
import dev.primer.atari.core.Step;
import dev.primer.atari.spaces.Box;
import dev.primer.atari.spaces.Discrete;
import dev.primer.atari.spaces.Space;

/**
 * A deterministic chain 0 … n−1 observed one-hot: action 1 moves right, action 0 moves left (0 stays put).
 * Reaching n−1 pays 1 and terminates; every other step pays 0. Optimal values at discount γ:
 * {@code V(s) = γ^(n−2−s)} and {@code Q(s,a) = r + γ·V(s′)} with V(n−1) = 0 — see {@link #optimalQ}.
 */
public final class ChainEnv implements Environment<float[], Integer> {
    private final int n;
    private final float[] obs;
    private final Step<float[]> step = new Step<>();
    private int state;

    /** A chain of {@code n} ≥ 2 states starting at 0. */
    public ChainEnv(int n) {
        this.n = n;
        this.obs = new float[n];
    }

    /** Q*(s, a) of the chain at discount γ, for non-terminal s. */
    public static double optimalQ(int n, double gamma, int s, int a) {
        int next = a == 1 ? s + 1 : Math.max(0, s - 1);
        return next == n - 1 ? 1.0 : gamma * Math.pow(gamma, n - 2 - next);
    }

    @Override
    public Reset<float[]> reset(long seed) {
        return reset();
    }

    @Override
    public Reset<float[]> reset() {
        state = 0;
        write();
        return new Reset<>(obs, Info.START);
    }

    @Override
    public Step<float[]> step(Integer action) {
        state = action == 1 ? state + 1 : Math.max(0, state - 1);
        write();
        boolean end = state == n - 1;
        return step.set(obs, end ? 1 : 0, end, false, Info.NO_LIVES, 0);
    }

    private void write() {
        java.util.Arrays.fill(obs, 0f);
        obs[state] = 1f;
    }

    @Override
    public Space<Integer> actionSpace() {
        return new Discrete(2);
    }

    @Override
    public Space<float[]> observationSpace() {
        return Box.float32(new double[n], filled(n), n);
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    @Override
    public Frame render() {
        throw new UnsupportedOperationException("the chain has no picture");
    }

    @Override
    public Snapshot cloneState() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void restoreState(Snapshot snapshot) {
        throw new UnsupportedOperationException();
    }
}
