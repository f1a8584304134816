package dev.primer.prob.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.flow.Jacobians;
import dev.primer.prob.mcmc.Chains;
import dev.primer.prob.mcmc.Samples;
import dev.primer.prob.targets.Gaussian;
import dev.primer.prob.targets.Ring;
import dev.primer.random.SplitMix64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NiceProposalTest {
    /** An untrained proposal: random shears as the network initialises them. */
    private static NiceProposal randomProposal(dev.primer.prob.LogDensity target, long seed) {
        ExprNet net = new ExprNet(ProposalTraining.program(2, 8), Updates.adam(1e-3), seed);
        return new NiceProposal(target, ProposalTraining.shear(net, "m1"), ProposalTraining.shear(net, "m2"),
                ProposalTraining.shear(net, "m3"));
    }

    @Test
    void inverseUndoesForwardAndTheMapPreservesVolume() {
        NiceProposal k = randomProposal(new Ring(2, 0.2), 1);
        SplitMix64 rng = SplitMix64.seeded(2);
        for (int trial = 0; trial < 20; trial++) {
            double[] z = new double[4];
            for (int i = 0; i < 4; i++) {
                z[i] = 2 * rng.nextGaussianBoxMuller();
            }
            NiceProposal.Point p = new NiceProposal.Point(new double[] {z[0], z[1]}, new double[] {z[2], z[3]});
            NiceProposal.Point back = k.inverse(k.forward(p));
            assertArrayEquals(p.x(), back.x(), 1e-9);
            assertArrayEquals(p.v(), back.v(), 1e-9);
            assertEquals(0, logAbsJacobianDeterminant(k, z), 1e-5, "log |det ∂f| at " + java.util.Arrays.toString(z));
        }
    }

    @Test
    void theSamplingForwardPassMatchesTheTrainedProgram() {
        ExprNet net = new ExprNet(ProposalTraining.program(2, 8), Updates.adam(1e-3), 3);
        NiceProposal k = new NiceProposal(new Ring(2, 0.2), ProposalTraining.shear(net, "m1"),
                ProposalTraining.shear(net, "m2"), ProposalTraining.shear(net, "m3"));
        double[][] x = {{0.3, -1.2}, {2.0, 0.5}};
        double[][] v = {{1.1, 0.4}, {-0.7, -2.0}};
        INDArray zero = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 2);
        Map<String, INDArray> out = net.outputs(Nd4j.create(x).castTo(zero.dataType()),
                Nd4j.create(v).castTo(zero.dataType()), zero, zero, zero, zero);
        for (int i = 0; i < 2; i++) {
            NiceProposal.Point f = k.forward(new NiceProposal.Point(x[i], v[i]));
            NiceProposal.Point b = k.inverse(new NiceProposal.Point(x[i], v[i]));
            assertArrayEquals(out.get("xf").getRow(i).toDoubleVector(), f.x(), 1e-4);
            assertArrayEquals(out.get("vf").getRow(i).toDoubleVector(), f.v(), 1e-4);
            assertArrayEquals(out.get("xb").getRow(i).toDoubleVector(), b.x(), 1e-4);
            assertArrayEquals(out.get("vb").getRow(i).toDoubleVector(), b.v(), 1e-4);
        }
    }

    @Test
    void anUntrainedProposalStillSamplesTheTargetExactly() {
        // Exactness does not depend on the shears: random ones must give N(0, diag(1, 4))'s moments.
        Gaussian target = Gaussian.diagonal(new double[] {1, -2}, new double[] {1, 2});
        Samples s = Chains.run(randomProposal(target, 4), 2, 4, 500, 5000, 5, 1);
        for (int j = 0; j < 2; j++) {
            double sd = Math.sqrt(target.variance()[j]);
            double ess = s.ess(j);
            // Mean within 4 Monte Carlo standard errors sd/√ESS; variance within 4 of its standard error sd²·√(2/ESS).
            assertEquals(target.mean()[j], s.mean(j), 4 * sd / Math.sqrt(ess), "mean " + j);
            double var = Math.pow(Samples.sd(s.component(j)), 2);
            assertEquals(target.variance()[j], var, 4 * sd * sd * Math.sqrt(2 / ess), "variance " + j);
        }
    }

    /** log |det ∂f/∂(x, v)| by central differences. */
    private static double logAbsJacobianDeterminant(NiceProposal k, double[] z) {
        double h = 1e-5;
        double[][] jac = new double[4][4];
        for (int c = 0; c < 4; c++) {
            double[] plus = z.clone();
            double[] minus = z.clone();
            plus[c] += h;
            minus[c] -= h;
            double[] fp = flat(k.forward(point(plus)));
            double[] fm = flat(k.forward(point(minus)));
            for (int r = 0; r < 4; r++) {
                jac[r][c] = (fp[r] - fm[r]) / (2 * h);
            }
        }
        return Jacobians.logAbsDet(jac);
    }

    private static NiceProposal.Point point(double[] z) {
        return new NiceProposal.Point(new double[] {z[0], z[1]}, new double[] {z[2], z[3]});
    }

    private static double[] flat(NiceProposal.Point p) {
        return new double[] {p.x()[0], p.x()[1], p.v()[0], p.v()[1]};
    }
}
