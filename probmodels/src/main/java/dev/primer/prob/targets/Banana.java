package dev.primer.prob.targets;

/**
 * Haario et al.'s twisted Gaussian (Haario, Saksman &amp; Tamminen 1999, §4): x ~ N(0, diag(100, 1, …, 1)) pushed
 * through φ_b(x) = (x₁, x₂ − b·x₁² + 100b, x₃, …), so log π(y) = −y₁²/200 − (y₂ + b·y₁² − 100b)²/2 − Σ_{i&gt;2} yᵢ²/2.
 * Moments: E[y] = 0, Var y₁ = 100, Var y₂ = 1 + 2·10⁴·b², Var yᵢ = 1 otherwise. b = 0.03 is Haario's
 * "moderately twisted" case.
 *
 * @param dim the dimension d ≥ 2
 * @param b   the twist
 */
public record Banana(int dim, double b) implements Target {
    /** The moderately twisted 2-D banana, b = 0.03. */
    public static Banana moderate() {
        return new Banana(2, 0.03);
    }

    @Override
    public double valueAndGradient(double[] y, double[] grad) {
        double u = y[1] + b * y[0] * y[0] - 100 * b;
        double s = -y[0] * y[0] / 200 - u * u / 2;
        grad[0] = -y[0] / 100 - u * 2 * b * y[0];
        grad[1] = -u;
        for (int i = 2; i < dim; i++) {
            s -= y[i] * y[i] / 2;
            grad[i] = -y[i];
        }
        return s;
    }

    @Override
    public double[] mean() {
        return new double[dim];
    }

    @Override
    public double[] variance() {
        double[] v = new double[dim];
        java.util.Arrays.fill(v, 1);
        v[0] = 100;
        v[1] = 1 + 2e4 * b * b;
        return v;
    }
}
