package dev.primer.rl.alphago;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.features.InputPlanes;
import dev.primer.go.features.Plane;
import dev.primer.nn.Net;
import dev.primer.nn.train.Checkpoint;
import dev.primer.nn.train.RunDirectory;
import dev.primer.nn.train.StepCsv;
import dev.primer.nn.train.TrainState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class RlTrainingTest {
    private static Net tiny() {
        return SlPolicy.network(new SlPolicy.Config(8, 1, 8, 1e-2, 0, 1, 1, 1, 0, 5), 5);
    }

    @Test
    void labelsMakeTheCrossEntropyGradientZTimesTheLogLikelihoodGradient() {
        float[] p = {0.5f, 0.3f, 0.2f};
        float z = -1;
        float[] label = RlTraining.reinforceLabels(p, 1, z);
        // p - label must be z (p - y), y the one-hot move
        float[] y = {0, 1, 0};
        for (int k = 0; k < 3; k++) {
            assertEquals(z * (p[k] - y[k]), p[k] - label[k], 1e-6);
        }
        assertArrayEquals(new float[] {0, 1, 0}, RlTraining.reinforceLabels(p, 1, 1), 1e-6f);
        assertArrayEquals(p, RlTraining.reinforceLabels(p, 1, 0), 1e-6f, "a jigo teaches nothing");
    }

    @Test
    void aWonMoveBecomesLikelierAndALostOneRarer() {
        float[] planes = InputPlanes.encode(new dev.primer.go.GameState(5, dev.primer.go.Rules.CHINESE, 0.5));
        var x = Nd4j.create(planes, new long[] {1, Plane.COUNT, 5, 5}, 'c');
        for (float z : new float[] {1, -1}) {
            Net net = tiny();
            float before = net.output(x)[0].getFloat(0, 12);
            for (int i = 0; i < 5; i++) {
                RlTraining.step(net, planes, new int[] {12}, new float[] {z}, 5);
            }
            float after = net.output(x)[0].getFloat(0, 12);
            assertTrue(z > 0 ? after > before : after < before, "z " + z + ": " + before + " -> " + after);
        }
    }

    @Test
    void aKilledRunResumesAtItsLastStepAndKeepsItsSnapshots(@TempDir Path dir) throws Exception {
        Path sl = dir.resolve("sl.ckpt");
        Checkpoint.write(sl, tiny(), TrainState.start(1, 1));
        Path out = dir.resolve("rl");
        RlTraining.Config c = new RlTraining.Config(2, 4, 1e-3, 1, 2, 4, 0.5, 3);
        RlTraining.train(c, sl.toString(), 5, out, false);
        List<double[]> log = StepCsv.rows(out.resolve(RunDirectory.TRAIN));
        assertEquals(2, log.size());
        List<double[]> vsSl = RlTraining.train(c.withIterations(3), sl.toString(), 5, out, false);
        log = StepCsv.rows(out.resolve(RunDirectory.TRAIN));
        assertEquals(3, log.size(), "steps 1 and 2 kept, step 3 added");
        assertEquals(3, log.get(2)[0]);
        assertEquals(2, vsSl.size(), "evaluated at step 2 and at the end");
        assertTrue(out.resolve("pool-000003.ckpt").toFile().exists());
        assertTrue(vsSl.stream().allMatch(r -> r[1] >= 0 && r[1] <= 1 && r[2] == 4));
        assertTrue(out.resolve(RlTraining.MODEL).toFile().exists());
    }
}
