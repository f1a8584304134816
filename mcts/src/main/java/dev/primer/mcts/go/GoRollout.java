package dev.primer.mcts.go;

import dev.primer.go.board.Coords;
import dev.primer.mcts.Rollout;
import dev.primer.mcts.Trace;

/** Plays a Go position to two passes (or the move cap) with a {@link PlayoutPolicy}; passes are left out of the AMAF trace. */
public final class GoRollout implements Rollout<GoState> {
    private final PlayoutPolicy policy;

    /** Creates a rollout that moves by {@code policy}. */
    public GoRollout(PlayoutPolicy policy) {
        this.policy = policy;
    }

    @Override
    public float run(GoState s, Trace trace) {
        while (!s.isTerminal()) {
            int player = s.toMove();
            int p = policy.play(s);
            s.recordPlayed(p);
            if (p != Coords.PASS) {
                trace.add(s.action(p), player);
            }
        }
        return s.terminalValue();
    }
}
