package dev.primer.atari.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Step;
import dev.primer.atari.spaces.Box;
import org.junit.jupiter.api.Test;

class WrappersTest {

    @Test
    void fakeGameBehavesAsDocumented() {
        FakeGame game = new FakeGame();
        game.reset(1);
        Step<byte[]> s = null;
        for (int t = 0; t < 30; t++) {
            s = game.step(3);
            assertEquals(3.0, s.reward());
        }
        assertTrue(s.terminated());
        assertEquals(0, s.lives());
    }

    @Test
    void aRefusedStickyStepLeavesTheFollowingTrajectoryUnchanged() {
        StickyActions<byte[]> refused = new StickyActions<>(new FakeGame(), 0.5);
        StickyActions<byte[]> clean = new StickyActions<>(new FakeGame(), 0.5);
        refused.reset(7);
        clean.reset(7);
        boolean done = false;
        for (int t = 0; !done; t++) {
            assertTrue(t < 10_000, "the fake game ends");
            double expected = clean.step(t % 4).reward();
            Step<byte[]> s = refused.step(t % 4);
            assertEquals(expected, s.reward());
            done = s.done();
        }
        assertThrows(IllegalStateException.class, () -> refused.step(1), "the episode has ended");
        refused.reset();
        clean.reset();
        for (int t = 0; t < 25; t++) {
            assertEquals(clean.step(t % 4).reward(), refused.step(t % 4).reward(), "step " + t + " after reset");
        }
    }

    @Test
    void aStickyStepRefusedBeforeResetLeavesTheRandomStreamUntouched() {
        StickyActions<byte[]> refused = new StickyActions<>(new FakeGame(), 0.5);
        StickyActions<byte[]> clean = new StickyActions<>(new FakeGame(), 0.5);
        assertThrows(IllegalStateException.class, () -> refused.step(2), "no reset yet");
        assertThrows(IllegalArgumentException.class, () -> refused.step(4), "outside Discrete(4)");
        refused.reset();   // unseeded: continues the stream the refused steps must not have touched
        clean.reset();
        for (int t = 0; t < 25; t++) {
            assertEquals(clean.step(t % 4).reward(), refused.step(t % 4).reward(), "step " + t);
        }
    }

    @Test
    void stickyActionsRepeatThePreviousActionWithProbabilityP() {
        double p = 0.25;
        StickyActions<byte[]> env = new StickyActions<>(new FakeGame(), p);
        env.reset(3);
        int changes = 0, repeats = 0;
        int previous = StickyActions.NOOP;
        for (int t = 0; t < 40_000; t++) {
            int wanted = previous == 0 ? 3 : 0;   // always ask for a different action than the last one executed
            Step<byte[]> s = env.step(wanted);
            int executed = (int) (s.reward() + 3) / 2;
            if (executed == previous) {
                repeats++;
            } else {
                changes++;
            }
            previous = executed;
            if (s.done()) {
                env.reset();
                previous = StickyActions.NOOP;
            }
        }
        double rate = repeats / (double) (repeats + changes);
        assertEquals(p, rate, 4 * Math.sqrt(p * (1 - p) / 40_000.0));
    }

    @Test
    void stickyActionsRejectActionsOutsideTheSpace() {
        StickyActions<byte[]> env = new StickyActions<>(new FakeGame(), 1.0);
        env.reset(1);
        assertThrows(IllegalArgumentException.class, () -> env.step(4));
    }

    @Test
    void timeLimitTruncatesButDoesNotMaskTermination() {
        Environment<byte[], Integer> env = TimeLimit.steps(new FakeGame(), 5);
        env.reset(1);
        for (int t = 1; t < 5; t++) {
            assertFalse(env.step(0).done());
        }
        Step<byte[]> s = env.step(0);
        assertTrue(s.truncated());
        assertFalse(s.terminated());
        assertThrows(IllegalStateException.class, () -> env.step(0));
        Environment<byte[], Integer> exact = TimeLimit.steps(new FakeGame(), 30);
        exact.reset(1);
        for (int t = 1; t < 30; t++) {
            exact.step(0);
        }
        Step<byte[]> last = exact.step(0);
        assertTrue(last.terminated(), "termination is never masked");
        assertTrue(last.truncated(), "Gymnasium 1.x: the step reaching the limit is truncated, terminal or not");
    }

    @Test
    void timeLimitInFramesCountsInnerFrames() {
        Environment<byte[], Integer> env = TimeLimit.frames(new MaxAndSkip<>(new FakeGame(), 4), 8);
        env.reset(1);
        assertFalse(env.step(0).done());
        assertTrue(env.step(0).truncated());
    }

    @Test
    void clipRewardClipsToPlusMinusOne() {
        Environment<byte[], Integer> env = new ClipReward<>(new FakeGame());
        env.reset(1);
        assertEquals(-1.0, env.step(0).reward());
        assertEquals(-1.0, env.step(1).reward());
        assertEquals(1.0, env.step(2).reward());
        assertEquals(1.0, env.step(3).reward());
    }

    @Test
    void episodicLifeEndsEpisodesAtEachLifeAndResumesTheGame() {
        EpisodicLife<byte[]> env = new EpisodicLife<>(new FakeGame());
        env.reset(1);
        int[] lengths = new int[3];
        for (int life = 0; life < 3; life++) {
            if (life > 0) {
                env.reset();
            }
            Step<byte[]> s;
            do {
                s = env.step(0);
                lengths[life]++;
            } while (!s.done());
            assertTrue(s.terminated());
            assertEquals(life == 2, env.gameOver());
        }
        // the continuing reset spends one NOOP frame of the next life
        assertArrayEquals(new int[] {10, 9, 9}, lengths);
        assertEquals(0, env.reset().info().episodeFrame(), "a reset after game over restarts the game");
    }

    @Test
    void episodeStatisticsRecordsReturnsAndLengths() {
        EpisodeStatistics<byte[], Integer> env = new EpisodeStatistics<>(new FakeGame());
        env.reset(1);
        for (int e = 0; e < 2; e++) {
            Step<byte[]> s;
            do {
                s = env.step(e == 0 ? 3 : 1);
            } while (!s.done());
            env.reset();
        }
        assertEquals(2, env.episodes());
        assertEquals(90.0, env.returns().get(0));
        assertEquals(-30.0, env.returns().get(1));
        assertEquals(30, env.lengths().get(1));
    }

    @Test
    void noopResetPlaysOneToNoopMaxFrames() {
        NoopReset<byte[]> env = new NoopReset<>(new FakeGame(), 7);
        env.reset(1);
        int[] seen = new int[8];
        for (int i = 0; i < 700; i++) {
            seen[(int) env.reset().info().episodeFrame()]++;
        }
        assertEquals(0, seen[0]);
        for (int k = 1; k <= 7; k++) {
            assertTrue(seen[k] > 60, "count of " + k + " no-ops: " + seen[k]);
        }
    }

    @Test
    void maxAndSkipSumsRewardsAndPoolsTheLastTwoFrames() {
        MaxAndSkip<Integer> env = new MaxAndSkip<>(new FakeGame(), 4);
        byte[] start = env.reset(1).observation().clone();
        Step<byte[]> s = env.step(3);
        assertEquals(12.0, s.reward());
        assertEquals(4, s.episodeFrame());
        int offset = start[0] & 0xFF;
        byte[] obs = s.observation();
        // frame 3 lit pixel 3 with offset+3, frame 4 lit pixel 0 with offset+4: both survive the max
        assertEquals((offset + 4) & 0xFF, obs[0] & 0xFF);
        assertEquals((offset + 3) & 0xFF, obs[9] & 0xFF);
    }

    @Test
    void grayscaleUsesBt601Weights() {
        assertEquals(76, Grayscale.luma(255, 0, 0));
        assertEquals(150, Grayscale.luma(0, 255, 0));
        assertEquals(29, Grayscale.luma(0, 0, 255));
        assertEquals(255, Grayscale.luma(255, 255, 255));
        Environment<byte[], Integer> env = new Grayscale<>(new FakeGame());
        assertArrayEquals(new int[] {2, 2}, ((Box<byte[]>) env.observationSpace()).shape());
        byte[] gray = env.reset(1).observation();
        assertEquals(4, gray.length);
    }

    @Test
    void areaResizeAveragesAndBilinearKeepsSizeUnchanged() {
        Resize.Taps area = Resize.Taps.area(4, 2);
        assertArrayEquals(new int[] {0, 2, 4}, area.start());
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, area.weight(), 1e-12);
        Resize.Taps fractional = Resize.Taps.area(5, 2);
        assertArrayEquals(new double[] {0.4, 0.4, 0.2, 0.2, 0.4, 0.4}, fractional.weight(), 1e-12);
        Resize.Taps identity = Resize.Taps.bilinear(3, 3);
        for (int o = 0; o < 3; o++) {
            assertEquals(o, identity.index()[2 * o]);
            assertEquals(1.0, identity.weight()[2 * o], 1e-12);
        }
        Environment<byte[], Integer> env = new Resize<>(new Grayscale<>(new FakeGame()), 1, 1,
                Resize.Interpolation.AREA);
        byte[] one = env.reset(1).observation();
        assertEquals(1, one.length);
    }

    @Test
    void wrapperSnapshotsRestoreWrapperState() {
        Environment<byte[], Integer> env = new FrameStack<>(new StickyActions<>(new FakeGame(), 0.5), 3);
        env.reset(9);
        env.step(1);
        var snapshot = env.cloneState();
        byte[] a = env.step(2).observation().clone();
        double ra = env.step(3).reward();
        env.restoreState(snapshot);
        assertArrayEquals(a, env.step(2).observation());
        assertEquals(ra, env.step(3).reward());
        assertThrows(IllegalArgumentException.class, () -> env.restoreState(new FakeGame().cloneState()));
    }
}
