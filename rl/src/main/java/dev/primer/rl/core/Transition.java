package dev.primer.rl.core;

/**
 * One environment step (s, a, r, s′) with Gymnasium's two ways for an episode to end.
 *
 * @param observation s, before the action
 * @param action      a
 * @param reward      r
 * @param next        s′, the observation after the action (the final one if the episode ended)
 * @param terminated  s′ is a terminal state of the game: its value is 0 and targets must not bootstrap from it
 * @param truncated   the episode was cut short by a limit outside the game: s′ still has a value
 */
public record Transition(float[] observation, int action, double reward, float[] next, boolean terminated,
                         boolean truncated) {
    /** True when the episode ended either way. */
    public boolean done() {
        return terminated || truncated;
    }
}
