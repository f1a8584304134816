package dev.primer.rl.core;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A learner over discrete actions and flat float observations: it acts, observes transitions and updates.
 *
 * <p>The loop calls, per environment step: {@link #act}, then {@link #observe} with the outcome, then
 * {@link #update}. Arrays passed in are owned by the caller and overwritten afterwards: copy what you keep.
 */
public interface Agent {

    /** The action to take while training (exploring) at environment step {@code step}. */
    int act(float[] observation, long step);

    /** The action of the learned policy without exploration, for evaluation. */
    int greedy(float[] observation);

    /** Records one transition; {@code t.next()} is the observation after the action (also when the episode ended). */
    void observe(Transition t);

    /** Learns what is due after environment step {@code step}; returns the last loss, or NaN if nothing was learned. */
    double update(long step);

    /** A copy of the parameters behind {@link #greedy}, so that a run can keep the best policy it evaluated. */
    float[] policyParameters();

    /** Makes {@link #greedy} act with parameters that {@link #policyParameters} returned. */
    void setPolicyParameters(float[] parameters);

    /** Writes the complete learner state: networks, optimiser state, memory, random streams. */
    void write(DataOutputStream out) throws IOException;

    /** Restores a state written by {@link #write} of an agent built with the same configuration. */
    void read(DataInputStream in) throws IOException;
}
