package dev.primer.prob.mcmc;

/**
 * Statistics of one transition.
 *
 * @param acceptProb          the Metropolis acceptance probability (for NUTS, its mean over the trajectory)
 * @param accepted            whether the position moved to the proposal
 * @param divergent           whether the Hamiltonian energy error exceeded the divergence threshold
 * @param gradientEvaluations gradient evaluations spent on this transition
 * @param stepSize            the integrator or proposal step size used
 * @param treeDepth           NUTS tree depth (0 for other kernels)
 */
public record TransitionStats(double acceptProb, boolean accepted, boolean divergent, int gradientEvaluations,
                              double stepSize, int treeDepth) {
    /** The statistics attached to an initial state. */
    public static final TransitionStats INITIAL = new TransitionStats(1, true, false, 0, Double.NaN, 0);

    /** A plain Metropolis–Hastings transition. */
    public static TransitionStats metropolis(double acceptProb, boolean accepted, int gradientEvaluations,
                                             double stepSize) {
        return new TransitionStats(acceptProb, accepted, false, gradientEvaluations, stepSize, 0);
    }
}
