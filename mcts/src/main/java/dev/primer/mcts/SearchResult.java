package dev.primer.mcts;

import java.util.List;

/**
 * The outcome of one search call.
 *
 * @param bestAction  the most visited allowed root move, or -1 when there is none
 * @param winrate     its win rate for the player to move
 * @param rootVisits  visits of the root, including those reused from earlier searches
 * @param simulations simulations run in this call
 * @param seconds     wall-clock time of this call
 * @param children    root moves, most visited first
 */
public record SearchResult(int bestAction, float winrate, int rootVisits, int simulations, double seconds,
                           List<ChildStats> children) {
    /** Returns simulations per second of this call. */
    public double simulationsPerSecond() {
        return simulations / Math.max(seconds, 1e-9);
    }
}
