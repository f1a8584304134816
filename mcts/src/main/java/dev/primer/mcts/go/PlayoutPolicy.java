package dev.primer.mcts.go;

/** Chooses and plays the moves of a Go playout; one instance per thread. */
public interface PlayoutPolicy {
    /** Plays one legal move for the side to move on {@code s.board()} (PASS when none is left) and returns its point. */
    int play(GoState s);
}
