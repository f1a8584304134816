package dev.primer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Net;
import dev.primer.nn.train.Checkpoint;
import dev.primer.rl.alphago.PolicyAccuracy;
import dev.primer.rl.alphago.ShippedCorpus;
import dev.primer.rl.alphago.SlPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlPolicyJobTest {
    @Test
    void parameterAveragingLowersTheTestNllAndTheCheckpointLoads(@TempDir Path dir) throws Exception {
        // a 1-block tower of 16 filters, 40 steps of 2 x 16 positions, averaged every 5: 8 rounds in 2 evaluations
        SlPolicy.Config c = new SlPolicy.Config(16, 1, 32, 5e-3, 1e-4, 40, 20, 200, ShippedCorpus.RANDOM_OPENING, 1);
        StringWriter log = new StringWriter();
        SlPolicyJob.Report r;
        try (JavaSparkContext sc = SparkJobs.open("local[2]", "test")) {
            r = SlPolicyJob.run(sc, new SlPolicyJob.Plan(c, 2, 5), dir, new PrintWriter(log, true));
        }
        assertEquals(40, r.steps());
        assertEquals(40 * 32, r.positions(), "fewer than an epoch: every minibatch full");
        // untrained, the net is near uniform over the ~60 legal moves (NLL about log 60 = 4.1)
        assertTrue(r.test().nll() < r.untrained().nll() - 0.1, r.untrained() + " -> " + r.test());
        assertTrue(r.test().top1() > r.untrained().top1() + 0.02, r.untrained() + " -> " + r.test());
        assertTrue(log.toString().contains("step 20/40 (4 rounds, epoch 0)"), log.toString());
        assertTrue(log.toString().contains("step 40/40 (8 rounds, epoch 0)"), log.toString());
        Net loaded = Checkpoint.read(dir.resolve(SlPolicy.MODEL)).net();
        assertEquals(r.test(), PolicyAccuracy.of(loaded, r.data().test(), false), "the checkpoint is the trained net");
    }

    @Test
    void aBatchThatDoesNotSplitOverTheWorkersIsRefused() {
        SlPolicy.Config c = SlPolicy.Config.quick();
        var e = assertThrows(IllegalArgumentException.class, () -> new SlPolicyJob.Plan(c, 3, 5));
        assertTrue(e.getMessage().contains("64 positions does not split evenly over 3 workers"), e.getMessage());
        assertEquals(16, new SlPolicyJob.Plan(c, 4, 5).workerBatch());
    }
}
