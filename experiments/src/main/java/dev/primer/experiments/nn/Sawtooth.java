package dev.primer.experiments.nn;

import dev.primer.nn.Networks;
import dev.primer.nn.optim.Updates;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Telgarsky's sawtooth (Telgarsky 2016, "Benefits of depth in neural networks", §2): the tent map t(x) = 2x on
 * [0, ½], 2(1 − x) on [½, 1], composed k times. tᵏ has 2ᵏ⁻¹ teeth and 2ᵏ linear pieces on [0, 1]; a ReLU net of
 * depth k and width 2 computes it exactly, since t(x) = 2·relu(x) − 4·relu(x − ½) on [0, 1].
 */
final class Sawtooth {
    private Sawtooth() {
    }

    /** The tent map on [0, 1]. */
    static double tent(double x) {
        return x <= 0.5 ? 2 * x : 2 * (1 - x);
    }

    /** tᵏ(x). */
    static double at(int k, double x) {
        double y = x;
        for (int i = 0; i < k; i++) {
            y = tent(y);
        }
        return y;
    }

    /**
     * The depth-k width-2 net as an nn-core MLP (float32, never trained): hidden layer ℓ computes
     * (relu(u), relu(u − ½)) of u = t^{ℓ−1}(x), each next layer and the identity head read u = 2h₁ − 4h₂.
     */
    static MultiLayerNetwork deepNet(int k) {
        int[] hidden = new int[k];
        Arrays.fill(hidden, 2);
        MultiLayerNetwork net = Networks.mlp(1, hidden, Networks.Head.regression(1), Updates.adam(1e-3), 0);
        double[] bias = {0, -0.5};
        Networks.setDense(net, 0, new double[][] {{1, 1}}, bias);
        for (int layer = 1; layer < k; layer++) {
            Networks.setDense(net, layer, new double[][] {{2, 2}, {-4, -4}}, bias);
        }
        Networks.setDense(net, k, new double[][] {{2}, {-4}}, new double[] {0});
        return net;
    }

    /**
     * Parameters, in {@link ShallowRelu}'s layout for width 2ᵏ, of the one-hidden-layer net that equals tᵏ on
     * [0, 1]: a knot at every breakpoint j/2ᵏ (j = 0…2ᵏ − 1), slope 2ᵏ from the first and a slope change of
     * ∓2ᵏ⁺¹ at each later one.
     */
    static double[] exactShallow(int k) {
        int m = 1 << k;
        double[] theta = new double[3 * m + 1];
        for (int j = 0; j < m; j++) {
            theta[j] = 1;
            theta[m + j] = -(double) j / m;
            theta[2 * m + j] = j == 0 ? m : (j % 2 == 1 ? -2.0 * m : 2.0 * m);
        }
        return theta;
    }

    /**
     * A lower bound on the mean squared error over [0, 1] of any continuous piecewise-linear function with
     * {@code breakpoints} breakpoints (a one-hidden-layer ReLU net with that many units has at most that many):
     * each tooth of tᵏ (width 2¹⁻ᵏ) without a breakpoint inside is fitted by one affine function, which leaves at
     * least the tooth's variance 1/12 per unit length (the tent's values are uniform on [0, 1]), and at least
     * 2ᵏ⁻¹ − m teeth hold none; so MSE ≥ (1 − m/2ᵏ⁻¹)/12. Telgarsky's argument (few affine pieces cannot follow
     * many teeth), in a form for the squared error.
     */
    static double mseLowerBound(int k, int breakpoints) {
        return Math.max(0, 1 - breakpoints / Math.pow(2, k - 1)) / 12;
    }

    /** The fewest units {@link #mseLowerBound} allows to reach an MSE below {@code mse}: ⌊2ᵏ⁻¹(1 − 12·mse)⌋ + 1. */
    static int lowerBoundWidth(int k, double mse) {
        return (int) Math.floor(Math.pow(2, k - 1) * (1 - 12 * mse)) + 1;
    }
}
