package dev.primer.prob.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.autodiff.Differentiable;
import dev.primer.prob.autodiff.FiniteDifference;
import dev.primer.random.SplitMix64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The planar flow's graph against its double-precision bijector, its surrogate gradient, and the energies. */
class PlanarFlowTest {
    @Test
    void energyGradientsMatchFiniteDifferences() {
        SplitMix64 r = SplitMix64.seeded(3);
        for (Energy2d e : Energy2d.values()) {
            Differentiable u = e.potential();
            for (int k = 0; k < 10; k++) {
                double[] z = {3 * r.nextGaussianBoxMuller(), 3 * r.nextGaussianBoxMuller()};
                assertArrayEquals(FiniteDifference.gradient(u, z, 1e-6), u.gradient(z), 1e-5, e + " at z");
            }
        }
    }

    @Test
    void theGraphComputesWhatTheBijectorChainComputes() {
        PlanarFlow flow = new PlanarFlow(2, 4);
        ExprNet net = new ExprNet(flow.program(), Updates.adam(1e-3), 5);
        INDArray z0 = BijectorContractTestData.gaussianRows(6, 2, 7);
        Map<String, INDArray> out = net.outputs(z0, Nd4j.zerosLike(z0));
        Chain chain = flow.bijector(net);
        for (int r = 0; r < 6; r++) {
            double[] z = z0.getRow(r).toDoubleVector();
            assertArrayEquals(chain.forward(z), out.get(PlanarFlow.Z).getRow(r).toDoubleVector(), 1e-5);
            assertEquals(chain.forwardLogDetJacobian(z), out.get(PlanarFlow.LOG_DET).getDouble(r), 1e-5);
        }
    }

    /**
     * The surrogate loss mean(z_K·∇U(z_K) − log-det) fed ∇U from a first pass has the free energy's gradient: against
     * central differences, in double precision through the bijector, of F(θ) = mean(−log-det + U(z_K)) at fixed z₀.
     */
    @Test
    void theSurrogateLossHasTheFreeEnergysGradient() {
        PlanarFlow flow = new PlanarFlow(2, 3);
        Differentiable u = Energy2d.U3.potential();
        ExprNet net = new ExprNet(flow.program(), Updates.adam(1e-3), 9);
        INDArray z0 = BijectorContractTestData.gaussianRows(8, 2, 4);
        INDArray zk = net.outputs(z0, Nd4j.zerosLike(z0)).get(PlanarFlow.Z);
        INDArray g = Nd4j.zerosLike(z0);
        for (int r = 0; r < 8; r++) {
            g.putRow(r, Nd4j.createFromArray(u.gradient(zk.getRow(r).toDoubleVector())).castTo(g.dataType()));
        }
        net.gradient(z0, g);
        float[] analytic = net.gradients().toFloatVector();
        INDArray theta = net.params();
        double h = 1e-3;
        for (int k = 0; k < theta.length(); k++) {
            double t = theta.getDouble(k);
            theta.putScalar(k, t + h);
            double up = freeEnergy(flow.bijector(net), u, z0);
            theta.putScalar(k, t - h);
            double down = freeEnergy(flow.bijector(net), u, z0);
            theta.putScalar(k, t);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, analytic[k], 2e-3 * Math.max(1, Math.abs(numeric)), "parameter " + k);
        }
    }

    private static double freeEnergy(Bijector f, Differentiable u, INDArray z0) {
        double s = 0;
        for (int r = 0; r < z0.rows(); r++) {
            double[] z = z0.getRow(r).toDoubleVector();
            s += -f.forwardLogDetJacobian(z) + u.value(f.forward(z));
        }
        return s / z0.rows();
    }

    @Test
    void fittingLowersTheKl() {
        PlanarFlow flow = new PlanarFlow(2, 4);
        Energy2d e = Energy2d.U1;
        double logZ = e.logNormalizer();
        PlanarFlow.Fit fit = new PlanarFlow.Fit(Updates.adam(1e-2), 300, 64, 100);
        ExprNet before = new ExprNet(flow.program(), fit.updates(), 2);
        ExprNet after = flow.fit(e.potential(), fit, 2);
        double klBefore = PlanarFlow.reverseKl(flow.bijector(before), e.potential(), logZ, 2000, 1);
        double klAfter = PlanarFlow.reverseKl(flow.bijector(after), e.potential(), logZ, 2000, 1);
        assertTrue(klAfter >= -0.05, "a KL estimate of " + klAfter + " is below zero beyond its noise");
        assertTrue(klAfter < klBefore - 0.5, "KL " + klBefore + " -> " + klAfter);
    }
}
