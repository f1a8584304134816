package dev.primer.atari.core;

import dev.primer.atari.spaces.Discrete;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.list.MutableList;

/**
 * Checks an environment against the {@link Environment} contract, like Gymnasium's {@code check_env}: spaces
 * contain what reset, step and sample produce; misuse throws; same seed and actions give the same trajectory;
 * {@code cloneState}/{@code restoreState} replays exactly; rendering gives a well-formed frame.
 */
public final class EnvChecker {

    private EnvChecker() {
    }

    /** Every violation found by running environments from {@code factory} for up to {@code steps} steps. */
    public static ImmutableList<String> check(Supplier<? extends Environment<?, ?>> factory, long seed, int steps) {
        MutableList<String> problems = Lists.mutable.empty();
        run(problems, "misuse", () -> checkMisuse(problems, env(factory), seed));
        run(problems, "rollout", () -> checkRollout(problems, env(factory), seed, steps));
        run(problems, "determinism", () -> checkDeterminism(problems, factory, seed, steps));
        run(problems, "clone/restore", () -> checkCloneRestore(problems, env(factory), seed, steps));
        run(problems, "render", () -> checkRender(problems, env(factory), seed));
        return problems.toImmutable();
    }

    /** Throws {@link IllegalStateException} listing every violation, if any. */
    public static void checkOrThrow(Supplier<? extends Environment<?, ?>> factory, long seed, int steps) {
        ImmutableList<String> problems = check(factory, seed, steps);
        if (problems.notEmpty()) {
            throw new IllegalStateException("environment violates the contract:\n  " + problems.makeString("\n  "));
        }
    }

    @SuppressWarnings("unchecked")
    private static Environment<Object, Object> env(Supplier<? extends Environment<?, ?>> factory) {
        return (Environment<Object, Object>) factory.get();
    }

    private static void run(MutableList<String> problems, String check, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException | AssertionError e) {
            problems.add(check + ": unexpected " + e);
        }
    }

    private static void checkMisuse(MutableList<String> problems, Environment<Object, Object> env, long seed) {
        Object action = env.actionSpace().sample(SplitMix64.seeded(seed));
        expectThrow(problems, IllegalStateException.class, "step before reset", () -> env.step(action));
        env.reset(seed);
        Object space = env.actionSpace();
        if (space instanceof Discrete d) {
            expectThrow(problems, IllegalArgumentException.class, "action " + d.n() + " outside " + d,
                    () -> env.step(d.n()));
            expectThrow(problems, IllegalArgumentException.class, "action -1 outside " + d, () -> env.step(-1));
            expectThrow(problems, IllegalArgumentException.class, "null action", () -> env.step(null));
        }
    }

    private static void checkRollout(MutableList<String> problems, Environment<Object, Object> env, long seed,
                                     int steps) {
        SplitMix64 rng = SplitMix64.seeded(seed);
        Reset<Object> r = env.reset(seed);
        if (r == null || r.info() == null) {
            problems.add("reset returned null or a null info");
            return;
        }
        if (!env.observationSpace().contains(r.observation())) {
            problems.add("reset observation is not in " + env.observationSpace());
        }
        if (r.info().episodeFrame() < 0) {
            problems.add("reset info reports a negative episode frame " + r.info().episodeFrame());
        }
        for (int i = 0; i < 16; i++) {
            if (!env.actionSpace().contains(env.actionSpace().sample(rng))) {
                problems.add("actionSpace().sample() gave an action outside the space");
            }
        }
        long lastFrame = 0;
        boolean ended = false;
        for (int t = 0; t < steps && !ended; t++) {
            Step<Object> s = env.step(env.actionSpace().sample(rng));
            if (s.observation() != r.observation()) {
                problems.add("step " + t + " returned a different observation buffer than reset (ownership contract)");
                return;
            }
            if (!env.observationSpace().contains(s.observation())) {
                problems.add("step " + t + " observation is not in " + env.observationSpace());
                return;
            }
            if (!Double.isFinite(s.reward())) {
                problems.add("step " + t + " reward is not finite: " + s.reward());
            }
            if (s.episodeFrame() <= lastFrame) {
                problems.add("step " + t + " episode frame did not increase: " + s.episodeFrame());
            }
            lastFrame = s.episodeFrame();
            ended = s.done();
        }
        if (ended) {
            Object action = env.actionSpace().sample(rng);
            expectThrow(problems, IllegalStateException.class, "step after the episode ended", () -> env.step(action));
            Reset<Object> again = env.reset();
            if (!env.observationSpace().contains(again.observation())) {
                problems.add("observation after a second reset is not in the space");
            }
        }
    }

    private static void checkDeterminism(MutableList<String> problems,
                                         Supplier<? extends Environment<?, ?>> factory, long seed, int steps) {
        List<Object> a = trajectory(env(factory), seed, steps);
        List<Object> b = trajectory(env(factory), seed, steps);
        if (!a.equals(b)) {
            problems.add("two environments with seed " + seed + " and the same actions diverged");
        }
        Environment<Object, Object> reused = env(factory);
        trajectory(reused, seed + 1, steps);
        if (!trajectory(reused, seed, steps).equals(a)) {
            problems.add("reset(seed) on a used environment does not reproduce a fresh one's trajectory");
        }
    }

    /** Observations (as lists), rewards and flags over episodes that restart until {@code steps} steps. */
    private static List<Object> trajectory(Environment<Object, Object> env, long seed, int steps) {
        SplitMix64 rng = SplitMix64.seeded(seed);
        List<Object> out = new ArrayList<>();
        out.add(new ObservationKey(env.reset(seed).observation()));
        for (int t = 0; t < steps; t++) {
            Step<Object> s = env.step(env.actionSpace().sample(rng));
            out.add(new ObservationKey(s.observation()));
            out.add(List.of(s.reward(), s.terminated(), s.truncated(), s.lives(), s.episodeFrame()));
            if (s.done()) {
                out.add(new ObservationKey(env.reset().observation()));
            }
        }
        return out;
    }

    private static void checkCloneRestore(MutableList<String> problems, Environment<Object, Object> env, long seed,
                                          int steps) {
        SplitMix64 rng = SplitMix64.seeded(seed);
        env.reset(seed);
        int prefix = Math.min(steps / 2, 20);
        for (int t = 0; t < prefix; t++) {
            if (env.step(env.actionSpace().sample(rng)).done()) {
                env.reset();
            }
        }
        Snapshot snapshot = env.cloneState();
        long actionSeed = rng.nextLong();
        List<Object> first = continuation(env, actionSeed, steps);
        env.restoreState(snapshot);
        List<Object> second = continuation(env, actionSeed, steps);
        if (!first.equals(second)) {
            problems.add("restoreState(cloneState()) does not replay the same trajectory");
        }
    }

    private static List<Object> continuation(Environment<Object, Object> env, long actionSeed, int steps) {
        SplitMix64 rng = SplitMix64.seeded(actionSeed);
        List<Object> out = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            Step<Object> s = env.step(env.actionSpace().sample(rng));
            out.add(new ObservationKey(s.observation()));
            out.add(List.of(s.reward(), s.terminated(), s.truncated(), s.episodeFrame()));
            if (s.done()) {
                break;
            }
        }
        return out;
    }

    private static void checkRender(MutableList<String> problems, Environment<Object, Object> env, long seed) {
        env.reset(seed);
        Frame f = env.render();
        if (f == null || f.rgb().length != f.height() * f.width() * 3) {
            problems.add("render() returned a malformed frame");
        }
    }

    private static void expectThrow(MutableList<String> problems, Class<? extends RuntimeException> type,
                                    String what, Runnable call) {
        try {
            call.run();
            problems.add(what + ": expected " + type.getSimpleName() + " but nothing was thrown");
        } catch (RuntimeException e) {
            if (!type.isInstance(e)) {
                problems.add(what + ": expected " + type.getSimpleName() + " but got " + e);
            } else if (e.getMessage() == null || e.getMessage().isBlank()) {
                problems.add(what + ": " + type.getSimpleName() + " has no message saying what to do");
            }
        }
    }

    /** A value-comparable copy of an observation. */
    private record ObservationKey(Object copy) {
        ObservationKey {
            copy = Observations.copy(copy);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ObservationKey k && Objects.deepEquals(copy, k.copy);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.deepHashCode(new Object[] {copy});
        }
    }
}
