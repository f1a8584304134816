package dev.primer.prob.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.flow.Jacobians;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** IAF's autoregressive MADEs, its log-determinant against a numeric Jacobian, and ELBO ≤ IWAE with the flow. */
class IafVaeTest {
    static final IafVae SMALL = new IafVae(784, 64, 8, 10, 2, 32, 1);
    private static final IafVae TINY = new IafVae(784, 64, 5, 3, 3, 16, 7);

    /** A network of the program written in {@code p} with these outputs, its initial parameters tripled. */
    private static ExprNet net(Map<String, Expr> outputs, Program.Builder p, Expr loss) {
        ExprNet net = new ExprNet(p.build(loss, outputs), Updates.adam(1e-3), 3);
        // Larger weights than the initialisation's, so that the MADEs and σ_t are far from constant.
        net.params().muli(3);
        return net;
    }

    /** Entry (i, j) of ∂out/∂in by central differences of step {@code h}, in double from the float outputs. */
    private static double[][] jacobian(ExprNet net, String out, INDArray in, INDArray ctx, double h) {
        int d = (int) in.size(1);
        double[][] jac = new double[d][d];
        for (int j = 0; j < d; j++) {
            INDArray plus = in.dup();
            INDArray minus = in.dup();
            plus.putScalar(0, j, in.getDouble(0, j) + h);
            minus.putScalar(0, j, in.getDouble(0, j) - h);
            double[] up = net.outputs(plus, ctx).get(out).toDoubleVector();
            double[] down = net.outputs(minus, ctx).get(out).toDoubleVector();
            for (int i = 0; i < d; i++) {
                jac[i][j] = (up[i] - down[i]) / (2 * h);
            }
        }
        return jac;
    }

    @Test
    void eachStepsMadeIsStrictlyTriangularInItsOrder() {
        for (int t = 0; t < 2; t++) {
            Program.Builder p = Program.builder();
            Expr z = p.input("z", TINY.latent());
            Expr h = p.input("h", TINY.context());
            IafVae.Step s = TINY.step(p, z, h, t);
            ExprNet net = net(Map.of("m", s.m(), "s", s.s()), p, p.meanRows(s.logDet()));
            Nd4j.getRandom().setSeed(11 + t);
            INDArray zv = Nd4j.randn(DataType.FLOAT, 1, TINY.latent());
            INDArray hv = Nd4j.randn(DataType.FLOAT, 1, TINY.context());
            int[] deg = TINY.order(t);
            for (String out : new String[] {"m", "s"}) {
                double[][] jac = jacobian(net, out, zv, hv, 0.05);
                double below = 0;
                for (int i = 0; i < deg.length; i++) {
                    for (int j = 0; j < deg.length; j++) {
                        if (deg[j] >= deg[i]) {
                            assertEquals(0.0, jac[i][j], 0.0, "step " + t + ": " + out + "_" + i + " saw z_" + j);
                        } else {
                            below += Math.abs(jac[i][j]);
                        }
                    }
                }
                assertTrue(below > 0, "step " + t + ": " + out + " ignores every earlier variable");
            }
        }
        assertEquals(1, TINY.order(1)[TINY.latent() - 1], "odd steps reverse the order");
    }

    @Test
    void logDetIsTheLogOfTheNumericJacobiansDeterminant() {
        Program.Builder p = Program.builder();
        Expr z = p.input("z0", TINY.latent());
        Expr h = p.input("h", TINY.context());
        IafVae.Step f = TINY.flow(p, z, h);
        ExprNet net = net(Map.of(IafVae.Z, f.z(), IafVae.LOG_DET, f.logDet()), p, p.meanRows(f.logDet()));
        Nd4j.getRandom().setSeed(5);
        for (int r = 0; r < 3; r++) {
            INDArray zv = Nd4j.randn(DataType.FLOAT, 1, TINY.latent());
            INDArray hv = Nd4j.randn(DataType.FLOAT, 1, TINY.context());
            double logDet = net.outputs(zv, hv).get(IafVae.LOG_DET).getDouble(0);
            double numeric = Jacobians.logAbsDet(jacobian(net, IafVae.Z, zv, hv, 1e-2));
            // The outputs are float: a step of 1e-2 keeps their rounding (and the O(h²) truncation) below 1e-2 in
            // log det even where det ≈ e^−7; log det lies below −0.5 (asserted), and leaving out one step's term or
            // its sign misses by far more.
            assertEquals(numeric, logDet, 1e-2, "row " + r);
            assertTrue(logDet < -0.5, "a contracting flow, log det " + logDet);
        }
    }

    @Test
    void elboIsBelowTheImportanceBoundWithTheFlowAsProposal() {
        ExprNet net = SMALL.build(Updates.adam(1e-3), 3);
        INDArray x = VaeTest.testImages(200);
        Bounds one = Bounds.of(net, x, 1, 1);
        Bounds twenty = Bounds.of(net, x, 20, 2);
        VaeTest.assertGap(one.perExample(), twenty.perExample());
        assertTrue(net.outputs(x).get(IafVae.LOG_DET).maxNumber().doubleValue() < 0, "σ_t < 1 shrinks z");
    }
}
