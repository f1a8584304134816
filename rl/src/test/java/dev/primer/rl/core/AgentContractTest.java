package dev.primer.rl.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Step;
import dev.primer.atari.wrappers.TimeLimit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Agent} keeps (like atari-env's EnvironmentContractTest): each agent's test extends
 * this class and supplies {@link #create} for a 4-state chain ({@link ChainEnv}, one-hot observations, 2 actions,
 * episodes cut at 20 steps).
 */
public abstract class AgentContractTest {
    /** Width of the chain's one-hot observations. */
    protected static final int INPUTS = 4;
    /** Actions of the chain. */
    protected static final int ACTIONS = 2;

    /** A fresh agent for the chain, seeded with {@code seed}. */
    protected abstract Agent create(long seed);

    /** Training episodes after which the agent has learned something (at least one finite loss). */
    protected int episodes() {
        return 40;
    }

    private static Environment<float[], Integer> chain() {
        return TimeLimit.steps(new ChainEnv(INPUTS), 20);
    }

    private static float[] onehot(int s) {
        float[] x = new float[INPUTS];
        x[s] = 1;
        return x;
    }

    /**
     * What an agent did over {@code episodes} training episodes from environment step {@code step}: each action,
     * each {@link Agent#update} result, and the step reached.
     */
    private record Trace(List<Integer> actions, List<Double> losses, long step) {
    }

    /**
     * Trains {@code agent} for {@code episodes} episodes as the training loop does, writing over every array
     * right after handing it to the agent (the caller owns them) when {@code scribble} is set.
     */
    private static Trace train(Agent agent, int episodes, long step, boolean scribble) {
        Environment<float[], Integer> env = chain();
        List<Integer> actions = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            float[] obs = env.reset(e).observation().clone();
            boolean done = false;
            while (!done) {
                int a = agent.act(obs, step);
                Step<float[]> st = env.step(a);
                float[] next = st.observation().clone();
                agent.observe(new Transition(obs, a, st.reward(), next, st.terminated(), st.truncated()));
                done = st.done();
                if (scribble) {
                    Arrays.fill(obs, -7f);
                    Arrays.fill(next, 9f);
                }
                step++;
                losses.add(agent.update(step));
                actions.add(a);
                obs = st.observation().clone();
            }
        }
        return new Trace(actions, losses, step);
    }

    private static Agent copyOf(Agent original, Agent blank) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            original.write(out);
        }
        blank.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        return blank;
    }

    @Test
    void actionsAreInRangeAndUpdatesReturnALossOrNaN() {
        Agent agent = create(1);
        Trace t = train(agent, episodes(), 0, false);
        assertTrue(t.actions().stream().allMatch(a -> a >= 0 && a < ACTIONS), "act within [0, " + ACTIONS + ")");
        for (int s = 0; s < INPUTS; s++) {
            int g = agent.greedy(onehot(s));
            assertTrue(g >= 0 && g < ACTIONS, "greedy within [0, " + ACTIONS + "): " + g);
        }
        assertTrue(t.losses().stream().anyMatch(l -> Double.isFinite(l)), "something was learned");
        assertTrue(t.losses().stream().allMatch(l -> Double.isNaN(l) || Double.isFinite(l)), "NaN or a finite loss");
    }

    @Test
    void greedyIsAFunctionOfTheObservationAndConsumesNoRandomness() {
        Agent a = create(2);
        Agent b = create(2);
        train(a, episodes(), 0, false);
        train(b, episodes(), 0, false);
        for (int s = 0; s < INPUTS; s++) {
            assertEquals(a.greedy(onehot(s)), a.greedy(onehot(s)), "greedy twice in state " + s);
        }
        assertEquals(train(b, 5, 10_000, false), train(a, 5, 10_000, false), "greedy calls left act's stream alone");
    }

    @Test
    void arraysHandedToTheAgentAreTheCallersToOverwrite() {
        Agent kept = create(3);
        Agent scribbled = create(3);
        assertEquals(train(kept, episodes(), 0, false), train(scribbled, episodes(), 0, true));
        assertArrayEquals(kept.policyParameters(), scribbled.policyParameters());
    }

    @Test
    void policyParametersAreACopyThatSetPolicyParametersRestores() {
        Agent learned = create(4);
        train(learned, episodes(), 0, false);
        Agent fresh = create(5);
        float[] p = learned.policyParameters();
        assertFalse(Arrays.equals(p, fresh.policyParameters()));
        p[0] += 1;
        assertNotEquals(p[0], learned.policyParameters()[0], "the returned array is a copy");
        fresh.setPolicyParameters(learned.policyParameters());
        assertArrayEquals(learned.policyParameters(), fresh.policyParameters());
        for (int s = 0; s < INPUTS; s++) {
            assertEquals(learned.greedy(onehot(s)), fresh.greedy(onehot(s)), "same greedy action in state " + s);
        }
    }

    @Test
    void anAgentReadBackFromWriteContinuesExactlyAsTheOriginal() throws IOException {
        Agent original = create(6);
        // early, while the random streams still decide actions, but after the first updates
        Trace before = train(original, 6, 0, false);
        assertTrue(before.losses().stream().anyMatch(l -> Double.isFinite(l)), "learned before the checkpoint");
        long step = before.step();
        Agent restored = copyOf(original, create(7));
        assertArrayEquals(original.policyParameters(), restored.policyParameters());
        Trace a = train(original, episodes(), step, false);
        Trace b = train(restored, episodes(), step, false);
        assertEquals(a, b, "same actions (random streams restored) and same losses (optimiser state restored)");
        assertArrayEquals(original.policyParameters(), restored.policyParameters());
    }
}
