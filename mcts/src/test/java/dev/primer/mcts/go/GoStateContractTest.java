package dev.primer.mcts.go;

import dev.primer.mcts.SearchStateContractTest;

class GoStateContractTest extends SearchStateContractTest<GoState> {
    @Override
    protected GoState initial() {
        return new GoState(5, 0.5);
    }

    @Override
    protected int maxMoves() {
        return 3 * 5 * 5;
    }
}
