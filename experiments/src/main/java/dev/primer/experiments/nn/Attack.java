package dev.primer.experiments.nn;

import dev.primer.nn.Net;
import dev.primer.random.SplitMix64;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * An L∞ attack on a classifier's input, pixels kept in [0, 1]: projected gradient descent on the negative loss
 * (Madry et al. 2018, §2.1: x ← Π_{B∞(x₀, ε) ∩ [0,1]} (x + α·sign(∇ₓ ℓ(x, y)))), from x₀ or from a uniform random
 * point of the ball. One step of α = ε from x₀ is the fast gradient sign method (Goodfellow et al. 2015, §3, eq. 1).
 *
 * @param epsilon     radius ε of the L∞ ball around the clean image
 * @param steps       gradient-sign steps
 * @param stepSize    α, the size of each step
 * @param randomStart start from x₀ + U(−ε, ε) instead of x₀
 */
public record Attack(double epsilon, int steps, double stepSize, boolean randomStart) {
    /** Rejects a negative radius or step, or no steps. */
    public Attack {
        if (!(epsilon >= 0) || steps < 1 || !(stepSize >= 0)) {
            throw new IllegalArgumentException("an attack needs epsilon >= 0, steps >= 1, stepSize >= 0; got "
                    + epsilon + ", " + steps + ", " + stepSize);
        }
    }

    /** FGSM (Goodfellow et al. 2015, eq. 1): x₀ + ε·sign(∇ₓ ℓ(x₀, y)), clipped to [0, 1]. */
    public static Attack fgsm(double epsilon) {
        return new Attack(epsilon, 1, epsilon, false);
    }

    /**
     * {@code steps}-step PGD from a uniform random start (Madry et al. 2018, §2.1) with α = 2.5ε/steps, the rule of
     * Madry's group's {@code robustness} library, long enough to cross the ball from any start.
     */
    public static Attack pgd(double epsilon, int steps) {
        return new Attack(epsilon, steps, 2.5 * epsilon / steps, true);
    }

    /** Adversarial versions of the clean inputs {@code x} with one-hot labels {@code y}; {@code x} is not changed. */
    public INDArray perturb(Net.Sequential net, INDArray x, INDArray y, SplitMix64 rng) {
        INDArray lo = Transforms.max(x.sub(epsilon), 0.0);
        INDArray hi = Transforms.min(x.add(epsilon), 1.0);
        INDArray adv = x.dup();
        if (randomStart) {
            float[] u = new float[(int) x.length()];
            for (int i = 0; i < u.length; i++) {
                u[i] = (float) (epsilon * (2 * rng.nextDouble() - 1));
            }
            adv.addi(Nd4j.create(u, x.shape(), 'c').castTo(x.dataType()));
            project(adv, lo, hi);
        }
        for (int s = 0; s < steps; s++) {
            INDArray step = Transforms.sign(net.inputGradient(adv, y)).muli(stepSize);
            adv.addi(step);
            project(adv, lo, hi);
        }
        return adv;
    }

    /** Clamps {@code a} elementwise into [lo, hi] (the ε-ball around the clean image, inside [0, 1]), in place. */
    private static void project(INDArray a, INDArray lo, INDArray hi) {
        Transforms.max(a, lo, false);
        Transforms.min(a, hi, false);
    }
}
