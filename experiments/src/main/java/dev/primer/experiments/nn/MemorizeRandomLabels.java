package dev.primer.experiments.nn;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.SettingsExperiment;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.train.Evaluations;
import dev.primer.nn.train.Trainer;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Zhang et al. 2017, "Understanding deep learning requires rethinking generalization", §2: the same
 * convnet fits true labels, random labels, shuffled pixels and Gaussian-noise images to 100% training
 * accuracy; random labels only take longer (their Fig. 1a). With a fraction p of the labels corrupted
 * (p = 0, 0.2, …, 1) it still fits every level, the steps to fit grow with p (Fig. 1b) and the test error
 * climbs to chance, 90% for ten classes, at p = 1 (Fig. 1c).
 */
public final class MemorizeRandomLabels extends SettingsExperiment<MemorizeRandomLabels.Metrics, MemorizeRandomLabels.Settings> {
    private static final int BATCH = 64;
    private static final String TRAIN_ACCURACY = "train_accuracy";

    /** The four corruptions of §2 that this experiment runs. */
    public enum Condition {
        /** The dataset as it is. */
        TRUE_LABELS,
        /** Every label replaced by a uniformly random class. */
        RANDOM_LABELS,
        /** One random permutation of the pixels applied to every image. */
        SHUFFLED_PIXELS,
        /** Images replaced by Gaussian noise with the dataset's mean and variance. */
        GAUSSIAN
    }

    /**
     * How one condition's training ended.
     *
     * @param reached            whether it reached 100% training accuracy within the epochs
     * @param steps              optimiser steps taken
     * @param finalTrainAccuracy training accuracy at the end
     */
    public record Fit(@JsonProperty("reached_100pct") boolean reached, long steps, double finalTrainAccuracy) {
    }

    /**
     * One label-corruption level's fit (Zhang et al. Fig. 1b and 1c).
     *
     * @param corruption         probability p that a label was replaced by a uniformly random class
     * @param reached            whether it reached 100% training accuracy within the epochs
     * @param steps              optimiser steps taken
     * @param epochs             passes over the training images taken
     * @param finalTrainAccuracy training accuracy at the end (on the corrupted labels)
     * @param testError          error on the true labels of the test images at the end
     */
    public record Level(double corruption, @JsonProperty("reached_100pct") boolean reached, long steps, long epochs,
                        double finalTrainAccuracy, double testError) {
        /** This level's fit in the four conditions' form. */
        Fit asFit() {
            return new Fit(reached, steps, finalTrainAccuracy);
        }
    }

    /**
     * How much to run.
     *
     * @param examples         training images (the first ones of Fashion-MNIST's training split)
     * @param maxEpochs        epochs each run may use to reach 100% training accuracy
     * @param corruptionLevels label-corruption levels p, increasing, from 0 (true labels) to 1 (random labels)
     * @param testExamples     test images the test error is measured on
     */
    public record Settings(int examples, int maxEpochs, double[] corruptionLevels, int testExamples) {
        /** Rejects settings that cannot run or that lack the true-label and random-label ends. */
        public Settings {
            if (examples < 1 || maxEpochs < 1 || testExamples < 1) {
                throw new IllegalArgumentException("need examples, maxEpochs, testExamples >= 1; got " + examples
                        + ", " + maxEpochs + ", " + testExamples);
            }
            double[] p = corruptionLevels;
            boolean increasing = p.length >= 2 && p[0] == 0 && p[p.length - 1] == 1;
            for (int i = 1; i < p.length && increasing; i++) {
                increasing = p[i] > p[i - 1];
            }
            if (!increasing) {
                throw new IllegalArgumentException("corruption levels must increase from 0 to 1, got "
                        + Arrays.toString(p));
            }
        }

        /** The quick budget: true and random labels on 512 images, test error on 2,000. */
        public static Settings quick() {
            return new Settings(512, 250, new double[] {0, 1}, 2000);
        }

        /** Zhang et al.'s Fig. 1b/1c grid, p = 0, 0.2, …, 1, on 8,192 images, test error on all 10,000. */
        public static Settings full() {
            return new Settings(8192, 400, new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, 10_000);
        }
    }

    /**
     * The results: the data and budget, then each condition's fit (in result.json as {@code true_labels_steps}
     * and so on), then every label-corruption level's (true labels are level 0, random labels level 1).
     *
     * @param examples         training images
     * @param batchSize        minibatch size
     * @param maxEpochs        epochs each condition may use
     * @param trueLabels       the fit to the true labels
     * @param randomLabels     the fit to uniformly random labels
     * @param shuffledPixels   the fit to images under one fixed pixel permutation
     * @param gaussian         the fit to Gaussian-noise images
     * @param labelCorruption  every corruption level's fit and test error, by increasing level
     */
    public record Metrics(int examples, int batchSize, int maxEpochs,
                          @JsonUnwrapped(prefix = "true_labels_") Fit trueLabels,
                          @JsonUnwrapped(prefix = "random_labels_") Fit randomLabels,
                          @JsonUnwrapped(prefix = "shuffled_pixels_") Fit shuffledPixels,
                          @JsonUnwrapped(prefix = "gaussian_") Fit gaussian,
                          List<Level> labelCorruption) {
        /** Steps on random labels over steps on true labels, when both reached 100%. */
        public OptionalDouble ratioRandomToTrue() {
            return trueLabels.reached() && randomLabels.reached()
                    ? OptionalDouble.of((double) randomLabels.steps() / trueLabels.steps()) : OptionalDouble.empty();
        }

        /** The ratio as result.json holds it: left out when undefined. */
        @JsonProperty("ratio_random_to_true")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        private Double ratioInResultJson() {
            OptionalDouble r = ratioRandomToTrue();
            return r.isPresent() ? r.getAsDouble() : null;
        }
    }

    /** The experiment memorize-random-labels. */
    public MemorizeRandomLabels() {
        super("memorize-random-labels",
                "Zhang et al. 2017: a convnet reaches 100% training accuracy on true labels, random labels, "
                + "shuffled pixels and Gaussian noise, and at every label-corruption level (Fashion-MNIST subset)",
                Settings.quick(), Settings.full());
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        ArrayDataset base = Datasets.fashionMnist(Datasets.Split.TRAIN, s.examples());
        ArrayDataset test = Datasets.fashionMnist(Datasets.Split.TEST, s.testExamples());
        int n = base.size();
        List<Plots.Series> curves = new ArrayList<>();
        List<Level> levels = new ArrayList<>();
        for (double p : s.corruptionLevels()) {
            List<double[]> curve = new ArrayList<>();
            Trainer.Result r = fitToFull(corruptLabels(base, p, ctx.seed()), s.maxEpochs(), ctx.seed(), curve);
            long epochs = (r.state().step() * BATCH + n - 1) / n;
            levels.add(new Level(p, reached(r), r.state().step(), epochs, r.metrics().get(TRAIN_ACCURACY),
                    1 - Evaluations.accuracy(r.net(), test, 1000)));
            curves.add(series(String.format(Locale.ROOT, "labels corrupted, p = %.1f", p), curve));
        }
        Fit shuffled = fitImages(base, Condition.SHUFFLED_PIXELS, s.maxEpochs(), ctx.seed(), curves);
        Fit gaussian = fitImages(base, Condition.GAUSSIAN, s.maxEpochs(), ctx.seed(), curves);
        Level first = levels.get(0);
        Level last = levels.get(levels.size() - 1);
        Metrics metrics = new Metrics(n, BATCH, s.maxEpochs(), first.asFit(), last.asFit(), shuffled, gaussian,
                List.copyOf(levels));
        double[] p = s.corruptionLevels();
        List<String> plots = List.of(
                Plots.lines(ctx.dir(), "train-accuracy.png", "Memorisation: training accuracy (" + n
                        + " Fashion-MNIST images)", "step", "training accuracy", curves),
                Plots.lines(ctx.dir(), "fit-time.png", "Time to fit against label corruption (Zhang et al. Fig. 1b)",
                        "label corruption p", "steps to 100% training accuracy", List.of(new Plots.Series("convnet, "
                                + n + " images", p, levels.stream().mapToDouble(Level::steps).toArray()))),
                Plots.lines(ctx.dir(), "test-error.png", "Test error against label corruption (Zhang et al. Fig. 1c)",
                        "label corruption p", "test error", List.of(
                                new Plots.Series("convnet", p, levels.stream().mapToDouble(Level::testError).toArray()),
                                new Plots.Series("chance (0.9)", new double[] {0, 1}, new double[] {0.9, 0.9}))));
        List<Double> missed = levels.stream().filter(l -> !l.reached()).map(Level::corruption).toList();
        String fitted = missed.isEmpty() ? "fits every label-corruption level " + levelList(p)
                + " to 100% training accuracy" : "misses 100% training accuracy within " + s.maxEpochs()
                + " epochs at p = " + missed;
        String headline = String.format(Locale.ROOT, "On %d images the convnet %s; steps to fit go from %d (p = 0)"
                        + " to %d (p = 1) and test error from %.1f%% to %.1f%% (chance 90%%).", n, fitted,
                first.steps(), last.steps(), 100 * first.testError(), 100 * last.testError());
        return new Outcome<>(metrics, plots, headline);
    }

    /** The fit to {@code base}'s images under condition {@code c}, its training curve added to {@code curves}. */
    private static Fit fitImages(ArrayDataset base, Condition c, int maxEpochs, long seed,
                                 List<Plots.Series> curves) {
        List<double[]> curve = new ArrayList<>();
        Trainer.Result r = fitToFull(corrupt(base, c, seed), maxEpochs, seed, curve);
        curves.add(series(c.name().toLowerCase(Locale.ROOT), curve));
        return new Fit(reached(r), r.state().step(), r.metrics().get(TRAIN_ACCURACY));
    }

    /**
     * Trains a fresh reference convnet (Adam 1e-3, batch 64) on {@code data} until its training accuracy is 100%,
     * at most {@code maxEpochs} epochs, checking after every epoch and adding (step, accuracy) to {@code curve}.
     */
    static Trainer.Result fitToFull(ArrayDataset data, int maxEpochs, long seed, List<double[]> curve) {
        int stepsPerEpoch = (data.size() + BATCH - 1) / BATCH;
        Trainer trainer = new Trainer(Trainer.Config.of(BATCH, maxEpochs, seed)
                .withEvalEvery(stepsPerEpoch)
                .withTarget(new Trainer.Target(TRAIN_ACCURACY, 1.0)));
        return trainer.run(
                () -> Net.of(Networks.convnet(new ImageShape(1, 28, 28), 10, Updates.adam(1e-3), seed)),
                data, (net, step) -> {
                    double acc = Evaluations.accuracy(net, data, 512);
                    curve.add(new double[] {step, acc});
                    return Map.of(TRAIN_ACCURACY, acc);
                });
    }

    /**
     * Zhang et al. §2's partially corrupted labels: independently with probability {@code p} each label is replaced
     * by a uniformly random class (which may be the true one), with randomness derived from {@code seed}.
     */
    static ArrayDataset corruptLabels(ArrayDataset base, double p, long seed) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("corruption level must be in [0, 1], got " + p);
        }
        SplitMix64 rng = new SplitMix64(seed ^ Double.doubleToLongBits(p) * 0x5DEECE66DL);
        int[] y = base.classes();
        for (int i = 0; i < y.length; i++) {
            if (rng.nextDouble() < p) {
                y[i] = rng.nextIntModulo(base.numClasses());
            }
        }
        return ArrayDataset.of(base.features(), y, base.numClasses());
    }

    private static boolean reached(Trainer.Result r) {
        return r.stop() == Trainer.Stop.TARGET_REACHED;
    }

    private static Plots.Series series(String name, List<double[]> points) {
        return new Plots.Series(name, points.stream().mapToDouble(q -> q[0]).toArray(),
                points.stream().mapToDouble(q -> q[1]).toArray());
    }

    private static String levelList(double[] p) {
        return "p = " + Arrays.stream(p).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v))
                .collect(Collectors.joining(", "));
    }

    /** The dataset under condition {@code c}, with randomness derived from {@code seed}. */
    static ArrayDataset corrupt(ArrayDataset base, Condition c, long seed) {
        SplitMix64 rng = new SplitMix64(seed ^ (0x5DEECE66DL * (c.ordinal() + 1)));
        return switch (c) {
            case TRUE_LABELS -> base;
            case RANDOM_LABELS -> corruptLabels(base, 1, seed);
            case SHUFFLED_PIXELS -> {
                int pixels = (int) (base.features().length() / base.size());
                int[] perm = new int[pixels];
                for (int i = 0; i < pixels; i++) {
                    perm[i] = i;
                }
                rng.shuffle(perm);
                INDArray flat = base.features().reshape(base.size(), pixels);
                INDArray shuffled = flat.getColumns(perm);
                yield base.withFeatures(shuffled.reshape(base.features().shape()));
            }
            case GAUSSIAN -> {
                double mean = base.features().meanNumber().doubleValue();
                double std = base.features().stdNumber().doubleValue();
                float[] x = new float[(int) base.features().length()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (mean + std * rng.nextGaussianBoxMuller());
                }
                yield base.withFeatures(Nd4j.create(x, base.features().shape(), DataType.FLOAT));
            }
        };
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.REPRESENT, "A convnet reaches 100% training accuracy on true labels, random labels,"
                        + " shuffled pixels and Gaussian noise, and at every level of label corruption.",
                "Zhang et al. 2017, §2, Fig. 1", "100% training accuracy in every condition (CIFAR-10, Fig. 1a)",
                "random_labels_final_train_accuracy", "random_labels_steps", "true_labels_steps");
    }

    /** Reproduced when all four conditions and every corruption level fit; partly when random labels do. */
    @Override
    public Verdict judge(Metrics m) {
        boolean all = Stream.of(m.trueLabels(), m.randomLabels(), m.shuffledPixels(), m.gaussian()).allMatch(Fit::reached)
                && m.labelCorruption().stream().allMatch(Level::reached);
        return Verdict.of(all, m.randomLabels().reached());
    }
}
