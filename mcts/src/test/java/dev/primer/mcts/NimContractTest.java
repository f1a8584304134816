package dev.primer.mcts;

class NimContractTest extends SearchStateContractTest<Nim> {
    @Override
    protected Nim initial() {
        return new Nim(20);
    }
}
