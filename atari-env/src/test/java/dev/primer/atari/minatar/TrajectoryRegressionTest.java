package dev.primer.atari.minatar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.atari.Envs;
import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Snapshot;
import dev.primer.atari.core.Step;
import dev.primer.atari.spaces.Discrete;
import dev.primer.random.SplitMix64;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins every MinAtar game's trajectories: observations, rewards and done flags of long random-action runs (resets
 * included) are hashed and compared with values recorded from the original, unoptimised ports. A speed-up that
 * changes any step of any game fails here.
 */
class TrajectoryRegressionTest {

    private static final int STEPS = 30_000;
    private static final long[] SEEDS = {1, 7, 42, 20_240_601};
    private static final int SURVIVOR_STEPS = 20_000, SURVIVOR_TRIES = 8;

    /** Hashes recorded before the step-path optimisations: per game, the registry runs, the
     * bare-game run, then the survivor run. */
    private static final Map<String, long[]> RECORDED = Map.of(
            "breakout", new long[] {
                    0xA7EFDCDB57F8D81DL, 0x60B4C512FA3B8A94L, 0x64C1F8199087E4DDL,
                    0x4187222B30D916CFL, 0x7D9C9FF95C2023ECL, 0xB09C91638258447DL},
            "space_invaders", new long[] {
                    0x7D450B4CD033C6BDL, 0x69C307F930A0DE87L, 0x73D16E897B678914L,
                    0x389C974C39CA7BD7L, 0x8800F954D48A9030L, 0xDD49DA69DA7FD16CL},
            "freeway", new long[] {
                    0xEE3010537436878AL, 0x78EB8051BF11C3DAL, 0x9A95AE89E5817C4AL,
                    0xC64801367A5EA3AEL, 0x1C964CAACF05AC1EL, 0xE2A732C5D110F7EFL},
            "asterix", new long[] {
                    0xF5F20E8838D4C375L, 0xBB7D525051E899F5L, 0x03453546C137C9EDL,
                    0x49CA00AD61939233L, 0x7B2099359DF211A0L, 0x0927D875AFB4A9B9L},
            "seaquest", new long[] {
                    0x0CA1E7185D97F618L, 0x0F4F5B6E35B9C712L, 0xFFF344C3FE71469AL,
                    0xEEA2325A604C9767L, 0x4C9875A6045717E0L, 0x3037CE2F2253CF30L});

    @ParameterizedTest
    @ValueSource(strings = {"breakout", "space_invaders", "freeway", "asterix", "seaquest"})
    void trajectoriesAreUnchanged(String game) {
        long[] actual = new long[SEEDS.length + 2];
        for (int i = 0; i < SEEDS.length; i++) {
            actual[i] = trajectoryHash(() -> Envs.make(game), SEEDS[i]);   // sticky 0.1, ramping, 6 actions
        }
        MinAtarOptions bare = new MinAtarOptions(false, true);
        actual[SEEDS.length] = trajectoryHash(() -> bareGame(game, bare), 99);   // no sticky, no ramp, minimal
        actual[SEEDS.length + 1] = survivorHash(Envs.make(game), 5);
        assertEquals(java.util.Arrays.toString(RECORDED.get(game)), java.util.Arrays.toString(actual),
                game + ": trajectories changed");
    }

    @SuppressWarnings("unchecked")
    private static Environment<?, Integer> bareGame(String game, MinAtarOptions options) {
        return switch (game) {
            case "breakout" -> new Breakout(options);
            case "space_invaders" -> new SpaceInvaders(options);
            case "freeway" -> new Freeway(options);
            case "asterix" -> new Asterix(options);
            case "seaquest" -> new Seaquest(options);
            default -> throw new IllegalArgumentException(game);
        };
    }

    /** FNV-1a over every step's observation bits, reward and flags, for random actions drawn from {@code seed}. */
    private static long trajectoryHash(Supplier<Environment<?, Integer>> make, long seed) {
        @SuppressWarnings("unchecked")
        Environment<boolean[], Integer> env = (Environment<boolean[], Integer>) make.get();
        SplitMix64 actions = SplitMix64.seeded(seed * 31 + 17);
        int n = ((Discrete) env.actionSpace()).n();
        long h = hash(0xCBF29CE484222325L, env.reset(seed).observation());
        for (int t = 0; t < STEPS; t++) {
            Step<boolean[]> s = env.step(actions.nextInt(n));
            h = hash(h, s.observation());
            h = mix(h, Double.doubleToLongBits(s.reward()));
            h = mix(h, (s.terminated() ? 1 : 0) | (s.truncated() ? 2 : 0));
            if (s.done()) {
                h = hash(h, env.reset().observation());
            }
        }
        return h;
    }

    /**
     * A policy that looks one step ahead with {@code cloneState()} / {@code restoreState()} and retries actions that
     * end the episode, so episodes run long enough to ramp the difficulty and fill the board; every tried step and
     * every restored observation is hashed.
     */
    @SuppressWarnings("unchecked")
    private static long survivorHash(Environment<?, Integer> raw, long seed) {
        Environment<boolean[], Integer> env = (Environment<boolean[], Integer>) raw;
        SplitMix64 actions = SplitMix64.seeded(seed);
        int n = ((Discrete) env.actionSpace()).n();
        boolean[] buffer = env.reset(seed).observation();   // environment-owned, rewritten in place
        long h = hash(0xCBF29CE484222325L, buffer);
        for (int t = 0; t < SURVIVOR_STEPS; t++) {
            Snapshot before = env.cloneState();
            Step<boolean[]> s = null;
            for (int attempt = 0; attempt < SURVIVOR_TRIES; attempt++) {
                if (attempt > 0) {
                    env.restoreState(before);
                    h = hash(h, buffer);
                }
                s = env.step(actions.nextInt(n));
                h = hash(h, s.observation());
                h = mix(h, Double.doubleToLongBits(s.reward()));
                if (!s.done()) {
                    break;
                }
            }
            if (s.done()) {
                h = hash(h, env.reset().observation());
            }
        }
        return h;
    }

    private static long hash(long h, boolean[] obs) {
        for (boolean b : obs) {
            h = mix(h, b ? 1 : 0);
        }
        return h;
    }

    private static long mix(long h, long v) {
        return (h ^ v) * 0x100000001B3L;
    }
}
