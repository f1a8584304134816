package dev.primer.mcts;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927): centre (p + z²/2n) / (1 + z²/n), half-width
 * z / (1 + z²/n) · sqrt(p(1 - p)/n + z²/4n²). Draws may count as half wins.
 *
 * @param low  lower bound
 * @param high upper bound
 */
public record Wilson(double low, double high) {
    /** z of a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    /** Returns the 95% interval for {@code wins} out of {@code n} trials ([0, 1] when n is 0). */
    public static Wilson of95(double wins, int n) {
        return of(wins, n, Z95);
    }

    /** Returns the interval with normal quantile {@code z}. */
    public static Wilson of(double wins, int n, double z) {
        if (n == 0) {
            return new Wilson(0, 1);
        }
        double p = wins / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Wilson(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
