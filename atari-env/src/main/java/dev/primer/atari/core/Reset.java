package dev.primer.atari.core;

/**
 * The result of {@link Environment#reset}: the first observation of an episode and its info.
 *
 * @param observation the environment-owned observation buffer (see {@link Environment})
 * @param info        lives and frame number at the start of the episode
 */
public record Reset<O>(O observation, Info info) {
}
