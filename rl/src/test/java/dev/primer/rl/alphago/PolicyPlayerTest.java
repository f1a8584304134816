package dev.primer.rl.alphago;

import dev.primer.go.player.MoveGenerator;
import dev.primer.go.player.MoveGeneratorContractTest;
import org.junit.jupiter.api.Nested;

/** The raw policy player passes the move-generator contract with an untrained 5x5 tower (any scores, legal moves). */
class PolicyPlayerTest extends MoveGeneratorContractTest {
    @Override
    protected MoveGenerator create() {
        return new PolicyPlayer(SlPolicy.network(new SlPolicy.Config(8, 1, 8, 1e-3, 0, 1, 1, 1, 0, 5), 5), true);
    }

    /** The same contract for the player of one view of each position. */
    @Nested
    class OneView extends MoveGeneratorContractTest {
        @Override
        protected MoveGenerator create() {
            return new PolicyPlayer(SlPolicy.network(new SlPolicy.Config(8, 1, 8, 1e-3, 0, 1, 1, 1, 0, 5), 5), false);
        }
    }
}
