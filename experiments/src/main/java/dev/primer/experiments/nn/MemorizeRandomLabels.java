package dev.primer.experiments.nn;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Zhang et al. 2017, "Understanding deep learning requires rethinking generalization", §2: the same
 * convnet fits true labels, random labels, shuffled pixels and Gaussian-noise images to 100% training
 * accuracy; random labels only take longer (their Fig. 1a).
 */
public final class MemorizeRandomLabels extends NamedExperiment<MemorizeRandomLabels.Metrics> {
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
     * The results: the data and budget, then each condition's fit (in result.json as {@code true_labels_steps}
     * and so on).
     *
     * @param examples  training images
     * @param batchSize minibatch size
     * @param maxEpochs epochs each condition may use
     */
    public record Metrics(int examples, int batchSize, int maxEpochs,
                          @JsonUnwrapped(prefix = "true_labels_") Fit trueLabels,
                          @JsonUnwrapped(prefix = "random_labels_") Fit randomLabels,
                          @JsonUnwrapped(prefix = "shuffled_pixels_") Fit shuffledPixels,
                          @JsonUnwrapped(prefix = "gaussian_") Fit gaussian) {
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
                + "shuffled pixels and Gaussian noise (Fashion-MNIST subset)");
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        int n = ctx.pick(1024, 8192);
        int maxEpochs = ctx.pick(250, 400);
        int batch = 64;
        ArrayDataset base = Datasets.fashionMnist(Datasets.Split.TRAIN, n);
        List<Plots.Series> curves = new ArrayList<>();
        Fit[] fits = new Fit[Condition.values().length];
        java.util.EnumSet<Condition> reachedAll = java.util.EnumSet.noneOf(Condition.class);
        for (Condition c : Condition.values()) {
            ArrayDataset data = corrupt(base, c, ctx.seed());
            List<double[]> points = new ArrayList<>();
            int stepsPerEpoch = (n + batch - 1) / batch;
            Trainer trainer = new Trainer(Trainer.Config.of(batch, maxEpochs, ctx.seed())
                    .withEvalEvery(stepsPerEpoch)
                    .withTarget(new Trainer.Target("train_accuracy", 1.0)));
            Trainer.Result r = trainer.run(
                    () -> Net.of(Networks.convnet(new ImageShape(1, 28, 28), 10, Updates.adam(1e-3), ctx.seed())),
                    data, (net, step) -> {
                        double acc = Evaluations.accuracy(net, data, 512);
                        points.add(new double[] {step, acc});
                        return Map.of("train_accuracy", acc);
                    });
            boolean reached = r.stop() == Trainer.Stop.TARGET_REACHED;
            String key = c.name().toLowerCase(Locale.ROOT);
            fits[c.ordinal()] = new Fit(reached, r.state().step(), r.metrics().get("train_accuracy"));
            if (reached) {
                reachedAll.add(c);
            }
            curves.add(new Plots.Series(key, points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray()));
        }
        String plot = Plots.lines(ctx.dir(), "train-accuracy.png",
                "Memorisation: training accuracy (" + n + " Fashion-MNIST images)", "step", "training accuracy",
                curves);
        Metrics metrics = new Metrics(n, batch, maxEpochs, fits[Condition.TRUE_LABELS.ordinal()],
                fits[Condition.RANDOM_LABELS.ordinal()], fits[Condition.SHUFFLED_PIXELS.ordinal()],
                fits[Condition.GAUSSIAN.ordinal()]);
        String headline;
        OptionalDouble ratio = metrics.ratioRandomToTrue();
        if (ratio.isPresent()) {
            headline = String.format(Locale.ROOT, "The convnet fits random labels to 100%% training accuracy in %d"
                    + " steps, %.1fx the %d steps it needs for the true labels.", metrics.randomLabels().steps(),
                    ratio.getAsDouble(), metrics.trueLabels().steps());
        } else {
            headline = "Within " + maxEpochs + " epochs 100% training accuracy was reached for " + reachedAll
                    + " only.";
        }
        return new Outcome<>(metrics, List.of(plot), headline);
    }

    /** The dataset under condition {@code c}, with randomness derived from {@code seed}. */
    static ArrayDataset corrupt(ArrayDataset base, Condition c, long seed) {
        SplitMix64 rng = new SplitMix64(seed ^ (0x5DEECE66DL * (c.ordinal() + 1)));
        return switch (c) {
            case TRUE_LABELS -> base;
            case RANDOM_LABELS -> {
                int[] y = new int[base.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = rng.nextIntModulo(base.numClasses());
                }
                yield ArrayDataset.of(base.features(), y, base.numClasses());
            }
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
}
