package dev.primer.experiments.prob;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The density pictures' orientation: z₁ to the right, z₂ upwards, brightest pixel white. */
class PlanarFlows2dTest {
    @Test
    void aDensityPeakedUpperRightIsBrightestThere() {
        int side = 8;
        float[] px = PlanarFlows2d.picture(z -> -((z[0] - 3.5) * (z[0] - 3.5) + (z[1] - 3.5) * (z[1] - 3.5)), side);
        int best = 0;
        for (int i = 1; i < px.length; i++) {
            best = px[i] > px[best] ? i : best;
        }
        assertEquals(side - 1, best % side, "column of the peak");
        assertEquals(0, best / side, "row of the peak");
        assertEquals(1f, px[best]);
    }
}
