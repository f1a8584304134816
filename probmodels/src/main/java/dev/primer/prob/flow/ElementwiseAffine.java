package dev.primer.prob.flow;

/**
 * yᵢ = xᵢ·e^{sᵢ} + tᵢ: the diagonal scaling layer that ends NICE (Dinh et al. 2015, §3.3), with a shift.
 *
 * @param logScale s, one per dimension
 * @param shift    t, one per dimension
 */
public record ElementwiseAffine(double[] logScale, double[] shift) implements Bijector {
    /** Checks that s and t have one length. */
    public ElementwiseAffine {
        if (logScale.length != shift.length) {
            throw new IllegalArgumentException("log-scale of length " + logScale.length + " and shift of length "
                    + shift.length + " differ");
        }
    }

    @Override
    public int dim() {
        return shift.length;
    }

    @Override
    public double[] forward(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * Math.exp(logScale[i]) + shift[i];
        }
        return y;
    }

    @Override
    public double[] inverse(double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = (y[i] - shift[i]) * Math.exp(-logScale[i]);
        }
        return x;
    }

    @Override
    public double forwardLogDetJacobian(double[] x) {
        double s = 0;
        for (double v : logScale) {
            s += v;
        }
        return s;
    }
}
