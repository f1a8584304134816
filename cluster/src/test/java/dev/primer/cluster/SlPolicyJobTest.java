package dev.primer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Net;
import dev.primer.nn.train.Checkpoint;
import dev.primer.rl.alphago.PolicyAccuracy;
import dev.primer.rl.alphago.PolicyBatches;
import dev.primer.rl.alphago.ShippedCorpus;
import dev.primer.rl.alphago.SlPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.junit.jupiter.api.io.TempDir;

class SlPolicyJobTest {
    @Test
    void parameterAveragingLowersTheTestNllAndTheCheckpointLoads(@TempDir Path dir) throws Exception {
        // a 1-block tower of 16 filters, 40 steps of 2 x 16 positions, averaged every 5: 8 rounds in 2 evaluations
        SlPolicy.Config c = new SlPolicy.Config(16, 1, 32, 5e-3, 1e-4, 40, 20, 200, ShippedCorpus.RANDOM_OPENING, 1);
        StringWriter log = new StringWriter();
        SlPolicyJob.Report r = train("local[2]", new SlPolicyJob.Plan(c, 2, 5), dir, log);
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
    void oneWorkerAveragingEveryRoundIsTheSingleMachineAdamRun(@TempDir Path dir) throws Exception {
        // 1 worker, 2 rounds of 3 minibatches (one fit per round keeps the plan's order): averaging one worker is the
        // identity, so the result is plain Adam over the 6 minibatches, provided round 2 goes on at Adam's step 3
        SlPolicy.Config c = new SlPolicy.Config(8, 1, 16, 1e-2, 1e-4, 6, 3, 50, ShippedCorpus.RANDOM_OPENING, 3);
        SlPolicyJob.Report r = train("local[1]", new SlPolicyJob.Plan(c, 1, 3), dir, new StringWriter());
        Net single = SlPolicy.network(c, ShippedCorpus.SIZE);
        PolicyBatches batches = new PolicyBatches(r.data().train());
        Iterator<PolicyBatches.Rows> plan = PolicyBatches.plan(r.data().train().count(), 16, c.seed(), 0);
        for (int i = 0; i < 6; i++) {
            single.fit(batches.batch(plan.next()));
        }
        INDArray distributed = Checkpoint.read(dir.resolve(SlPolicy.MODEL)).net().params();
        double gap = distributed.sub(single.params()).norm2Number().doubleValue();
        assertTrue(gap < 1e-4 * single.params().norm2Number().doubleValue(), "parameter gap " + gap);
    }

    @Test
    void theStepCountHookOnlyRaisesTheCount() {
        ComputationGraph g = ((Net.Graph) SlPolicy.network(SlPolicy.Config.quick(), ShippedCorpus.SIZE)).net();
        new SlPolicyJob.StepCount(30).preUpdate((MultiDataSet) null, g);
        assertEquals(30, g.getConfiguration().getIterationCount());
        g.getConfiguration().setIterationCount(31);
        new SlPolicyJob.StepCount(30).preUpdate((MultiDataSet) null, g);
        assertEquals(31, g.getConfiguration().getIterationCount(), "within a round the count is the worker's own");
    }

    @Test
    void aBatchThatDoesNotSplitOverTheWorkersIsRefused() {
        SlPolicy.Config c = SlPolicy.Config.quick();
        var e = assertThrows(IllegalArgumentException.class, () -> new SlPolicyJob.Plan(c, 3, 5));
        assertTrue(e.getMessage().contains("64 positions does not split evenly over 3 workers"), e.getMessage());
        assertEquals(16, new SlPolicyJob.Plan(c, 4, 5).workerBatch());
    }

    /** Runs {@code plan} on {@code master} into {@code dir}, logging to {@code log}. */
    private static SlPolicyJob.Report train(String master, SlPolicyJob.Plan plan, Path dir, StringWriter log)
            throws Exception {
        try (JavaSparkContext sc = SparkJobs.open(master, "test")) {
            return SlPolicyJob.run(sc, plan, dir, new PrintWriter(log, true));
        }
    }
}
