package dev.primer.experiments.nn;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.Networks.TowerHeads;
import dev.primer.nn.Networks.TowerSpec;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.train.Evaluations;
import dev.primer.nn.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * He et al. 2016, "Deep residual learning for image recognition", Fig. 1 and Fig. 4: a deeper plain stack of 3×3
 * convolutions trains worse than a shallower one (the degradation problem), while the same stack with identity
 * shortcuts does not. Plain and residual towers of depth 8 and 32 on Fashion-MNIST shrunk to 14×14, SGD with
 * momentum; training error against steps, and the gradient norm of the first block's convolution over the last
 * block's at initialisation.
 */
public final class Residual extends NamedExperiment<Residual.Metrics> {
    /** The two depths compared, counted as He et al. count theirs (6n + 2): stem, 2 per block, classifier. */
    static final int[] DEPTHS = {8, 32};

    /**
     * One tower's run.
     *
     * @param params            trainable parameters
     * @param gradRatioAtInit   ‖∂L/∂W‖ of the first block's first convolution over that of the last block's second
     *                          convolution, on one batch at initialisation
     * @param finalTrainError   error on the training probe at the end
     * @param testError         error on the test images at the end
     */
    public record Run(long params, double gradRatioAtInit, double finalTrainError, double testError) {
    }

    /**
     * The results.
     *
     * @param trainImages training images (14×14)
     * @param filters     channels of every convolution
     * @param steps       SGD steps per tower
     */
    public record Metrics(int trainImages, int filters, long steps,
                          @JsonUnwrapped(prefix = "plain8_") Run plain8,
                          @JsonUnwrapped(prefix = "plain32_") Run plain32,
                          @JsonUnwrapped(prefix = "residual8_") Run residual8,
                          @JsonUnwrapped(prefix = "residual32_") Run residual32) {
    }

    /** The experiment residual. */
    public Residual() {
        super("residual", "He et al. 2016 Fig. 1: plain 3x3 stacks degrade from depth 8 to 32, residual ones do not"
                + " (Fashion-MNIST 14x14)");
    }

    /** The tower of {@code depth} (= 2·blocks + 2), residual or plain, classifying 10 classes of 1×size×size. */
    static ComputationGraph tower(int depth, boolean residual, int size, int filters, Updates updates, long seed) {
        if (depth < 4 || depth % 2 != 0) {
            throw new IllegalArgumentException("depth counts stem, 2 per block and classifier: even and >= 4, got "
                    + depth);
        }
        TowerSpec spec = new TowerSpec(1, size, filters, (depth - 2) / 2, 10, 0, TowerHeads.POLICY);
        return residual ? Networks.residualTower(spec, updates, seed) : Networks.plainTower(spec, updates, seed);
    }

    /**
     * ‖∂L/∂W‖ of the first block's first convolution over the last block's second convolution, for the loss on
     * {@code batch} (the quantity whose collapse would signal vanishing gradients, He et al. §4.1).
     */
    static double gradRatio(ComputationGraph g, ArrayDataset batch) {
        g.setInputs(batch.features());
        g.setLabels(batch.labels());
        g.computeGradientAndScore();
        int last = (int) g.getConfiguration().getVertices().keySet().stream()
                .filter(k -> k.matches("res\\d+_a_conv")).count() - 1;
        double first = g.gradient().getGradientFor("res0_a_conv_W").norm2Number().doubleValue();
        double lastNorm = g.gradient().getGradientFor("res" + last + "_b_conv_W").norm2Number().doubleValue();
        return first / lastNorm;
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        int n = ctx.pick(1536, 8192);
        int filters = 8;
        int epochs = ctx.pick(1, 2);
        int batch = 64;
        int evalEvery = ctx.pick(8, 16);
        ArrayDataset train = Images.halve(Datasets.fashionMnist(Datasets.Split.TRAIN, n));
        ArrayDataset test = Images.halve(Datasets.fashionMnist(Datasets.Split.TEST, ctx.pick(500, 2000)));
        ArrayDataset probe = train.head(ctx.pick(512, 1000));
        Updates updates = new Updates(Optimizer.momentum(0.9), LearningRate.constant(0.05), 0, 0);
        List<Plots.Series> curves = new ArrayList<>();
        Run[] runs = new Run[4];
        long steps = 0;
        int k = 0;
        for (boolean residual : new boolean[] {false, true}) {
            for (int depth : DEPTHS) {
                ComputationGraph g = tower(depth, residual, 14, filters, updates, ctx.seed());
                double ratio = gradRatio(g, train.head(batch));
                List<double[]> points = new ArrayList<>();
                Trainer.Result r = new Trainer(Trainer.Config.of(batch, epochs, ctx.seed()).withEvalEvery(evalEvery))
                        .run(() -> Net.of(g), train, (net, step) -> {
                            double err = 1 - Evaluations.accuracy(net, probe, 500);
                            points.add(new double[] {step, err});
                            return Map.of("train_error", err);
                        });
                steps = r.state().step();
                double testError = 1 - Evaluations.accuracy(r.net(), test, 500);
                runs[k++] = new Run(g.numParams(), ratio, points.get(points.size() - 1)[1], testError);
                curves.add(new Plots.Series((residual ? "residual-" : "plain-") + depth,
                        points.stream().mapToDouble(p -> p[0]).toArray(),
                        points.stream().mapToDouble(p -> p[1]).toArray()));
            }
        }
        String plot = Plots.lines(ctx.dir(), "train-error.png", "Plain vs residual 3x3 stacks (Fashion-MNIST 14x14, "
                + n + " images)", "step", "training error", curves);
        Metrics m = new Metrics(n, filters, steps, runs[0], runs[1], runs[2], runs[3]);
        return new Outcome<>(m, List.of(plot), String.format(Locale.ROOT,
                "Training error after %d steps: plain-8 %.1f%%, plain-32 %.1f%%, residual-8 %.1f%%, residual-32 %.1f%%;"
                + " gradient norm first/last block at init: plain-32 %.2f, residual-32 %.2f.", steps,
                100 * m.plain8().finalTrainError(), 100 * m.plain32().finalTrainError(),
                100 * m.residual8().finalTrainError(), 100 * m.residual32().finalTrainError(),
                m.plain32().gradRatioAtInit(), m.residual32().gradRatioAtInit()));
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.CONVNETS, "Deeper plain stacks train worse (degradation); residual ones do not.",
                "He et al. 2016, Fig. 1 and Fig. 6", "CIFAR-10: plain-56 above plain-20 in training error, ResNets"
                        + " not", "plain8_final_train_error", "plain32_final_train_error",
                "residual8_final_train_error", "residual32_final_train_error");
    }

    /**
     * Reproduced when plain-32's training error is ≥ 5 points above plain-8's and residual-32's at most 2 points above
     * residual-8's; partly when only the plain stack degrades.
     */
    @Override
    public Verdict judge(Metrics m) {
        boolean degrades = m.plain32().finalTrainError() - m.plain8().finalTrainError() >= 0.05;
        boolean residualHolds = m.residual32().finalTrainError() - m.residual8().finalTrainError() <= 0.02;
        return Verdict.of(degrades && residualHolds, degrades);
    }
}
