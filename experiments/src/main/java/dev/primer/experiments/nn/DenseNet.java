package dev.primer.experiments.nn;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.SettingsExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.Networks.DenseNetSpec;
import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.train.Evaluations;
import dev.primer.nn.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Huang et al. 2017, "Densely connected convolutional networks": a DenseNet-BC (growth 12, three dense blocks of 6
 * bottleneck layers, compression 0.5) with less than half the reference convnet's parameters reaches at least its
 * test accuracy on Fashion-MNIST. Both nets train side by side with the same optimiser (Adam 1e-3, batch 64),
 * images and epochs; test accuracy against epochs.
 */
public final class DenseNet extends SettingsExperiment<DenseNet.Metrics, DenseNet.Settings> {
    private static final int BATCH = 64;
    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);
    /** DenseNet-BC with k = 12 (Huang et al. Table 2's smallest BC growth rate), 3 blocks of 6 layers: depth 40. */
    static final DenseNetSpec SPEC = new DenseNetSpec(12, new int[] {6, 6, 6});

    /**
     * How much to run.
     *
     * @param examples     training images (the first of the training split)
     * @param testExamples test images
     * @param epochs       epochs for each net
     * @param evals        test evaluations per epoch
     */
    public record Settings(int examples, int testExamples, int epochs, int evals) {
        /** The quick budget: 768 images (12 steps), one epoch, 500 test images. */
        public static Settings quick() {
            return new Settings(768, 500, 1, 1);
        }

        /** The full budget: all 60,000 images for 3 epochs, all 10,000 test images. */
        public static Settings full() {
            return new Settings(60_000, 10_000, 3, 1);
        }
    }

    /**
     * One net's run.
     *
     * @param params            parameters as DL4J counts them (batch norms' running statistics included)
     * @param finalTestAccuracy test accuracy at the end
     * @param bestTestAccuracy  best test accuracy at any evaluation
     * @param seconds           wall-clock seconds of training and its evaluations (side by side on one machine)
     */
    public record Arm(long params, double finalTestAccuracy, double bestTestAccuracy, double seconds) {
    }

    /**
     * The results.
     *
     * @param examples      training images
     * @param epochs        epochs for each net
     * @param growth        DenseNet growth rate k
     * @param blockLayers   bottleneck layers per dense block
     * @param paramRatio    DenseNet parameters over the convnet's
     * @param reproduced    DenseNet-BC's final test accuracy ≥ the convnet's, with ≤ half its parameters
     * @param convnet       the reference convnet
     * @param densenet      the DenseNet-BC
     */
    public record Metrics(int examples, int epochs, int growth, List<Integer> blockLayers, double paramRatio,
                          boolean reproduced,
                          @JsonUnwrapped(prefix = "convnet_") Arm convnet,
                          @JsonUnwrapped(prefix = "densenet_") Arm densenet) {
    }

    /** The reference convnet. */
    static Net convnet(long seed) {
        return Net.of(Networks.convnet(SHAPE, 10, Updates.adam(1e-3), seed));
    }

    /** The DenseNet-BC of {@link #SPEC}. */
    static Net densenet(long seed) {
        return Net.of(Networks.denseNetBc(SPEC, SHAPE, 10, Updates.adam(1e-3), seed));
    }

    /** The experiment, as the registry lists it. */
    public DenseNet() {
        super("densenet", "Huang et al. 2017: a DenseNet-BC at under half the convnet's parameters matches its"
                + " Fashion-MNIST test accuracy", Settings.quick(), Settings.full());
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        List<Plots.Series> curves = new ArrayList<>();
        ArrayDataset train = Datasets.fashionMnist(Datasets.Split.TRAIN, s.examples());
        ArrayDataset test = Datasets.fashionMnist(Datasets.Split.TEST, s.testExamples());
        Arm conv = train(() -> convnet(ctx.seed()), "reference convnet", train, test, s, ctx.seed(), curves);
        Arm dense = train(() -> densenet(ctx.seed()), "DenseNet-BC", train, test, s, ctx.seed(), curves);
        double ratio = (double) dense.params() / conv.params();
        boolean reproduced = ratio <= 0.5 && dense.finalTestAccuracy() >= conv.finalTestAccuracy();
        Metrics m = new Metrics(train.size(), s.epochs(), SPEC.growth(), Arrays.stream(SPEC.layers()).boxed().toList(),
                ratio, reproduced, conv, dense);
        String plot = Plots.lines(ctx.dir(), "test-accuracy.png", String.format(Locale.ROOT,
                        "DenseNet-BC (%d params) vs convnet (%d), %d Fashion-MNIST images",
                        dense.params(), conv.params(), train.size()), "epoch", "test accuracy", curves);
        String headline = String.format(Locale.ROOT, "With %.0f%% of the convnet's parameters (%d vs %d) the"
                        + " DenseNet-BC reaches %.2f%% test accuracy against the convnet's %.2f%% after %d epoch(s) on"
                        + " %d images.", 100 * ratio, dense.params(), conv.params(),
                100 * dense.finalTestAccuracy(), 100 * conv.finalTestAccuracy(), s.epochs(), train.size());
        return new Outcome<>(m, List.of(plot), headline);
    }

    /** Trains one net, adding its test-accuracy curve (against epochs) to {@code curves}. */
    private static Arm train(Supplier<Net> fresh, String label, ArrayDataset train, ArrayDataset test, Settings s,
                             long seed, List<Plots.Series> curves) {
        int stepsPerEpoch = (train.size() + BATCH - 1) / BATCH;
        int every = Math.max(1, stepsPerEpoch / s.evals());
        List<double[]> points = new ArrayList<>();
        long start = System.nanoTime();
        Trainer.Result r = new Trainer(Trainer.Config.of(BATCH, s.epochs(), seed).withEvalEvery(every)).run(fresh,
                train, (net, step) -> {
                    double acc = Evaluations.accuracy(net, test, 500);
                    points.add(new double[] {(double) step / stepsPerEpoch, acc});
                    return Map.of("test_accuracy", acc);
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] acc = points.stream().mapToDouble(p -> p[1]).toArray();
        curves.add(new Plots.Series(label, points.stream().mapToDouble(p -> p[0]).toArray(), acc));
        return new Arm(r.net().model().numParams(), acc[acc.length - 1], Arrays.stream(acc).max().orElse(Double.NaN),
                seconds);
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.CONVNETS, "A DenseNet-BC matches a conventional convnet's accuracy with under half"
                        + " its parameters.", "Huang et al. 2017, Fig. 4", "DenseNet-BC matches ResNet accuracy at"
                        + " ~1/3 of the parameters (CIFAR/ImageNet)", "param_ratio", "densenet_final_test_accuracy",
                "convnet_final_test_accuracy");
    }

    /** Reproduced as {@code reproduced} says; partly when at ≤ half the parameters it is within a point. */
    @Override
    public Verdict judge(Metrics m) {
        return Verdict.of(m.reproduced(), m.paramRatio() <= 0.5
                && m.densenet().finalTestAccuracy() >= m.convnet().finalTestAccuracy() - 0.01);
    }
}
