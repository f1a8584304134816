package dev.primer.nn.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.ExprNetTest;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The LSTM cell against its equations, gate by gate, and its gradients in every variant. */
class LstmCellTest {
    private static final int IN = 3;
    private static final int H = 4;

    /** Two steps of a cell over inputs x1, x2 (one input of 2·IN columns); outputs every y and c. */
    static Program twoSteps(LstmVariant variant) {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 2 * IN);
        LstmCell cell = LstmCell.declare(p, "cell", IN, H, variant);
        LstmCell.State[] s = cell.run(p, new Expr[] {p.columns(x, 0, IN), p.columns(x, IN, IN)});
        Expr loss = p.meanRows(p.rowSum(p.add(p.square(s[1].y()), p.scale(s[1].c(), 0.3))));
        return p.build(loss, Map.of("y1", s[0].y(), "c1", s[0].c(), "y2", s[1].y(), "c2", s[1].c()));
    }

    static INDArray inputs(long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.FLOAT, 5, 2 * IN);
    }

    @Test
    void secondStepFollowsGreffEquationsGateByGate() {
        ExprNet net = new ExprNet(twoSteps(LstmVariant.VANILLA), Updates.adam(1e-3), 7);
        INDArray x = inputs(3);
        Map<String, INDArray> out = net.outputs(x);
        double[][] w = net.param("cell.W").toDoubleMatrix();
        double[][] r = net.param("cell.R").toDoubleMatrix();
        double[] b = net.param("cell.b").toDoubleVector();
        double[] pi = net.param("cell.pi").toDoubleVector();
        double[] pf = net.param("cell.pf").toDoubleVector();
        double[] po = net.param("cell.po").toDoubleVector();
        for (int n = 0; n < 5; n++) {
            double[] yPrev = out.get("y1").getRow(n).toDoubleVector();
            double[] cPrev = out.get("c1").getRow(n).toDoubleVector();
            for (int k = 0; k < H; k++) {
                double[] a = new double[4];
                for (int g = 0; g < 4; g++) {
                    a[g] = b[g * H + k];
                    for (int j = 0; j < IN; j++) {
                        a[g] += w[j][g * H + k] * x.getDouble(n, IN + j);
                    }
                    for (int j = 0; j < H; j++) {
                        a[g] += r[j][g * H + k] * yPrev[j];
                    }
                }
                double z = Math.tanh(a[0]);                                              // (1)
                double i = sigma(a[1] + pi[k] * cPrev[k]);                               // (2)
                double f = sigma(a[2] + LstmCell.FORGET_BIAS + pf[k] * cPrev[k]);        // (3)
                double c = z * i + cPrev[k] * f;                                         // (4)
                double o = sigma(a[3] + po[k] * c);                                      // (5)
                double y = Math.tanh(c) * o;                                             // (6)
                assertEquals(c, out.get("c2").getDouble(n, k), 1e-5, "cell " + k + " of row " + n);
                assertEquals(y, out.get("y2").getDouble(n, k), 1e-5, "output " + k + " of row " + n);
            }
        }
    }

    @Test
    void variantsRemoveTheirPart() {
        INDArray x = inputs(4);
        Map<String, INDArray> nog = new ExprNet(twoSteps(LstmVariant.NOG), Updates.adam(1e-3), 2).outputs(x);
        assertEquals(tanh(nog.get("c2")), nog.get("y2"), "no output gate: y = tanh(c)");
        Map<String, INDArray> noaf = new ExprNet(twoSteps(LstmVariant.NOAF), Updates.adam(1e-3), 2).outputs(x);
        assertTrue(noaf.get("y2").amaxNumber().doubleValue() > 0, "outputs are not all zero");
        assertTrue(noaf.get("y2").div(noaf.get("c2")).maxNumber().doubleValue() < 1,
                "no output activation: y = c ⊙ o with o in (0, 1)");
        ExprNet nfg = new ExprNet(twoSteps(LstmVariant.NFG), Updates.adam(1e-3), 2);
        ExprNet nig = new ExprNet(twoSteps(LstmVariant.NIG), Updates.adam(1e-3), 2);
        assertEquals(3 * H, nfg.param("cell.W").columns(), "no forget gate: three blocks of weights");
        assertEquals(3 * H, nig.param("cell.W").columns(), "no input gate: three blocks of weights");
        ExprNet cifg = new ExprNet(twoSteps(LstmVariant.CIFG), Updates.adam(1e-3), 2);
        assertEquals(3 * H, cifg.param("cell.W").columns(), "coupled gates: the forget gate has no weights");
    }

    @Test
    void gradientsMatchCentralDifferencesInEveryVariant() {
        INDArray x = inputs(5);
        for (LstmVariant v : LstmVariant.values()) {
            ExprNet net = new ExprNet(twoSteps(v), Updates.adam(1e-3), 9);
            double worst = ExprNetTest.worstGradientError(net, net, new INDArray[] {x}, 1e-3);
            assertTrue(worst < 5e-3, v + ": worst relative gradient error " + worst);
        }
    }

    private static double sigma(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    private static INDArray tanh(INDArray a) {
        return org.nd4j.linalg.ops.transforms.Transforms.tanh(a, true);
    }
}
