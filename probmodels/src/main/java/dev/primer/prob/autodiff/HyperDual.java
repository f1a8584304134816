package dev.primer.prob.autodiff;

/**
 * A hyper-dual number a + b·ε₁ + c·ε₂ + d·ε₁ε₂ with ε₁² = ε₂² = 0 and ε₁ε₂ ≠ 0 (Fike &amp; Alonso 2011, eq. 6).
 * Evaluating f at x + u·ε₁ + v·ε₂ yields f(x), ∇f·u, ∇f·v and uᵀ∇²f·v exactly, with no truncation error.
 *
 * @param re  the real part a
 * @param e1  the ε₁ part b (first derivative along u)
 * @param e2  the ε₂ part c (first derivative along v)
 * @param e12 the ε₁ε₂ part d (second derivative along u and v)
 */
public record HyperDual(double re, double e1, double e2, double e12) {
    /** The constant c (all infinitesimal parts zero). */
    public static HyperDual constant(double c) {
        return new HyperDual(c, 0, 0, 0);
    }

    /** The variable x seeded with direction components u (for ε₁) and v (for ε₂). */
    public static HyperDual variable(double x, double u, double v) {
        return new HyperDual(x, u, v, 0);
    }

    /** this + y. */
    public HyperDual plus(HyperDual y) {
        return new HyperDual(re + y.re, e1 + y.e1, e2 + y.e2, e12 + y.e12);
    }

    /** this + c. */
    public HyperDual plus(double c) {
        return new HyperDual(re + c, e1, e2, e12);
    }

    /** this − y. */
    public HyperDual minus(HyperDual y) {
        return new HyperDual(re - y.re, e1 - y.e1, e2 - y.e2, e12 - y.e12);
    }

    /** this − c. */
    public HyperDual minus(double c) {
        return new HyperDual(re - c, e1, e2, e12);
    }

    /** −this. */
    public HyperDual negate() {
        return new HyperDual(-re, -e1, -e2, -e12);
    }

    /** this · y (product rule; the ε₁ε₂ part collects the cross terms b₁c₂ + c₁b₂). */
    public HyperDual times(HyperDual y) {
        return new HyperDual(re * y.re, re * y.e1 + e1 * y.re, re * y.e2 + e2 * y.re,
                re * y.e12 + e1 * y.e2 + e2 * y.e1 + e12 * y.re);
    }

    /** this · c. */
    public HyperDual times(double c) {
        return new HyperDual(re * c, e1 * c, e2 * c, e12 * c);
    }

    /** this / y. */
    public HyperDual div(HyperDual y) {
        return times(y.reciprocal());
    }

    /** this / c. */
    public HyperDual div(double c) {
        return times(1 / c);
    }

    /** this². */
    public HyperDual square() {
        return times(this);
    }

    /** 1 / this. */
    public HyperDual reciprocal() {
        double r = 1 / re;
        return chain(r, -r * r, 2 * r * r * r);
    }

    /** exp(this). */
    public HyperDual exp() {
        double e = Math.exp(re);
        return chain(e, e, e);
    }

    /** log(this). */
    public HyperDual log() {
        return chain(Math.log(re), 1 / re, -1 / (re * re));
    }

    /** √this. */
    public HyperDual sqrt() {
        double s = Math.sqrt(re);
        return chain(s, 0.5 / s, -0.25 / (s * re));
    }

    /** this^p for a constant p. */
    public HyperDual pow(double p) {
        return chain(Math.pow(re, p), p * Math.pow(re, p - 1), p * (p - 1) * Math.pow(re, p - 2));
    }

    /** sin(this). */
    public HyperDual sin() {
        return chain(Math.sin(re), Math.cos(re), -Math.sin(re));
    }

    /** cos(this). */
    public HyperDual cos() {
        return chain(Math.cos(re), -Math.sin(re), -Math.cos(re));
    }

    /** tanh(this). */
    public HyperDual tanh() {
        double t = Math.tanh(re);
        double d1 = 1 - t * t;
        return chain(t, d1, -2 * t * d1);
    }

    /** log(1 + exp(this)), the softplus, computed without overflow. */
    public HyperDual softplus() {
        double s = 1 / (1 + Math.exp(-re));
        double v = re > 0 ? re + Math.log1p(Math.exp(-re)) : Math.log1p(Math.exp(re));
        return chain(v, s, s * (1 - s));
    }

    /** g(this) for a scalar g with g(a), g′(a), g″(a) given (Fike &amp; Alonso 2011, eq. 10). */
    public HyperDual chain(double g, double g1, double g2) {
        return new HyperDual(g, g1 * e1, g1 * e2, g1 * e12 + g2 * e1 * e2);
    }
}
