package dev.primer.experiments.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.seq.SketchRnn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sketch-RNN's data, drawings and verdict. */
class SketchRnnExperimentTest {
    private static final float[][] L = {{0, 0, 0}, {0, 2, 0}, {1, 0, 1}};
    private static final float[][] BAR = {{0, 0, 0}, {1, 0, 1}};

    @Test
    void penUpMovesAreNotDrawnAndTracesFollowTheSegments() {
        float[][] twoBars = {{0, 0, 0}, {1, 0, 1}, {0, 5, 0}, {1, 0, 1}};
        List<double[]> segs = Drawings.segments(twoBars);
        assertEquals(2, segs.size());
        assertEquals(List.of(1.0, 5.0, 2.0, 5.0), List.of(segs.get(1)[0], segs.get(1)[1], segs.get(1)[2],
                segs.get(1)[3]));
        Plots.Tile t = Drawings.tile("", twoBars, 20);
        float ink = 0;
        for (float p : t.pixels()) {
            ink += 1 - p;
        }
        assertTrue(ink > 0 && ink < 60, "two short bars, not the pen-up jump between them: " + ink);
    }

    @Test
    void chamferIsZeroForTheSameDrawingAndGrowsWithTheDifference() {
        assertEquals(0, Drawings.chamfer(L, L), 1e-12);
        double bar = Drawings.chamfer(L, BAR);
        float[][] far = {{10, 10, 0}, {1, 0, 1}};
        assertTrue(bar > 0 && bar < Drawings.chamfer(L, far), "L vs bar " + bar);
        assertEquals(Double.POSITIVE_INFINITY, Drawings.chamfer(L, new float[0][]));
    }

    @Test
    void glyphsAreSplitWithoutOverlapAndScaledToUnitOffsets() {
        SketchRnnExperiment.Settings s = new SketchRnnExperiment.Settings(16, 4, 4, 2, 2, 8, 1, 1, 1e-3, 0.99, 50,
                5);
        var data = SketchRnnExperiment.data(s, 3);
        assertEquals(50, data.test().size());
        assertTrue(data.train().size() > 1000, "train " + data.train().size());
        assertTrue(data.train().stream().noneMatch(data.test()::contains));
        double sq = 0;
        long n = 0;
        for (float[][] g : data.train()) {
            assertTrue(g.length <= 16);
            for (float[] p : g) {
                sq += (p[0] / data.scale()) * (p[0] / data.scale()) + (p[1] / data.scale()) * (p[1] / data.scale());
                n += 2;
            }
        }
        assertTrue(sq / n > 0.9 && sq / n < 1.3, "mean squared normalised offset " + sq / n);
        float[] row = data.model().stroke5(data.test().get(0), data.scale());
        assertEquals(SketchRnn.POINT * 17, row.length);
    }

    private static SketchRnnExperiment.Metrics metrics(double lr, double unconditional, double endpoints) {
        return new SketchRnnExperiment.Metrics(2000, 200, 10, lr, 0.3, unconditional, endpoints, 1, 2, 60);
    }

    @Test
    void judgedByTheLatentCodesGainAndTheInterpolationEndpoints() {
        SketchRnnExperiment e = new SketchRnnExperiment();
        assertEquals(Verdict.REPRODUCED, e.judge(metrics(-0.2, 0.1, 0.95)));
        assertEquals(Verdict.PARTLY, e.judge(metrics(-0.2, 0.1, 0.6)));
        assertEquals(Verdict.PARTLY, e.judge(metrics(0.3, 0.1, 0.95)));
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(metrics(0.3, 0.1, 0.5)));
    }
}
