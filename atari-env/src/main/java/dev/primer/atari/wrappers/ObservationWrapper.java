package dev.primer.atari.wrappers;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Reset;
import dev.primer.atari.core.Snapshot;
import dev.primer.atari.core.Step;
import dev.primer.atari.core.Wrapper;
import dev.primer.atari.spaces.Box;
import dev.primer.atari.spaces.Space;

/** A stateless pixel transform: every inner observation is mapped into a buffer this wrapper owns. */
abstract class ObservationWrapper<A> extends Wrapper<byte[], A> {

    protected final Box<byte[]> innerSpace;
    private final Box<byte[]> space;
    private final byte[] buffer;
    private final Step<byte[]> out = new Step<>();
    private byte[] innerObservation;

    protected ObservationWrapper(Environment<byte[], A> env, String name, int... outputShape) {
        super(env);
        this.innerSpace = Wrappers.uint8(env.observationSpace(), name);
        this.space = Box.uint8(0, 255, outputShape);
        this.buffer = new byte[space.size()];
    }

    /** Writes the transform of {@code in} into {@code out}. */
    protected abstract void transform(byte[] in, byte[] out);

    @Override
    public final Reset<byte[]> reset(long seed) {
        return mapped(env.reset(seed));
    }

    @Override
    public final Reset<byte[]> reset() {
        return mapped(env.reset());
    }

    private Reset<byte[]> mapped(Reset<byte[]> r) {
        innerObservation = r.observation();
        transform(innerObservation, buffer);
        return new Reset<>(buffer, r.info());
    }

    @Override
    public final Step<byte[]> step(A action) {
        Step<byte[]> s = env.step(action);
        innerObservation = s.observation();
        transform(innerObservation, buffer);
        return out.copyOf(s, buffer);
    }

    @Override
    public final Space<byte[]> observationSpace() {
        return space;
    }

    @Override
    public final void restoreState(Snapshot snapshot) {
        env.restoreState(snapshot);
        if (innerObservation != null) {
            transform(innerObservation, buffer);
        }
    }
}
