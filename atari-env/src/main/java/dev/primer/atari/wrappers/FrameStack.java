package dev.primer.atari.wrappers;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Reset;
import dev.primer.atari.core.Snapshot;
import dev.primer.atari.core.Step;
import dev.primer.atari.core.Wrapper;
import dev.primer.atari.spaces.Box;
import dev.primer.atari.spaces.Space;

/**
 * Stacks the last {@code k} observations, oldest first, into a k x (inner shape) array; a reset fills the stack
 * with the first observation (Gymnasium's FrameStackObservation with {@code padding_type="reset"}).
 */
public final class FrameStack<A> extends Wrapper<byte[], A> {

    /** DQN's stack depth. */
    public static final int DQN_DEPTH = 4;

    private final int depth;
    private final int frameSize;
    private final Box<byte[]> space;
    private final byte[] stack;
    private final Step<byte[]> out = new Step<>();

    /** Stacks {@code depth} >= 1 frames. */
    public FrameStack(Environment<byte[], A> env, int depth) {
        super(env);
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        Box<byte[]> inner = Wrappers.uint8(env.observationSpace(), "FrameStack");
        int[] innerShape = inner.shape();
        int[] shape = new int[innerShape.length + 1];
        shape[0] = depth;
        System.arraycopy(innerShape, 0, shape, 1, innerShape.length);
        this.depth = depth;
        this.frameSize = inner.size();
        this.space = Box.uint8(0, 255, shape);
        this.stack = new byte[depth * frameSize];
    }

    @Override
    public Reset<byte[]> reset(long seed) {
        return filled(env.reset(seed));
    }

    @Override
    public Reset<byte[]> reset() {
        return filled(env.reset());
    }

    private Reset<byte[]> filled(Reset<byte[]> r) {
        for (int i = 0; i < depth; i++) {
            System.arraycopy(r.observation(), 0, stack, i * frameSize, frameSize);
        }
        return new Reset<>(stack, r.info());
    }

    @Override
    public Step<byte[]> step(A action) {
        Step<byte[]> s = env.step(action);
        System.arraycopy(stack, frameSize, stack, 0, (depth - 1) * frameSize);
        System.arraycopy(s.observation(), 0, stack, (depth - 1) * frameSize, frameSize);
        return out.copyOf(s, stack);
    }

    @Override
    public Space<byte[]> observationSpace() {
        return space;
    }

    @Override
    public Snapshot cloneState() {
        return new StackSnapshot(env.cloneState(), stack.clone(), this);
    }

    @Override
    public void restoreState(Snapshot snapshot) {
        StackSnapshot s = Snapshots.own(snapshot, StackSnapshot.class, this);
        env.restoreState(s.inner());
        System.arraycopy(s.stack(), 0, stack, 0, stack.length);
    }

    private record StackSnapshot(Snapshot inner, byte[] stack, Object owner) implements Snapshots.Owned {
    }
}
