package dev.primer.mcts;

/** The selection and leaf-value formulas, values in [0, 1] for the player choosing. */
final class Selection {
    private Selection() {
    }

    /** UCB1 on trees (Kocsis and Szepesvári 2006): Q + c sqrt(ln N / n). */
    static double uct(double q, double n, double logParentVisits, double c) {
        return q + c * Math.sqrt(logParentVisits / n);
    }

    /**
     * RAVE weight, minimum-MSE schedule (Gelly and Silver 2011, "Monte-Carlo tree search and rapid action value
     * estimation in computer Go", section 5.2): beta = ñ / (n + ñ + 4 b² n ñ), where the 2007 hand-tuned schedule was
     * beta = sqrt(k / (3n + k)).
     */
    static double raveBeta(double n, double amafN, double bias) {
        return amafN <= 0 ? 0 : amafN / (n + amafN + 4 * bias * bias * n * amafN);
    }

    /** RAVE value (Gelly and Silver 2011, eq. 8): (1 - beta) Q + beta Q̃. */
    static double rave(double q, double amafQ, double beta) {
        return (1 - beta) * q + beta * amafQ;
    }

    /** PUCT (Silver et al. 2017, Methods, "Select"): Q + c_puct P sqrt(N) / (1 + n). */
    static double puct(double q, double prior, double n, double sqrtParentVisits, double c) {
        return q + c * prior * sqrtParentVisits / (1 + n);
    }

    /** Leaf value (Silver et al. 2016, "Mastering the game of Go...", Methods): V = (1 - lambda) v + lambda z. */
    static float mix(float v, float z, double lambda) {
        return (float) ((1 - lambda) * v + lambda * z);
    }
}
