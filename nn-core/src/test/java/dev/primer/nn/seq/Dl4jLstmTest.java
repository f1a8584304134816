package dev.primer.nn.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.nn.Networks;
import dev.primer.nn.optim.Updates;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's {@code LSTM} layer (as {@link Networks#lastStep} builds it) against the equations of {@link LstmCell}
 * without peepholes, step by step: its columns are [z | f | o | i] (block input, forget, output, input gate), and its
 * forget bias starts at 1 as a parameter where {@link LstmCell} adds {@link LstmCell#FORGET_BIAS} to a bias drawn
 * around 0.
 */
class Dl4jLstmTest {
    private static final int IN = 3;
    private static final int H = 4;
    private static final int T = 3;

    @Test
    void everyStepFollowsTheGateEquations() {
        MultiLayerNetwork net = Networks.lastStep(Networks.Recurrent.LSTM, IN, H, Networks.Head.regression(1),
                Updates.adam(1e-3), 5);
        Map<String, INDArray> p = net.getLayer(0).paramTable();
        double[][] w = p.get("W").toDoubleMatrix();
        double[][] r = p.get("RW").toDoubleMatrix();
        double[] b = p.get("b").toDoubleVector();
        assertEquals(1.0, b[H], 0, "DL4J starts the forget bias at 1");
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 2, IN, T);
        List<INDArray> acts = net.feedForward(x, false);
        for (int n = 0; n < 2; n++) {
            double[] y = new double[H];
            double[] c = new double[H];
            for (int t = 0; t < T; t++) {
                double[] yNew = new double[H];
                for (int k = 0; k < H; k++) {
                    double[] a = new double[4];
                    for (int g = 0; g < 4; g++) {
                        a[g] = b[g * H + k];
                        for (int j = 0; j < IN; j++) {
                            a[g] += w[j][g * H + k] * x.getDouble(n, j, t);
                        }
                        for (int j = 0; j < H; j++) {
                            a[g] += r[j][g * H + k] * y[j];
                        }
                    }
                    double z = Math.tanh(a[0]);         // (1) block input
                    double i = sigma(a[3]);             // (2) input gate
                    double f = sigma(a[1]);             // (3) forget gate
                    c[k] = z * i + c[k] * f;            // (4) cell
                    double o = sigma(a[2]);             // (5) output gate
                    yNew[k] = Math.tanh(c[k]) * o;      // (6) block output
                }
                y = yNew;
            }
            for (int k = 0; k < H; k++) {
                assertEquals(y[k], acts.get(1).getDouble(n, k), 1e-5, "unit " + k + " of example " + n);
            }
        }
    }

    private static double sigma(double a) {
        return 1 / (1 + Math.exp(-a));
    }
}
