package dev.primer.prob.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.optim.Updates;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** NICE and RealNVP: the graph's log-density is the bijector's change of variables, and fitting raises it. */
class RealNvpTest {
    /** Moves every parameter off its initial value (scales start at 0) so that all couplings act. */
    private static ExprNet perturbed(RealNvp model) {
        ExprNet net = model.build(Updates.adam(1e-3), 3);
        INDArray noise = BijectorContractTestData.gaussianRows(1, (int) net.params().length(), 8);
        net.params().addi(noise.reshape(net.params().shape()).mul(0.3));
        return net;
    }

    @Test
    void theGraphsLogDensityIsTheChangeOfVariablesOfItsBijector() {
        for (boolean affine : new boolean[] {true, false}) {
            RealNvp model = new RealNvp(6, 3, 8, 3, affine);
            ExprNet net = perturbed(model);
            INDArray x = BijectorContractTestData.gaussianRows(5, 6, 2);
            Map<String, INDArray> out = net.outputs(x);
            Chain f = model.bijector(net);
            for (int r = 0; r < 5; r++) {
                double[] xr = x.getRow(r).toDoubleVector();
                double[] z = f.forward(xr);
                assertArrayEquals(z, out.get(RealNvp.Z).getRow(r).toDoubleVector(), 1e-4, "z, affine " + affine);
                double logP = Bijector.standardNormalLogDensity(z) + f.forwardLogDetJacobian(xr);
                assertEquals(logP, out.get(RealNvp.LOG_P).getDouble(r), 1e-4, "log p, affine " + affine);
                assertArrayEquals(xr, f.inverse(z), 1e-9, "a sample maps back");
            }
        }
    }

    @Test
    void checkerboardMasksAlternate() {
        RealNvp model = new RealNvp(6, 3, 8, 2, true);
        assertArrayEquals(new boolean[] {true, false, true, false, true, false}, model.mask(0));
        assertArrayEquals(new boolean[] {false, true, false, true, false, true}, model.mask(1));
        assertArrayEquals(new boolean[] {true, false}, new RealNvp(2, 2, 4, 2, true).mask(0));
    }

    @Test
    void fittingRaisesTheLikelihoodOfCorrelatedData() {
        INDArray x = BijectorContractTestData.gaussianRows(256, 2, 5);
        // x₂ = x₁ + 0.1·noise: a narrow ridge whose density a standard normal badly underestimates.
        x.getColumn(1).assign(x.getColumn(0).add(x.getColumn(1).mul(0.1)));
        for (boolean affine : new boolean[] {true, false}) {
            ExprNet net = new RealNvp(2, 2, 16, 4, affine).build(Updates.adam(1e-2), 1);
            double before = net.outputs(x).get(RealNvp.LOG_P).meanNumber().doubleValue();
            for (int i = 0; i < 200; i++) {
                net.fit(x);
            }
            double after = net.outputs(x).get(RealNvp.LOG_P).meanNumber().doubleValue();
            // Under N(0, I) the ridge's mean log p is about −2.84; its own entropy allows −0.54. Require 1 of the 2.3.
            assertTrue(after > before + 1, "mean log p " + before + " -> " + after + ", affine " + affine);
        }
    }
}
