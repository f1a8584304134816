package dev.primer.atari.core;

/** An opaque, immutable capture of an environment's state, made by {@link Environment#cloneState()}. */
public interface Snapshot {
}
