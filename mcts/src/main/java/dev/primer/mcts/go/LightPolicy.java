package dev.primer.mcts.go;

import dev.primer.random.SplitMix64;


/** Light playouts: a uniformly random legal move that does not fill a one-point own eye. */
public final class LightPolicy implements PlayoutPolicy {
    private final SplitMix64 rng;

    /** Creates a policy whose choices are fixed by {@code seed}. */
    public LightPolicy(long seed) {
        rng = new SplitMix64(seed);
    }

    @Override
    public int play(GoState s) {
        return s.board().playRandomMove(s.code(), rng);
    }
}
