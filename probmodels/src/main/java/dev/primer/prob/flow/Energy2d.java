package dev.primer.prob.flow;

import dev.primer.prob.autodiff.Differentiable;
import dev.primer.prob.autodiff.ForwardMode;
import dev.primer.prob.autodiff.HyperDual;

/**
 * The four unnormalised 2-d densities p(z) ∝ e^{−U(z)} of Rezende &amp; Mohamed (2015, Table 1), with
 * w₁ = sin(2πz₁/4), w₂ = 3·exp(−½((z₁ − 1)/0.6)²), w₃ = 3·σ((z₁ − 1)/0.3). U2–U4 do not depend on z₁ beyond the
 * wᵢ, so e^{−U} is not normalisable on ℝ²; they are confined to the paper's window |z₁| ≲ 4 by the soft wall
 * (z₁/4)⁸ (0.004 at |z₁| = 2, 0.1 at 3, 1 at 4), so that the KL to them is finite. Gradients by forward mode.
 */
public enum Energy2d {
    /** A ring split in two: ½((‖z‖ − 2)/0.4)² − ln(e^{−½((z₁−2)/0.6)²} + e^{−½((z₁+2)/0.6)²}). */
    U1 {
        @Override
        HyperDual energy(HyperDual z1, HyperDual z2) {
            HyperDual ring = z1.square().plus(z2.square()).sqrt().minus(2).div(0.4).square().times(0.5);
            return ring.plus(negLogSumExp(z1.minus(2).div(0.6).square().times(0.5),
                    z1.plus(2).div(0.6).square().times(0.5)));
        }
    },
    /** A sine wave: ½((z₂ − w₁)/0.4)². */
    U2 {
        @Override
        HyperDual energy(HyperDual z1, HyperDual z2) {
            return z2.minus(w1(z1)).div(0.4).square().times(0.5).plus(wall(z1));
        }
    },
    /** Two sine waves that split apart: −ln(e^{−½((z₂−w₁)/0.35)²} + e^{−½((z₂−w₁+w₂)/0.35)²}). */
    U3 {
        @Override
        HyperDual energy(HyperDual z1, HyperDual z2) {
            HyperDual d = z2.minus(w1(z1));
            HyperDual w2 = z1.minus(1).div(0.6).square().times(-0.5).exp().times(3);
            return negLogSumExp(d.div(0.35).square().times(0.5), d.plus(w2).div(0.35).square().times(0.5))
                    .plus(wall(z1));
        }
    },
    /** A sine wave and a step: −ln(e^{−½((z₂−w₁)/0.4)²} + e^{−½((z₂−w₁+w₃)/0.35)²}). */
    U4 {
        @Override
        HyperDual energy(HyperDual z1, HyperDual z2) {
            HyperDual d = z2.minus(w1(z1));
            HyperDual w3 = z1.minus(1).div(-0.3).exp().plus(1).reciprocal().times(3);
            return negLogSumExp(d.div(0.4).square().times(0.5), d.plus(w3).div(0.35).square().times(0.5))
                    .plus(wall(z1));
        }
    };

    abstract HyperDual energy(HyperDual z1, HyperDual z2);

    /** U as a differentiable function of z = (z₁, z₂). */
    public Differentiable potential() {
        return ForwardMode.of(2, z -> energy(z[0], z[1]));
    }

    /**
     * log ∫ e^{−U} by the midpoint rule on [−7, 7]² with 400 × 400 cells of 0.035 (the densities and their wall
     * vanish well inside that square; the narrowest feature, U3's width 0.35, spans ten cells).
     */
    public double logNormalizer() {
        int n = 400;
        double lo = -7;
        double cell = 14.0 / n;
        Differentiable u = potential();
        double[] z = new double[2];
        double min = Double.POSITIVE_INFINITY;
        double[] values = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                z[0] = lo + (i + 0.5) * cell;
                z[1] = lo + (j + 0.5) * cell;
                values[i * n + j] = u.value(z);
                min = Math.min(min, values[i * n + j]);
            }
        }
        double sum = 0;
        for (double v : values) {
            sum += Math.exp(min - v);
        }
        return -min + Math.log(sum * cell * cell);
    }

    private static HyperDual w1(HyperDual z1) {
        return z1.times(2 * Math.PI / 4).sin();
    }

    private static HyperDual wall(HyperDual z1) {
        return z1.div(4).square().square().square();
    }

    /** −ln(e^{−a} + e^{−b}) = a − softplus(a − b), stable for either order. */
    private static HyperDual negLogSumExp(HyperDual a, HyperDual b) {
        return a.minus(a.minus(b).softplus());
    }
}
