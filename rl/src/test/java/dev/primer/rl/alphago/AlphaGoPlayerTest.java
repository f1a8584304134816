package dev.primer.rl.alphago;

import dev.primer.go.player.MoveGenerator;
import dev.primer.go.player.MoveGeneratorContractTest;
import dev.primer.mcts.go.RolloutWeights;

/** The AlphaGo player, untrained 5x5 networks behind the batching queue and two search threads, keeps the move-generator contract. */
class AlphaGoPlayerTest extends MoveGeneratorContractTest {
    @Override
    protected MoveGenerator create() {
        AlphaGoPlayer.Setup setup = new AlphaGoPlayer.Setup(
                SlPolicy.network(new SlPolicy.Config(8, 1, 8, 1e-3, 0, 1, 1, 1, 0, 5), 5),
                ValueNet.network(new ValueNet.Shape(8, 1, 8, 1e-3, 0, 6), 5), RolloutWeights.defaults(),
                AlphaGoPlayer.LAMBDA);
        return AlphaGoPlayer.create(setup, AlphaGoPlayer.config(setup, 16, 2, 1), 5);
    }
}
