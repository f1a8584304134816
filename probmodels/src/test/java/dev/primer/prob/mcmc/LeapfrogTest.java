package dev.primer.prob.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.prob.LogDensity;
import dev.primer.prob.linalg.Vec;
import dev.primer.prob.targets.Banana;
import dev.primer.prob.targets.Gaussian;
import org.junit.jupiter.api.Test;

/** The leapfrog integrator is time-reversible and its energy error is second order in ε. */
class LeapfrogTest {
    private final LogDensity banana = new Banana(3, 0.1);
    private final double[] invMass = {0.5, 1.0, 2.0};
    private final double[] q0 = {1.0, -0.5, 0.3};
    private final double[] p0 = {0.4, 1.1, -0.7};

    @Test
    void forwardThenBackwardReturnsToTheStart() {
        PhasePoint z = Leapfrog.init(banana, q0, p0);
        PhasePoint there = Leapfrog.integrate(banana, z, 0.05, 200, invMass);
        PhasePoint back = Leapfrog.integrate(banana, there.flip(), 0.05, 200, invMass).flip();
        assertArrayEquals(q0, back.q(), 1e-10);
        assertArrayEquals(p0, back.p(), 1e-10);
    }

    @Test
    void energyErrorShrinksFourfoldWhenTheStepHalves() {
        double e1 = maxEnergyError(0.1);
        double e2 = maxEnergyError(0.05);
        double e3 = maxEnergyError(0.025);
        assertEquals(4, e1 / e2, 0.6, "ratio " + e1 / e2);
        assertEquals(4, e2 / e3, 0.6, "ratio " + e2 / e3);
    }

    @Test
    void energyErrorStaysBoundedOverLongRuns() {
        LogDensity g = Gaussian.correlated2d(1, 2, 0.9);
        double[] m = Vec.fill(2, 1);
        PhasePoint z = Leapfrog.init(g, new double[] {1, 1}, new double[] {0.5, -0.5});
        double h0 = z.hamiltonian(m);
        double worst = 0;
        for (int i = 0; i < 20000; i++) {
            z = Leapfrog.step(g, z, 0.2, m);
            worst = Math.max(worst, Math.abs(z.hamiltonian(m) - h0));
        }
        assertTrue(worst < 0.1, "symplectic: no energy drift, worst |ΔH| = " + worst);
    }

    /** The largest |H − H₀| over integration time 2 with step ε. */
    private double maxEnergyError(double eps) {
        PhasePoint z = Leapfrog.init(banana, q0, p0);
        double h0 = z.hamiltonian(invMass);
        double worst = 0;
        int steps = (int) Math.round(2 / eps);
        for (int i = 0; i < steps; i++) {
            z = Leapfrog.step(banana, z, eps, invMass);
            worst = Math.max(worst, Math.abs(z.hamiltonian(invMass) - h0));
        }
        return worst;
    }
}
