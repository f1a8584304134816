package dev.primer.rl.alphago;

import dev.primer.go.board.Coords;
import dev.primer.go.features.InputPlanes;
import dev.primer.go.features.Plane;
import dev.primer.mcts.Evaluator;
import dev.primer.mcts.go.GoState;
import dev.primer.nn.Net;
import dev.primer.nn.norm.BatchNormFolding;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The search's networks (Silver et al. 2016, Methods, "Search algorithm"): a policy network gives the tree priors, a
 * value network the leaf value v(s), each evaluated once per batch of positions. One forward pass runs at a time;
 * put a {@link dev.primer.mcts.BatchingEvaluator} in front of it so that search threads share the passes.
 */
public final class NetEvaluator implements Evaluator<GoState> {
    private final Net policy;
    private final Net value;
    private final Coords coords;
    private final InputPlanes encoder = new InputPlanes();

    /**
     * Creates an evaluator for boards of {@code coords} from a policy network (priors; null for none) and a value network
     * (null for none); at least one is needed. It evaluates batch-norm-folded copies of the networks as they are now
     * ({@link BatchNormFolding#forInference}).
     */
    public NetEvaluator(Coords coords, Net policy, Net value) {
        if (policy == null && value == null) {
            throw new IllegalArgumentException("a net evaluator needs a policy or a value network");
        }
        this.coords = coords;
        this.policy = policy == null ? null : BatchNormFolding.forInference(policy);
        this.value = value == null ? null : BatchNormFolding.forInference(value);
    }

    @Override
    public Output output() {
        return policy == null ? Output.VALUE : value == null ? Output.PRIORS : Output.PRIORS_AND_VALUE;
    }

    @Override
    public synchronized void evaluate(List<GoState> states, float[][] priors, float[] values) {
        int n = states.size();
        int area = coords.area();
        INDArray x = planes(states);
        if (policy != null) {
            float[] p = policy.output(x)[0].reshape((long) n * (area + 1)).toFloatVector();
            for (int i = 0; i < n; i++) {
                System.arraycopy(p, i * (area + 1), priors[i], 0, area + 1);
            }
        }
        if (value != null) {
            float[] v = value.output(x)[0].reshape(n).toFloatVector();
            System.arraycopy(v, 0, values, 0, n);
        }
    }

    /** Returns the input planes of {@code states}, n x planes x size x size, each from its player to move's side. */
    private INDArray planes(List<GoState> states) {
        int stride = Plane.COUNT * coords.area();
        float[] x = new float[states.size() * stride];
        float[] one = new float[stride];
        for (int i = 0; i < states.size(); i++) {
            GoState s = states.get(i);
            if (s.coords() != coords) {
                throw new IllegalArgumentException("the networks are for " + coords.size() + "x" + coords.size()
                        + ", not " + s.coords().size() + "x" + s.coords().size());
            }
            encoder.encodeInto(s.board(), s.color(), s::recentMove, one);
            System.arraycopy(one, 0, x, i * stride, stride);
        }
        return Nd4j.create(x, new long[] {states.size(), Plane.COUNT, coords.size(), coords.size()}, 'c');
    }
}
