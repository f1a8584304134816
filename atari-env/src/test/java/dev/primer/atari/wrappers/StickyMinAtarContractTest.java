package dev.primer.atari.wrappers;

import dev.primer.atari.Envs;
import dev.primer.atari.core.Environment;
import dev.primer.atari.core.EnvironmentContractTest;

/** Every registry environment passes the contract with its wrappers on; Seaquest stands in for the MinAtar five. */
class StickyMinAtarContractTest extends EnvironmentContractTest {

    @Override
    protected Environment<?, ?> create() {
        return new EpisodeStatistics<>(Envs.make("seaquest"));
    }
}
