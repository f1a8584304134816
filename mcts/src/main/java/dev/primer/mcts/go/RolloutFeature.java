package dev.primer.mcts.go;

/** The binary move features of the linear-softmax rollout policy besides its 3x3 pattern weights. */
public enum RolloutFeature {
    /** The move captures an adjacent chain. */
    CAPTURE,
    /** The move saves an adjacent own chain from atari. */
    ATARI_ESCAPE,
    /** The move leaves its own chain in atari without capturing. */
    SELF_ATARI,
    /** The move is one of the 8 points around the last move. */
    NEAR_LAST_MOVE,
    /** The move matches a MoGo 3x3 pattern. */
    MOGO_PATTERN
}
