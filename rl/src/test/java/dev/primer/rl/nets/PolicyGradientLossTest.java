package dev.primer.rl.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The score-function loss: gradient A·(π − onehot(a)) on the logits, score −A·log π(a). */
class PolicyGradientLossTest {
    @Test
    void gradientIsTheAdvantageTimesPiMinusOneHot() {
        INDArray logits = Nd4j.createFromArray(new float[][] {{0f, (float) Math.log(3)}, {0f, 0f}});
        INDArray labels = Nd4j.createFromArray(new float[][] {{2f, 0f}, {0f, -1f}});
        PolicyGradientLoss loss = new PolicyGradientLoss();
        INDArray g = loss.computeGradient(labels, logits.dup(), new ActivationSoftmax(), null);
        assertArrayEquals(new float[] {2 * (0.25f - 1), 2 * 0.75f, -1 * 0.5f, -1 * (0.5f - 1)}, g.data().asFloat(),
                1e-5f);
        assertEquals((-2 * Math.log(0.25) + Math.log(0.5)) / 2,
                loss.computeScore(labels, logits.dup(), new ActivationSoftmax(), null, true), 1e-5);
    }
}
