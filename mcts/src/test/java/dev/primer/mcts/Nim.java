package dev.primer.mcts;

import java.util.SplittableRandom;

/** Subtraction Nim: take 1 or 2 stones, who takes the last stone wins; the player to move loses exactly when stones % 3 == 0. */
final class Nim implements SearchState<Nim> {
    private int stones;
    private int toMove;

    Nim(int stones) {
        this.stones = stones;
    }

    @Override
    public int actionSpace() {
        return 2;
    }

    @Override
    public int toMove() {
        return toMove;
    }

    @Override
    public int legalActions(int[] out) {
        int n = Math.min(2, stones);
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return n;
    }

    @Override
    public void apply(int action) {
        stones -= action + 1;
        toMove ^= 1;
    }

    @Override
    public boolean isTerminal() {
        return stones == 0;
    }

    @Override
    public float terminalValue() {
        return toMove == 1 ? 1 : 0;
    }

    @Override
    public void copyFrom(Nim other) {
        stones = other.stones;
        toMove = other.toMove;
    }

    @Override
    public Nim copy() {
        Nim n = new Nim(stones);
        n.toMove = toMove;
        return n;
    }

    /** Uniformly random play to the end. */
    static Rollout.Factory<Nim> randomRollouts() {
        return seed -> {
            SplittableRandom rng = new SplittableRandom(seed);
            return (state, trace) -> {
                int[] actions = new int[2];
                while (!state.isTerminal()) {
                    int a = actions[rng.nextInt(state.legalActions(actions))];
                    trace.add(a, state.toMove());
                    state.apply(a);
                }
                return state.terminalValue();
            };
        };
    }
}
