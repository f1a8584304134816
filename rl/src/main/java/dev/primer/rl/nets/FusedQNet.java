package dev.primer.rl.nets;

import dev.primer.nn.fused.FusedKernel;
import dev.primer.nn.fused.FusedLayout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The forward passes and TD training step of an {@link RlNetworks} Q-network through nn-core's fused kernel
 * ({@link FusedKernel}: a few {@code cblas} calls on the DL4J network's own buffers instead of {@code fit}).
 *
 * <p>The RL part is here: the gradient of {@link TdLoss} on Q(s,a) of the taken action only, scaled by the
 * transition's importance weight, which {@code fit} cannot carry (it multiplies the output by a fractional labels
 * mask). {@code FusedQNetTest} checks the step against {@code fit}. Host (CPU backend) memory only.
 */
public final class FusedQNet {
    private final FusedLayout layout;
    private final FusedKernel kernel;
    private final TdLoss loss;
    private final int outputs;

    /** Whether {@code net} is a network this class computes (see {@link #FusedQNet}); builds one to see. */
    public static boolean supports(MultiLayerNetwork net) {
        try {
            new FusedQNet(net, 1);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Binds to {@code net} for batches of up to {@code maxBatch} rows: a network {@link FusedLayout} supports whose
     * output layer has {@link TdLoss}.
     *
     * @throws IllegalArgumentException naming the first requirement {@code net} does not meet
     */
    public FusedQNet(MultiLayerNetwork net, int maxBatch) {
        this.layout = FusedLayout.bind(net);
        if (!(layout.outputLoss() instanceof TdLoss td)) {
            throw new IllegalArgumentException("the fused Q-network step supports an output layer with TdLoss");
        }
        this.loss = td;
        this.kernel = new FusedKernel(layout, maxBatch);
        this.outputs = layout.outputs();
    }

    /** Whether steps now apply the updater blocks' rules directly (from the second step, without regularisation). */
    boolean updatesDirectly() {
        return layout.updatesDirectly();
    }

    /** Q(s,·) of rows {@code [0, n)} of {@code obs} (row-major, the network's inputs each) into {@code q} (row-major). */
    public void forward(float[] obs, int n, float[] q) {
        kernel.forward(obs, n, q);
    }

    /**
     * One TD step on {@code n} transitions: loss on Q(s_i, a_i) against {@code targets[i]}, weighted by
     * {@code weights[i]}; writes y − Q(s,a) before the step into {@code tdErrors} (may be null) and returns the
     * minibatch-mean loss, as {@code fit}'s score without regularisation.
     */
    public double train(float[] obs, int[] actions, float[] targets, float[] weights, int n, float[] tdErrors) {
        return kernel.train(obs, n, (q, rows, d) -> {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                if (actions[i] < 0 || actions[i] >= outputs) {
                    throw new IllegalArgumentException("action " + actions[i] + " of row " + i + " is not in [0, "
                            + outputs + ")");
                }
                int k = i * outputs + actions[i];
                float err = q[k] - targets[i];
                sum += loss.of(err) * weights[i];
                d[k] = loss.slope(err) * weights[i];
                if (tdErrors != null) {
                    tdErrors[i] = -err;
                }
            }
            return sum;
        });
    }
}
