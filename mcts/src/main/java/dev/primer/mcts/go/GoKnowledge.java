package dev.primer.mcts.go;

import dev.primer.go.board.Board;
import dev.primer.go.board.Coords;
import dev.primer.mcts.Evaluator;
import java.util.List;

/**
 * Tree priors from Go knowledge, no value: the linear-softmax policy's weight exp(w · φ(m)) for each point, damped
 * on the first two lines when no stone is within Manhattan distance 2 (Pachi's opening prior), and a small weight for
 * pass. Safe for several threads (one policy per thread).
 */
public final class GoKnowledge implements Evaluator<GoState> {
    private static final float PASS_WEIGHT = 0.05f;
    /** Prior factors of empty-area moves on the first and second line. */
    private static final double FIRST_LINE = Math.exp(-2);
    private static final double SECOND_LINE = Math.exp(-1);
    private static final int EMPTY_RADIUS = 2;

    private final Coords coords;
    private final ThreadLocal<LinearSoftmaxPolicy> policies;

    /** Creates priors for boards of {@code coords} from {@code weights}. */
    public GoKnowledge(Coords coords, RolloutWeights weights) {
        this.coords = coords;
        this.policies = ThreadLocal.withInitial(() -> new LinearSoftmaxPolicy(coords, weights, 0));
    }

    @Override
    public Output output() {
        return Output.PRIORS;
    }

    @Override
    public void evaluate(List<GoState> states, float[][] priors, float[] values) {
        LinearSoftmaxPolicy policy = policies.get();
        for (int i = 0; i < states.size(); i++) {
            GoState s = states.get(i);
            if (s.coords() != coords) {
                throw new IllegalArgumentException("board size differs from the knowledge's");
            }
            Board b = s.board();
            int code = s.code();
            for (int p : coords.points()) {
                priors[i][coords.index(p)] = b.isEmpty(p)
                        ? (float) (Math.exp(policy.logit(b, code, s.lastMove(), p)) * lineFactor(b, p)) : 0;
            }
            priors[i][coords.area()] = PASS_WEIGHT;
        }
    }

    /** Returns the damping of a first- or second-line move with no stone near it, else 1. */
    private double lineFactor(Board b, int p) {
        int x = coords.x(p);
        int y = coords.y(p);
        int last = coords.size() - 1;
        int line = Math.min(Math.min(x, y), Math.min(last - x, last - y));
        if (line > 1) {
            return 1;
        }
        for (int dy = -EMPTY_RADIUS; dy <= EMPTY_RADIUS; dy++) {
            int r = EMPTY_RADIUS - Math.abs(dy);
            for (int dx = -r; dx <= r; dx++) {
                int qx = x + dx;
                int qy = y + dy;
                if (qx >= 0 && qy >= 0 && qx <= last && qy <= last && !b.isEmpty(coords.point(qx, qy))) {
                    return 1;
                }
            }
        }
        return line == 0 ? FIRST_LINE : SECOND_LINE;
    }
}
