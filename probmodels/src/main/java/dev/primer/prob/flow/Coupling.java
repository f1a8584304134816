package dev.primer.prob.flow;

/**
 * A coupling layer: the dimensions where {@code mask} is true pass through and condition an elementwise affine map
 * of the rest, y = b⊙x + (1 − b)⊙(x⊙e^{s(b⊙x)} + t(b⊙x)) (RealNVP, Dinh et al. 2017, eq. 9), with
 * log |det ∂y/∂x| = Σ_{b=0} s (eq. 6); with s ≡ 0 it is NICE's additive coupling (Dinh et al. 2015, eq. 4),
 * volume-preserving.
 *
 * @param mask        b: true where a dimension passes through
 * @param conditioner (s, t) from the passed-through values (the others zeroed)
 */
public record Coupling(boolean[] mask, Conditioner conditioner) implements Bijector {
    /** The networks s and t of a coupling layer, evaluated together. */
    public interface Conditioner {
        /** {s, t}, each of x's length, from the masked input b⊙x (only entries where b = 0 are used). */
        double[][] logScaleAndShift(double[] masked);
    }

    @Override
    public int dim() {
        return mask.length;
    }

    private double[][] st(double[] x) {
        double[] masked = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            masked[i] = mask[i] ? x[i] : 0;
        }
        return conditioner.logScaleAndShift(masked);
    }

    @Override
    public double[] forward(double[] x) {
        double[][] st = st(x);
        double[] y = x.clone();
        for (int i = 0; i < x.length; i++) {
            if (!mask[i]) {
                y[i] = x[i] * Math.exp(st[0][i]) + st[1][i];
            }
        }
        return y;
    }

    @Override
    public double[] inverse(double[] y) {
        double[][] st = st(y);
        double[] x = y.clone();
        for (int i = 0; i < y.length; i++) {
            if (!mask[i]) {
                x[i] = (y[i] - st[1][i]) * Math.exp(-st[0][i]);
            }
        }
        return x;
    }

    @Override
    public double forwardLogDetJacobian(double[] x) {
        double[] s = st(x)[0];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += mask[i] ? 0 : s[i];
        }
        return sum;
    }
}
