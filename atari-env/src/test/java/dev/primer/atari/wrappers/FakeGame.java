package dev.primer.atari.wrappers;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.EpisodeGuard;
import dev.primer.atari.core.Frame;
import dev.primer.atari.core.Info;
import dev.primer.atari.core.Reset;
import dev.primer.atari.core.Snapshot;
import dev.primer.atari.core.Step;
import dev.primer.atari.spaces.Box;
import dev.primer.atari.spaces.Discrete;
import dev.primer.atari.spaces.Space;
import dev.primer.random.SplitMix64;

/**
 * A transparent 2 x 2 RGB game for wrapper tests: reward {@code 2a - 3} for action a in 0..3; three lives, one lost
 * every {@link #LIFE_FRAMES} frames; game over with the last life. Even frames light pixel 0 with the frame
 * number, odd frames pixel 3 (a flicker for max-pooling). The start frame is random, so seeds matter.
 */
final class FakeGame implements Environment<byte[], Integer> {

    static final int LIFE_FRAMES = 10, LIVES = 3;

    private final SplitMix64 rng = SplitMix64.seeded(0);
    private final byte[] screen = new byte[12];
    private final Step<byte[]> step = new Step<>();
    private final EpisodeGuard guard = new EpisodeGuard("fake");
    private int offset;
    private long frame;

    @Override
    public Reset<byte[]> reset(long seed) {
        rng.reseed(seed);
        return reset();
    }

    @Override
    public Reset<byte[]> reset() {
        offset = rng.nextInt(100);
        frame = 0;
        guard.started();
        draw();
        return new Reset<>(screen, new Info(LIVES, 0));
    }

    int lives() {
        return LIVES - (int) (frame / LIFE_FRAMES);
    }

    @Override
    public Step<byte[]> step(Integer action) {
        guard.checkStep();
        guard.checkAction(action, 4);
        frame++;
        draw();
        boolean over = lives() == 0;
        guard.stepped(over);
        return step.set(screen, 2 * action - 3, over, false, lives(), frame);
    }

    private void draw() {
        java.util.Arrays.fill(screen, (byte) 0);
        int base = frame % 2 == 0 ? 0 : 9;
        byte v = (byte) (offset + frame);
        screen[base] = v;
        screen[base + 1] = v;
        screen[base + 2] = v;
    }

    @Override
    public Space<Integer> actionSpace() {
        return new Discrete(4);
    }

    @Override
    public Space<byte[]> observationSpace() {
        return Box.uint8(0, 255, 2, 2, 3);
    }

    @Override
    public Frame render() {
        return new Frame(2, 2, screen.clone());
    }

    @Override
    public Snapshot cloneState() {
        return new FakeSnapshot(offset, frame, rng.state(), guard.phase());
    }

    @Override
    public void restoreState(Snapshot snapshot) {
        FakeSnapshot s = (FakeSnapshot) snapshot;
        offset = s.offset();
        frame = s.frame();
        rng.setState(s.rng());
        guard.setPhase(s.phase());
        draw();
    }

    private record FakeSnapshot(int offset, long frame, long rng, EpisodeGuard.Phase phase) implements Snapshot {
    }
}
