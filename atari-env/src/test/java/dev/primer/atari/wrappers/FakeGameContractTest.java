package dev.primer.atari.wrappers;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.EnvironmentContractTest;

/** The wrapper-test fixture obeys the contract too, and so does the life-splitting chain on top of it. */
class FakeGameContractTest extends EnvironmentContractTest {

    @Override
    protected Environment<?, ?> create() {
        return new ClipReward<>(new EpisodicLife<>(new NoopReset<>(new FakeGame(), 5)));
    }
}
