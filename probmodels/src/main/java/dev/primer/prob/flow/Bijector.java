package dev.primer.prob.flow;

import java.util.List;

/**
 * An invertible, differentiable map y = f(x) of ℝᵈ onto itself, in the style of TensorFlow Probability's
 * {@code Bijector}: both directions and the log-determinants of their Jacobians, so that a density can be carried
 * through it by the change of variables log p_Y(y) = log p_X(f⁻¹(y)) + log |det ∂f⁻¹/∂y|. Arrays passed in are
 * never modified.
 */
public interface Bijector {
    /** The dimension d. */
    int dim();

    /** y = f(x). */
    double[] forward(double[] x);

    /** x = f⁻¹(y). */
    double[] inverse(double[] y);

    /** log |det ∂f/∂x| at x. */
    double forwardLogDetJacobian(double[] x);

    /** log |det ∂f⁻¹/∂y| at y; by default −log |det ∂f/∂x| at x = f⁻¹(y). */
    default double inverseLogDetJacobian(double[] y) {
        return -forwardLogDetJacobian(inverse(y));
    }

    /** This bijector followed by {@code next}: x ↦ next(this(x)). */
    default Bijector then(Bijector next) {
        return new Chain(List.of(this, next));
    }

    /** log N(z; 0, I) = −½ Σ zᵢ² − (d/2) log 2π: the base density of every flow here. */
    static double standardNormalLogDensity(double[] z) {
        double s = 0;
        for (double v : z) {
            s += v * v;
        }
        return -0.5 * s - 0.5 * z.length * Math.log(2 * Math.PI);
    }
}
