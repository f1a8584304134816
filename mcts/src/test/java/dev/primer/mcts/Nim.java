package dev.primer.mcts;

import java.util.SplittableRandom;

/** Subtraction Nim: take 1 or 2 stones, who takes the last stone wins; the player to move loses exactly when stones % 3 == 0. */
final class Nim implements SearchState<Nim> {
    private int stones;
    private int toMove;
    private long path = 1;

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
        path = path * 2 + action;
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
        path = other.path;
    }

    @Override
    public Nim copy() {
        Nim n = new Nim(stones);
        n.toMove = toMove;
        n.path = path;
        return n;
    }

    /** Returns the stones left. */
    int stones() {
        return stones;
    }

    /** Returns the moves since the first position as a number (a leading 1, then one bit per move), to tell transpositions apart. */
    long path() {
        return path;
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
