package dev.primer.nn.optim;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;

/**
 * How a network's parameters are updated: rule, schedule, L2 penalty and gradient clipping.
 *
 * @param optimizer the update rule
 * @param lr        the learning-rate schedule
 * @param l2        L2 coefficient λ (gradient += λ·w, PyTorch's {@code weight_decay}); 0 for none
 * @param clipNorm  per-layer L2 gradient-norm clip (DL4J ClipL2PerLayer); 0 for none
 */
public record Updates(Optimizer optimizer, LearningRate lr, double l2, double clipNorm) {
    /** Adam at a constant rate with no penalty or clipping. */
    public static Updates adam(double lr) {
        return new Updates(Optimizer.adam(), LearningRate.constant(lr), 0, 0);
    }

    /** Applies rule, penalty and clipping to a network configuration under construction. */
    public NeuralNetConfiguration.Builder applyTo(NeuralNetConfiguration.Builder b) {
        b.updater(optimizer.updater(lr));
        if (l2 > 0) {
            b.l2(l2);
        }
        if (clipNorm > 0) {
            b.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(clipNorm);
        }
        return b;
    }
}
