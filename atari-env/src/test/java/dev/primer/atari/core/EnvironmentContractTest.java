package dev.primer.atari.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.spaces.Discrete;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every environment and wrapper chain passes (like dm_env's EnvironmentTestMixin): each
 * environment's test extends this class and supplies {@link #create()}.
 */
public abstract class EnvironmentContractTest {

    /** A fresh environment under test. */
    protected abstract Environment<?, ?> create();

    /** Steps the contract checks run for. */
    protected int steps() {
        return 400;
    }

    @SuppressWarnings("unchecked")
    private Environment<Object, Object> fresh() {
        return (Environment<Object, Object>) create();
    }

    @Test
    void passesTheEnvironmentChecker() {
        assertEquals(List.of(), EnvChecker.check(this::create, 11, steps()).castToList());
    }

    @Test
    void stepBeforeResetSaysToReset() {
        Environment<Object, Object> env = fresh();
        Object action = env.actionSpace().sample(SplitMix64.seeded(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(action));
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
    }

    @Test
    void actionOutsideTheSpaceIsRejected() {
        Environment<Object, Object> env = fresh();
        env.reset(3);
        int n = ((Discrete) (Object) env.actionSpace()).n();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(n));
        assertTrue(e.getMessage().contains("actionSpace") || e.getMessage().contains(String.valueOf(n - 1)),
                e.getMessage());
    }

    @Test
    void stepAfterTheEndSaysToReset() {
        Environment<Object, Object> env = fresh();
        SplitMix64 rng = SplitMix64.seeded(5);
        env.reset(5);
        boolean done = false;
        for (int t = 0; t < 200_000 && !done; t++) {
            done = env.step(env.actionSpace().sample(rng)).done();
        }
        assertTrue(done, "a random policy should end an episode within 200k steps");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> env.step(env.actionSpace().sample(rng)));
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
    }

    @Test
    void sameSeedAndActionsGiveTheSameTrajectoryBitForBit() {
        assertEquals(rollout(fresh(), 99, 3000), rollout(fresh(), 99, 3000));
    }

    @Test
    void differentSeedsGiveDifferentTrajectories() {
        List<String> a = rollout(fresh(), 1, 3000);
        boolean anyDifferent = false;
        for (long seed = 2; seed < 6 && !anyDifferent; seed++) {
            anyDifferent = !a.equals(rollout(fresh(), seed, 3000));
        }
        assertTrue(anyDifferent, "the seed should influence the trajectory");
    }

    @Test
    void restoreStateReplaysTheFuture() {
        Environment<Object, Object> env = fresh();
        SplitMix64 rng = SplitMix64.seeded(8);
        env.reset(8);
        for (int t = 0; t < 10; t++) {
            if (env.step(env.actionSpace().sample(rng)).done()) {
                env.reset();
            }
        }
        Snapshot snapshot = env.cloneState();
        List<String> first = continuation(env, 77);
        env.restoreState(snapshot);
        List<String> second = continuation(env, 77);
        assertEquals(first, second);
    }

    /** Rewards, flags and a hash of every observation over episodes restarted until {@code steps}. */
    static List<String> rollout(Environment<Object, Object> env, long seed, int steps) {
        SplitMix64 rng = SplitMix64.seeded(seed);
        List<String> out = new ArrayList<>();
        out.add(hash(env.reset(seed).observation()));
        for (int t = 0; t < steps; t++) {
            Step<Object> s = env.step(env.actionSpace().sample(rng));
            out.add(hash(s.observation()) + " " + Double.doubleToRawLongBits(s.reward()) + " " + s.terminated()
                    + " " + s.truncated() + " " + s.lives() + " " + s.episodeFrame());
            if (s.done()) {
                out.add("reset " + hash(env.reset().observation()));
            }
        }
        return out;
    }

    private static List<String> continuation(Environment<Object, Object> env, long actionSeed) {
        SplitMix64 rng = SplitMix64.seeded(actionSeed);
        List<String> out = new ArrayList<>();
        for (int t = 0; t < 300; t++) {
            Step<Object> s = env.step(env.actionSpace().sample(rng));
            out.add(hash(s.observation()) + " " + s.reward() + " " + s.done());
            if (s.done()) {
                break;
            }
        }
        return out;
    }

    private static String hash(Object observation) {
        return Integer.toHexString(java.util.Arrays.deepHashCode(new Object[] {observation}));
    }
}
