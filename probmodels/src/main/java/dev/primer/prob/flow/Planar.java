package dev.primer.prob.flow;

/**
 * The planar flow step of Rezende &amp; Mohamed (2015, eq. 10): f(z) = z + û·tanh(wᵀz + b), with
 * log |det ∂f/∂z| = log |1 + ûᵀψ(z)|, ψ(z) = (1 − tanh²(wᵀz + b))·w (eq. 11-12). The raw u is replaced by
 * û = u + (m(wᵀu) − wᵀu)·w/‖w‖², m(x) = −1 + log(1 + eˣ), so that wᵀû ≥ −1 and f is invertible (Appendix A.1).
 */
public final class Planar implements Bijector {
    private static final int BISECTIONS = 200;

    private final double[] w;
    private final double[] uHat;
    private final double b;
    private final double wu;

    /** The step with raw parameters w, u (one length) and b. */
    public Planar(double[] w, double[] u, double b) {
        if (w.length != u.length) {
            throw new IllegalArgumentException("planar w of length " + w.length + " and u of length " + u.length
                    + " differ");
        }
        this.w = w.clone();
        this.b = b;
        double wTu = dot(w, u);
        double ww = dot(w, w);
        double m = -1 + Math.max(wTu, 0) + Math.log1p(Math.exp(-Math.abs(wTu)));
        uHat = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            uHat[i] = u[i] + (m - wTu) * w[i] / ww;
        }
        wu = dot(w, uHat);
    }

    /** û, the invertible direction (a copy). */
    public double[] uHat() {
        return uHat.clone();
    }

    @Override
    public int dim() {
        return w.length;
    }

    @Override
    public double[] forward(double[] z) {
        double h = Math.tanh(dot(w, z) + b);
        double[] y = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            y[i] = z[i] + uHat[i] * h;
        }
        return y;
    }

    /**
     * Solves wᵀy = a + wᵀû·tanh(a + b) for a = wᵀz by bisection (the left side is non-decreasing in a since
     * wᵀû ≥ −1, and |a − wᵀy| ≤ |wᵀû|), then z = y − û·tanh(a + b).
     */
    @Override
    public double[] inverse(double[] y) {
        double target = dot(w, y);
        double lo = target - Math.abs(wu) - 1;
        double hi = target + Math.abs(wu) + 1;
        for (int i = 0; i < BISECTIONS && hi - lo > 0; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (mid + wu * Math.tanh(mid + b) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double h = Math.tanh(0.5 * (lo + hi) + b);
        double[] z = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            z[i] = y[i] - uHat[i] * h;
        }
        return z;
    }

    @Override
    public double forwardLogDetJacobian(double[] z) {
        double h = Math.tanh(dot(w, z) + b);
        return Math.log(Math.abs(1 + (1 - h * h) * wu));
    }

    private static double dot(double[] a, double[] c) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * c[i];
        }
        return s;
    }
}
