package dev.primer.mcts;

/**
 * When a search stops: after {@code maxPlayouts} simulations, after {@code maxSeconds}, or, with {@code earlyStop},
 * once the most visited root move cannot be overtaken in what is left (Leela Zero's pruning of hopeless searches).
 *
 * @param maxPlayouts simulations in this call
 * @param maxSeconds  wall-clock seconds in this call; infinite for none
 * @param earlyStop   whether to stop once the choice cannot change
 */
public record Limits(int maxPlayouts, double maxSeconds, boolean earlyStop) {
    /** Checks ranges. */
    public Limits {
        if (maxPlayouts < 0 || !(maxSeconds >= 0)) {
            throw new IllegalArgumentException("invalid limits: " + maxPlayouts + " playouts, " + maxSeconds + " s");
        }
    }

    /** Exactly {@code n} simulations, no clock. */
    public static Limits playouts(int n) {
        return new Limits(n, Double.POSITIVE_INFINITY, false);
    }

    /** At most {@code n} simulations and {@code seconds}, stopping early when the choice is settled. */
    public static Limits of(int n, double seconds) {
        return new Limits(n, seconds, true);
    }
}
