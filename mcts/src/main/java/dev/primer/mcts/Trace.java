package dev.primer.mcts;

/** The moves of one simulation, tree part then rollout, as (action, player) pairs; moves beyond capacity are dropped. */
public final class Trace {
    private final int[] actions;
    private final int[] players;
    private int size;

    /** Creates an empty trace holding up to {@code capacity} moves. */
    public Trace(int capacity) {
        actions = new int[capacity];
        players = new int[capacity];
    }

    /** Appends a move unless the trace is full. */
    public void add(int action, int player) {
        if (size < actions.length) {
            actions[size] = action;
            players[size] = player;
            size++;
        }
    }

    /** Forgets every move. */
    public void clear() {
        size = 0;
    }

    /** Returns the number of moves held. */
    public int size() {
        return size;
    }

    /** Returns the action of move {@code i}. */
    public int action(int i) {
        return actions[i];
    }

    /** Returns the player of move {@code i}. */
    public int player(int i) {
        return players[i];
    }
}
