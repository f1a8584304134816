package dev.primer.prob.optim;

/** A step-size schedule η_t for t = 0, 1, 2, …. */
@FunctionalInterface
public interface StepSizeSchedule {
    /** η_t. */
    double at(long t);

    /** η_t = η. */
    static StepSizeSchedule constant(double eta) {
        return t -> eta;
    }

    /** η_t = η₀ / √(t + 1): the classical rate for averaged SGD on convex Lipschitz losses (Nemirovski et al. 2009). */
    static StepSizeSchedule inverseSqrt(double eta0) {
        return t -> eta0 / Math.sqrt(t + 1.0);
    }

    /** η_t = a·(b + t)^−γ, the polynomial decay of Welling &amp; Teh 2011 §3 (0.5 &lt; γ ≤ 1 for Robbins–Monro). */
    static StepSizeSchedule polynomial(double a, double b, double gamma) {
        return t -> a * Math.pow(b + t, -gamma);
    }
}
