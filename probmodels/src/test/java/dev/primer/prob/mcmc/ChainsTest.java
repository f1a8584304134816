package dev.primer.prob.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.primer.prob.targets.Gaussian;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Chains are reproducible from the seed alone and pure kernels replay from any state. */
class ChainsTest {
    private final Gaussian g = Gaussian.correlated2d(1, 1, 0.5);

    @Test
    void drawsDependOnTheSeedNotTheThreadCount() {
        Samples one = Chains.run(Nuts.of(g), 2, 3, 50, 50, 7, 1);
        Samples three = Chains.run(Nuts.of(g), 2, 3, 50, 50, 7, 3);
        for (int c = 0; c < 3; c++) {
            for (int t = 0; t < 50; t++) {
                assertArrayEquals(one.draws()[c][t], three.draws()[c][t]);
            }
        }
        assertFalse(Arrays.equals(one.draws()[0][49], one.draws()[1][49]), "chains differ");
    }

    @Test
    void stepIsAPureFunctionOfTheState() {
        Nuts k = Nuts.of(g);
        HamiltonianState s = k.init(new double[] {0.5, -0.5}, 100, 11);
        for (int i = 0; i < 30; i++) {
            s = k.step(s);
        }
        HamiltonianState a = k.step(s);
        HamiltonianState b = k.step(s);
        assertArrayEquals(a.position(), b.position());
        assertEquals(a.transition(), b.transition());
        assertEquals(a.adaptation().stepSize(), b.adaptation().stepSize());
    }
}
