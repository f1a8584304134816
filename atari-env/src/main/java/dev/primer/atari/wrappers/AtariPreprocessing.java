package dev.primer.atari.wrappers;

import dev.primer.atari.core.Environment;

/**
 * The Nature-DQN preprocessing chain (Mnih et al. 2015; Machado et al. 2018) assembled from the wrappers:
 * no-op starts, frame skip with max-pool of the last two frames, grayscale, 84 x 84 area resize, and a stack of
 * the last four frames. Sticky actions, if wanted, go on the raw game first so they act per frame, as in ALE.
 */
public final class AtariPreprocessing {

    private AtariPreprocessing() {
    }

    /** {@code game} (H x W x 3 uint8 frames) to 4 x 84 x 84 uint8 observations with DQN's settings. */
    public static Environment<byte[], Integer> wrap(Environment<byte[], Integer> game) {
        return wrap(game, NoopReset.DQN_NOOP_MAX, MaxAndSkip.DQN_SKIP, Resize.DQN_SIZE, FrameStack.DQN_DEPTH);
    }

    /** The chain with explicit settings. */
    public static Environment<byte[], Integer> wrap(Environment<byte[], Integer> game, int noopMax, int skip,
                                                    int size, int stack) {
        Environment<byte[], Integer> env = new NoopReset<>(game, noopMax);
        env = new MaxAndSkip<>(env, skip);
        env = new Grayscale<>(env);
        env = new Resize<>(env, size, size, Resize.Interpolation.AREA);
        return new FrameStack<>(env, stack);
    }
}
