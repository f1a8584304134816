package dev.primer.experiments.nn;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.train.Evaluations;
import dev.primer.nn.train.NonFiniteLossException;
import dev.primer.nn.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ioffe and Szegedy 2015, "Batch normalization", §4.2 and Fig. 2: batch norm lets plain SGD use higher learning
 * rates, reaching a test accuracy in fewer steps, and keeps training where the network without it diverges. The
 * reference convnet with and without batch norm, SGD at rates 0.01, 0.1 and 0.5: steps to a test-accuracy
 * threshold, and which runs' loss became NaN/Inf.
 */
public final class BatchNorm extends NamedExperiment<BatchNorm.Metrics> {
    /** The learning rates compared. */
    static final double[] RATES = {0.01, 0.1, 0.5};
    /** Test accuracy at or below which a finite-loss run counts as stuck at chance (10 classes: chance is 0.1). */
    static final double CHANCE = 0.2;

    /**
     * How much training each trial gets.
     *
     * @param batch     minibatch size
     * @param maxSteps  SGD steps at most
     * @param evalEvery steps between test-accuracy evaluations
     * @param threshold the test accuracy whose first crossing is counted
     */
    record Plan(int batch, long maxSteps, int evalEvery, double threshold) {
    }

    /**
     * One training run.
     *
     * @param batchNorm      whether the convnet had batch norm
     * @param lr             SGD learning rate
     * @param seed           initialisation and batch-order seed
     * @param stepsToTarget  the evaluation step at which test accuracy first reached the threshold; -1 if never
     * @param diverged       whether the loss became NaN or infinite
     * @param divergedAtStep the step whose loss was not finite; -1 if none
     * @param finalAccuracy  test accuracy at the end (of the last good parameters, for a diverged run)
     * @param finalLoss      training loss of the last update (the non-finite one, for a diverged run)
     * @param atChance       whether a run that did not diverge still ended at or below {@link #CHANCE} accuracy
     */
    public record Trial(boolean batchNorm, double lr, long seed, long stepsToTarget, boolean diverged,
                        long divergedAtStep, double finalAccuracy, double finalLoss, boolean atChance) {
    }

    /**
     * The results.
     *
     * @param trainImages training images
     * @param testImages  test images the accuracy is measured on
     * @param maxSteps    SGD steps each trial may use
     * @param threshold   test accuracy counted as reached
     * @param trials      every (batch norm, rate, seed) run
     */
    public record Metrics(int trainImages, int testImages, long maxSteps, double threshold, List<Trial> trials) {
    }

    /** The experiment batch-norm. */
    public BatchNorm() {
        super("batch-norm", "Ioffe & Szegedy 2015: the convnet with batch norm trains at SGD rates 0.01-0.5 where"
                + " the one without is slower or diverges (Fashion-MNIST)");
    }

    /**
     * Trains one convnet by SGD at {@code lr} until the test accuracy reaches the plan's threshold or the steps run
     * out; a NaN/Inf loss ends the trial as diverged. Appends (step, test accuracy) to {@code curve}.
     */
    static Trial trial(boolean batchNorm, double lr, long seed, ArrayDataset train, ArrayDataset test, Plan plan,
                       List<double[]> curve) {
        Updates sgd = new Updates(Optimizer.sgd(), LearningRate.constant(lr), 0, 0);
        ImageShape shape = new ImageShape(1, (int) train.features().size(2), (int) train.features().size(3));
        Net net = Net.of(batchNorm ? Networks.convnetBatchNorm(shape, train.numClasses(), sgd, seed)
                : Networks.convnet(shape, train.numClasses(), sgd, seed));
        int epochs = (int) ((plan.maxSteps() * plan.batch() + train.size() - 1) / train.size());
        Trainer trainer = new Trainer(Trainer.Config.of(plan.batch(), Math.max(1, epochs), seed)
                .withMaxSteps(plan.maxSteps())
                .withEvalEvery(plan.evalEvery())
                .withTarget(new Trainer.Target("test_accuracy", plan.threshold())));
        try {
            Trainer.Result r = trainer.run(() -> net, train, (n, step) -> {
                double acc = Evaluations.accuracy(n, test, 500);
                curve.add(new double[] {step, acc});
                return Map.of("test_accuracy", acc);
            });
            boolean reached = r.stop() == Trainer.Stop.TARGET_REACHED;
            double acc = r.metrics().get("test_accuracy");
            return new Trial(batchNorm, lr, seed, reached ? r.state().step() : -1, false, -1, acc,
                    r.state().lastLoss(), acc <= CHANCE);
        } catch (NonFiniteLossException e) {
            return new Trial(batchNorm, lr, seed, -1, true, e.step(), Evaluations.accuracy(net, test, 500),
                    net.score(), false);
        }
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        int n = ctx.pick(2048, 60000);
        int testImages = ctx.pick(500, 1000);
        Plan plan = ctx.pick(new Plan(32, 40, 20, 0.7), new Plan(32, 400, 25, 0.8));
        int seeds = ctx.pick(1, 3);
        ArrayDataset train = Datasets.fashionMnist(Datasets.Split.TRAIN, n);
        ArrayDataset test = Datasets.fashionMnist(Datasets.Split.TEST, testImages);
        List<Trial> trials = new ArrayList<>();
        List<Plots.Series> curves = new ArrayList<>();
        for (boolean bn : new boolean[] {false, true}) {
            for (double lr : RATES) {
                for (int s = 0; s < seeds; s++) {
                    List<double[]> curve = new ArrayList<>();
                    trials.add(trial(bn, lr, ctx.seed() + s, train, test, plan, curve));
                    if (s == 0 && !curve.isEmpty()) {
                        curves.add(new Plots.Series((bn ? "BN" : "no BN") + ", lr " + lr,
                                curve.stream().mapToDouble(p -> p[0]).toArray(),
                                curve.stream().mapToDouble(p -> p[1]).toArray()));
                    }
                }
            }
        }
        String plot = Plots.lines(ctx.dir(), "test-accuracy.png", "SGD with and without batch norm (first seed)",
                "step", "test accuracy", curves);
        Metrics m = new Metrics(n, testImages, plan.maxSteps(), plan.threshold(), trials);
        return new Outcome<>(m, List.of(plot), headline(m, seeds));
    }

    private static String headline(Metrics m, int seeds) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Steps to %.0f%% test accuracy (median over %d seed(s), - if not within %d; x diverged to NaN/Inf,"
                + " c stuck at chance):",
                100 * m.threshold(), seeds, m.maxSteps()));
        for (boolean bn : new boolean[] {false, true}) {
            sb.append(bn ? "; with BN" : " without BN");
            for (double lr : RATES) {
                List<Trial> cell = m.trials().stream().filter(t -> t.batchNorm() == bn && t.lr() == lr).toList();
                long diverged = cell.stream().filter(Trial::diverged).count();
                long stuck = cell.stream().filter(Trial::atChance).count();
                long[] reached = cell.stream().mapToLong(Trial::stepsToTarget).filter(s -> s >= 0).sorted().toArray();
                sb.append(String.format(Locale.ROOT, " lr %s: %s", lr,
                        reached.length * 2 > cell.size() ? Long.toString(reached[cell.size() / 2]) : "-"));
                if (diverged > 0) {
                    sb.append(String.format(Locale.ROOT, " (x%d/%d)", diverged, cell.size()));
                }
                if (stuck > 0) {
                    sb.append(String.format(Locale.ROOT, " (c%d/%d)", stuck, cell.size()));
                }
            }
        }
        return sb.append('.').toString();
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.CONVNETS, "Batch norm lets a convnet train in far fewer steps and at rates where it"
                        + " otherwise fails.", "Ioffe & Szegedy 2015, §4.2, Fig. 2", "Inception: 14× fewer steps to"
                        + " the same accuracy", "threshold", "max_steps");
    }

    /**
     * With each arm at its best rate (median steps to the threshold, never reached counting as infinite): reproduced
     * when batch norm reaches it in at most half the steps, partly when in fewer.
     */
    @Override
    public Verdict judge(Metrics m) {
        double withBn = bestMedianSteps(m, true);
        double without = bestMedianSteps(m, false);
        return Verdict.of(withBn <= without / 2, withBn < without);
    }

    private static double bestMedianSteps(Metrics m, boolean batchNorm) {
        return m.trials().stream().filter(t -> t.batchNorm() == batchNorm).map(Trial::lr).distinct()
                .mapToDouble(lr -> {
                    double[] steps = m.trials().stream().filter(t -> t.batchNorm() == batchNorm && t.lr() == lr)
                            .mapToDouble(t -> t.stepsToTarget() < 0 ? Double.POSITIVE_INFINITY : t.stepsToTarget())
                            .sorted().toArray();
                    return steps[steps.length / 2];
                }).min().orElse(Double.POSITIVE_INFINITY);
    }
}
