package dev.primer.mcts;

/**
 * What the search knows about one root move.
 *
 * @param action  the move
 * @param visits  simulations through it
 * @param winrate mean result for the player to move at the root
 * @param prior   normalised prior
 * @param lcb     lower end of the win rate's 95% Wilson interval (0 without visits)
 * @param pv      the principal variation from this move, most visited child each step
 */
public record ChildStats(int action, int visits, float winrate, float prior, float lcb, int[] pv) {
}
