package dev.primer.cluster;

import dev.primer.nn.Net;
import dev.primer.nn.train.Checkpoint;
import dev.primer.nn.train.TrainState;
import dev.primer.rl.alphago.PolicyAccuracy;
import dev.primer.rl.alphago.PolicyBatches;
import dev.primer.rl.alphago.ShippedCorpus;
import dev.primer.rl.alphago.SlPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.api.TrainingHook;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingWorker;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Data-parallel training of AlphaGo's SL policy network ({@link SlPolicy}) on Spark with dl4j-spark's parameter
 * averaging (synchronous: every round each of W workers takes F minibatches of B/W positions from the round's
 * parameters, then parameters and Adam's moments are averaged; McDonald et al. 2010, "iterative parameter mixing").
 * A step is W minibatches, so a run of S steps sees the S x B positions of the single-machine run of S steps of B.
 * The network, the split of the shipped corpus, the order and the one random symmetry per example and epoch
 * ({@link PolicyBatches#plan}), the evaluation and the checkpoint are the single-machine trainer's. The driver ships
 * only row indices and symmetries; each executor builds its minibatches from its own copy of the shipped corpus.
 */
public final class SlPolicyJob {
    /** Training positions of each run's split, built once per JVM (the driver's, or an executor's on first use). */
    private static final Map<SlPolicy.Config, PolicyBatches> TRAINING = new ConcurrentHashMap<>();

    private SlPolicyJob() {
    }

    /**
     * A distributed run.
     *
     * @param config             the single-machine run it reproduces (tower, batch B, Adam, steps, evaluation, seed)
     * @param workers            W, the data-parallel workers (Spark tasks per round)
     * @param averagingFrequency F, minibatches each worker takes between two averagings
     */
    public record Plan(SlPolicy.Config config, int workers, int averagingFrequency) {
        /** Rejects plans that cannot run. */
        public Plan {
            if (workers < 1 || averagingFrequency < 1) {
                throw new IllegalArgumentException("need --workers >= 1 and --averaging-frequency >= 1; got "
                        + workers + " and " + averagingFrequency);
            }
            if (config.batchSize() % workers != 0) {
                throw new IllegalArgumentException("the batch of " + config.batchSize() + " positions does not split "
                        + "evenly over " + workers + " workers");
            }
        }

        /** Positions per worker minibatch, B / W. */
        public int workerBatch() {
            return config.batchSize() / workers;
        }
    }

    /**
     * A finished run.
     *
     * @param data           the split trained and tested on
     * @param untrained      the test split, one view, before training
     * @param test           the test split, one view
     * @param testSymmetries the test split, the 8 symmetric views averaged
     * @param steps          steps done (W worker minibatches each)
     * @param positions      training positions seen
     * @param seconds        wall time of the training (the Spark context already started)
     * @param model          the saved network
     */
    public record Report(SlPolicy.Data data, PolicyAccuracy untrained, PolicyAccuracy test,
                         PolicyAccuracy testSymmetries, long steps, long positions, double seconds, Path model) {
    }

    /**
     * Trains {@code plan} on the shipped corpus on {@code sc}, printing each evaluation's progress line to {@code log},
     * and saves the network as {@code out/}{@link SlPolicy#MODEL}.
     */
    public static Report run(JavaSparkContext sc, Plan plan, Path out, PrintWriter log) throws IOException {
        SlPolicy.Config c = plan.config();
        SlPolicy.Data data = SlPolicy.Data.of(c, ShippedCorpus.games(s -> log.println("skipped " + s)));
        TRAINING.put(c, new PolicyBatches(data.train()));
        Files.createDirectories(out);
        ComputationGraph graph = ((Net.Graph) SlPolicy.network(c, ShippedCorpus.SIZE)).net();
        PolicyAccuracy untrained = PolicyAccuracy.of(Net.of(graph), data.test(), false);
        ParameterAveragingTrainingMaster master = new AveragingMaster(new ParameterAveragingTrainingMaster.Builder(
                plan.workers(), plan.workerBatch())
                .batchSizePerWorker(plan.workerBatch())
                .averagingFrequency(plan.averagingFrequency())
                .workerPrefetchNumBatches(0)
                // the minibatches are built in the tasks from row indices: no need to export them to files first
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                // the rounds' minibatches are already spread evenly over the W partitions: no shuffle per round
                .repartionData(Repartition.Never)
                .saveUpdater(true)
                .rngSeed(c.seed()));
        SparkComputationGraph spark = new SparkComputationGraph(sc, graph, master);
        Minibatches batches = new Minibatches(data.train().count(), plan.workerBatch(), c.seed());
        long step = 0;
        long rounds = 0;
        long positions = 0;
        long start = System.nanoTime();
        while (step < c.steps()) {
            long chunk = Math.min(c.evalEvery(), c.steps() - step);
            List<PolicyBatches.Rows> rows = new ArrayList<>();
            for (long i = 0; i < chunk * plan.workers(); i++) {
                PolicyBatches.Rows r = batches.next();
                rows.add(r);
                positions += r.rows().length;
            }
            JavaRDD<DataSet> rdd = sc.parallelize(rows, plan.workers()).map(r -> training(c).batch(r));
            graph = spark.fit(rdd);
            step += chunk;
            // dl4j-spark cuts each fit's W x chunk minibatches into rounds of W x F (the last one may be short)
            rounds += (chunk + plan.averagingFrequency() - 1) / plan.averagingFrequency();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> e = data.evaluate(Net.of(graph));
            log.printf(Locale.ROOT, "step %d/%d (%d rounds, epoch %d): %d positions, %.0f positions/s; train top-1 "
                            + "%.3f, validation top-1 %.3f top-3 %.3f nll %.3f%n", step, c.steps(), rounds,
                    batches.epoch(), positions, positions / seconds,
                    e.get("train_top1"), e.get("validation_top1"), e.get("validation_top3"), e.get("validation_nll"));
            log.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Net net = Net.of(graph);
        Path model = out.resolve(SlPolicy.MODEL);
        TrainState state = new TrainState(step, batches.epoch(), 0, c.seed(), c.batchSize(), c.seed(), Double.NaN, 0,
                spark.getScore());
        Checkpoint.writeWeights(model, net, state);
        return new Report(data, untrained, PolicyAccuracy.of(net, data.test(), false),
                PolicyAccuracy.of(net, data.test(), true), step, positions, seconds, model);
    }

    /** Returns the training minibatches of run {@code c} in this JVM, splitting the shipped corpus on first use. */
    private static PolicyBatches training(SlPolicy.Config c) {
        return TRAINING.computeIfAbsent(c, k -> new PolicyBatches(SlPolicy.Data.of(k, ShippedCorpus.games(s -> { }))
                .train()));
    }

    /**
     * dl4j-spark M2's parameter averaging with Adam's step count kept across rounds. Each round's workers rebuild the
     * network from a clone of its configuration, and {@code ComputationGraphConfiguration.clone()} (DL4J M2.1) drops
     * the iteration count: every round would restart Adam's bias correction (Kingma and Ba 2015, Algorithm 1) at
     * t = 0 on the averaged, non-zero moments and shrink its steps to 0.15-0.3 of the single-machine ones (measured:
     * the distributed run learnt about 4x slower). Each round's workers get a hook that sets the count to the driver's.
     */
    private static final class AveragingMaster extends ParameterAveragingTrainingMaster {
        AveragingMaster(Builder builder) {
            super(builder);
        }

        @Override
        public ParameterAveragingTrainingWorker getWorkerInstance(SparkComputationGraph graph) {
            trainingHookList = List.of(new StepCount(graph.getNetwork().getConfiguration().getIterationCount()));
            return super.getWorkerInstance(graph);
        }
    }

    /** Before a worker's first minibatch of a round, sets its network's update count to the round's {@code start}. */
    record StepCount(int start) implements TrainingHook {
        @Override
        public void preUpdate(org.nd4j.linalg.dataset.api.DataSet minibatch, Model model) {
            set(model);
        }

        @Override
        public void preUpdate(MultiDataSet minibatch, Model model) {
            set(model);
        }

        @Override
        public void postUpdate(org.nd4j.linalg.dataset.api.DataSet minibatch, Model model) {
        }

        @Override
        public void postUpdate(MultiDataSet minibatch, Model model) {
        }

        private void set(Model model) {
            ComputationGraphConfiguration conf = ((ComputationGraph) model).getConfiguration();
            if (conf.getIterationCount() < start) {
                conf.setIterationCount(start);
            }
        }
    }

    /** The worker minibatches of one epoch after another, each epoch in the order {@link PolicyBatches#plan} fixes. */
    private static final class Minibatches {
        private final int n;
        private final int batch;
        private final long seed;
        private int epoch;
        private Iterator<PolicyBatches.Rows> current;

        Minibatches(int n, int batch, long seed) {
            this.n = n;
            this.batch = batch;
            this.seed = seed;
            this.current = PolicyBatches.plan(n, batch, seed, 0);
        }

        PolicyBatches.Rows next() {
            if (!current.hasNext()) {
                epoch++;
                current = PolicyBatches.plan(n, batch, seed, epoch);
            }
            return current.next();
        }

        int epoch() {
            return epoch;
        }
    }
}
