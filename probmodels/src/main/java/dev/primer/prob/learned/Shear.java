package dev.primer.prob.learned;

/**
 * One learned shift m(u) = u·S + relu(u·W₁ + b₁)·W₂ + b of a NICE additive coupling (Dinh et al. 2015, §3.2): a
 * linear part and a one-hidden-layer ReLU part, ℝᵈ → ℝᵈ, evaluated in double precision for sampling.
 *
 * @param skip  S, d × d
 * @param w1    W₁, d × h
 * @param b1    b₁, h
 * @param w2    W₂, h × d
 * @param bias  b, d
 */
public record Shear(double[][] skip, double[][] w1, double[] b1, double[][] w2, double[] bias) {
    /** m(u). */
    public double[] apply(double[] u) {
        int d = bias.length;
        double[] out = bias.clone();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[j] += u[i] * skip[i][j];
            }
        }
        for (int k = 0; k < b1.length; k++) {
            double h = b1[k];
            for (int i = 0; i < d; i++) {
                h += u[i] * w1[i][k];
            }
            if (h > 0) {
                for (int j = 0; j < d; j++) {
                    out[j] += h * w2[k][j];
                }
            }
        }
        return out;
    }
}
