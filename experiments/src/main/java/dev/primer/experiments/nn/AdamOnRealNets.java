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
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.train.NonFiniteLossException;
import dev.primer.nn.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Kingma &amp; Ba 2015, "Adam: a method for stochastic optimization", Fig. 2 (b): a ReLU MLP 784-1000-1000-10 with a
 * deterministic cost (no dropout) trained on Fashion-MNIST (the paper: MNIST) at minibatch 128 by SGD with Nesterov
 * momentum, RMSprop and Adam. Each method's step size is chosen from a small grid by the lowest final training loss
 * on the first seed; the chosen rate is then run on the other seeds, and the plot shows the median training loss
 * over seeds with the lowest and highest as a band.
 */
public final class AdamOnRealNets extends SettingsExperiment<AdamOnRealNets.Metrics, AdamOnRealNets.Settings> {
    private static final int BATCH = 128;
    private static final int PIXELS = 28 * 28;

    /** The three update rules compared, each with its step-size grid. */
    public enum Method {
        /** SGD with Nesterov momentum 0.9 (Sutskever et al. 2013). */
        NESTEROV("SGD Nesterov", Optimizer.nesterov(0.9), new double[] {0.03, 0.1, 0.3}),
        /** RMSprop with decay 0.9 (Tieleman &amp; Hinton 2012), ε 1e-8. */
        RMSPROP("RMSprop", Optimizer.rmsprop(0.9, 1e-8), new double[] {3e-4, 1e-3, 3e-3}),
        /** Adam with the paper's β1 0.9, β2 0.999, ε 1e-8 (Kingma &amp; Ba Algorithm 1). */
        ADAM("Adam", Optimizer.adam(), new double[] {3e-4, 1e-3, 3e-3});

        private final String label;
        private final Optimizer optimizer;
        private final double[] grid;

        Method(String label, Optimizer optimizer, double[] grid) {
            this.label = label;
            this.optimizer = optimizer;
            this.grid = grid;
        }

        /** The step sizes tried, smallest first. */
        public double[] grid() {
            return grid.clone();
        }

        /** This method at constant step size {@code lr}, no penalty or clipping. */
        public Updates updates(double lr) {
            return new Updates(optimizer, LearningRate.constant(lr), 0, 0);
        }
    }

    /**
     * How much to run.
     *
     * @param examples  training images (the first of the training split)
     * @param hidden    hidden-layer widths
     * @param steps     updates per run
     * @param evalEvery steps between two measurements of the training loss
     * @param probe     training images the loss is measured on
     * @param seeds     seeds of the chosen step size (the first also runs the grid)
     */
    public record Settings(int examples, int[] hidden, int steps, int evalEvery, int probe, int seeds) {
        /** The quick budget: 128-128 units, 4,096 images, 120 steps, one seed. */
        public static Settings quick() {
            return new Settings(4096, new int[] {128, 128}, 120, 20, 1024, 1);
        }

        /** The full budget: the paper's 1000-1000 units on all 60,000 images, 1,500 steps (3.2 epochs), 3 seeds. */
        public static Settings full() {
            return new Settings(60_000, new int[] {1000, 1000}, 1500, 100, 2048, 3);
        }
    }

    /**
     * One method's result.
     *
     * @param grid         step sizes tried
     * @param gridLoss     final training loss of each step size on the first seed (NaN: diverged)
     * @param chosenLr     the step size with the lowest final loss
     * @param medianLoss   median final training loss over the seeds at the chosen step size
     * @param minLoss      lowest final training loss over the seeds
     * @param maxLoss      highest final training loss over the seeds
     */
    public record Arm(List<Double> grid, List<Double> gridLoss, double chosenLr, double medianLoss, double minLoss,
                      double maxLoss) {
    }

    /**
     * The results.
     *
     * @param examples training images
     * @param hidden   hidden-layer widths
     * @param steps    updates per run
     * @param seeds    seeds per method at its chosen step size
     * @param nesterov SGD with Nesterov momentum
     * @param rmsprop  RMSprop
     * @param adam     Adam
     */
    public record Metrics(int examples, List<Integer> hidden, int steps, int seeds,
                          @JsonUnwrapped(prefix = "nesterov_") Arm nesterov,
                          @JsonUnwrapped(prefix = "rmsprop_") Arm rmsprop,
                          @JsonUnwrapped(prefix = "adam_") Arm adam) {
    }

    /** The experiment, as the registry lists it. */
    public AdamOnRealNets() {
        super("adam-on-real-nets", "Kingma & Ba 2015 Fig. 2: MLP 784-1000-1000-10 on Fashion-MNIST, training loss of"
                + " SGD Nesterov, RMSprop and Adam at their best grid step sizes",
                Settings.quick(), Settings.full());
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        ArrayDataset images = Datasets.fashionMnist(Datasets.Split.TRAIN, s.examples());
        ArrayDataset train = images.withFeatures(images.features().reshape(images.size(), PIXELS));
        DataSet probe = train.head(s.probe()).asDataSet();
        List<Plots.Series> curves = new ArrayList<>();
        Arm[] arms = new Arm[Method.values().length];
        for (Method method : Method.values()) {
            double[] grid = method.grid();
            double[][] gridCurves = new double[grid.length][];
            for (int i = 0; i < grid.length; i++) {
                gridCurves[i] = lossCurve(train, probe, s, method.updates(grid[i]), ctx.seed());
            }
            double[] gridFinal = Arrays.stream(gridCurves).mapToDouble(c -> c[c.length - 1]).toArray();
            int best = argminFinite(gridFinal);
            List<double[]> seeds = new ArrayList<>(List.of(gridCurves[best]));
            for (int k = 1; k < s.seeds(); k++) {
                seeds.add(lossCurve(train, probe, s, method.updates(grid[best]), ctx.seed() + k));
            }
            double[][] band = band(seeds);
            double[] steps = new double[band[0].length];
            Arrays.setAll(steps, j -> (double) j * s.evalEvery());
            String label = String.format(Locale.ROOT, "%s lr %.2g", method.label, grid[best]);
            curves.add(new Plots.Series(label + ", median", steps, band[0]));
            if (s.seeds() > 1) {
                curves.add(new Plots.Series(label + ", min", steps, band[1]));
                curves.add(new Plots.Series(label + ", max", steps, band[2]));
            }
            int last = steps.length - 1;
            arms[method.ordinal()] = new Arm(Arrays.stream(grid).boxed().toList(),
                    Arrays.stream(gridFinal).boxed().toList(), grid[best], band[0][last], band[1][last],
                    band[2][last]);
        }
        Metrics m = new Metrics(train.size(), Arrays.stream(s.hidden()).boxed().toList(), s.steps(), s.seeds(),
                arms[0], arms[1], arms[2]);
        String plot = Plots.logLines(ctx.dir(), "training-loss.png", "MLP 784-" + join(s.hidden()) + "-10, "
                        + train.size() + " Fashion-MNIST images, " + s.seeds() + " seed(s)",
                "step", "training loss (cross-entropy)", false, curves);
        String headline = String.format(Locale.ROOT, "After %d steps the median training loss is %.4f for SGD"
                        + " Nesterov (lr %.2g), %.4f for RMSprop (lr %.2g) and %.4f for Adam (lr %.2g).", s.steps(),
                m.nesterov().medianLoss(), m.nesterov().chosenLr(), m.rmsprop().medianLoss(), m.rmsprop().chosenLr(),
                m.adam().medianLoss(), m.adam().chosenLr());
        return new Outcome<>(m, List.of(plot), headline);
    }

    /**
     * The training loss on {@code probe} at step 0 and every {@code s.evalEvery()} steps of one run; a run whose
     * loss turns non-finite is cut there and its remaining points are NaN.
     */
    private static double[] lossCurve(ArrayDataset train, DataSet probe, Settings s, Updates updates, long seed) {
        MultiLayerNetwork mlp = Networks.mlp(PIXELS, s.hidden(), Networks.Head.softmax(10), updates, seed);
        double[] curve = new double[s.steps() / s.evalEvery() + 1];
        Arrays.fill(curve, Double.NaN);
        curve[0] = mlp.score(probe, false);
        try {
            new Trainer(Trainer.Config.of(BATCH, Integer.MAX_VALUE, seed).withMaxSteps(s.steps())
                    .withEvalEvery(s.evalEvery())).run(() -> Net.of(mlp), train, (net, step) -> {
                        double loss = mlp.score(probe, false);
                        curve[(int) (step / s.evalEvery())] = loss;
                        return Map.of("train_loss", loss);
                    });
        } catch (NonFiniteLossException diverged) {
            return curve; // diverged: the points after the last finite loss stay NaN
        }
        return curve;
    }

    /** The index of the smallest finite value of {@code finalLoss} (non-finite ones count as diverged). */
    static int argminFinite(double[] finalLoss) {
        int best = -1;
        for (int i = 0; i < finalLoss.length; i++) {
            if (Double.isFinite(finalLoss[i]) && (best < 0 || finalLoss[i] < finalLoss[best])) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("every step size of the grid diverged: " + Arrays.toString(finalLoss));
        }
        return best;
    }

    /** Pointwise median, minimum and maximum of equally long {@code curves}: rows 0, 1 and 2. */
    static double[][] band(List<double[]> curves) {
        int n = curves.get(0).length;
        double[][] out = new double[3][n];
        for (int j = 0; j < n; j++) {
            int col = j;
            double[] v = curves.stream().mapToDouble(c -> c[col]).sorted().toArray();
            int k = v.length;
            out[0][j] = k % 2 == 1 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
            out[1][j] = v[0];
            out[2][j] = v[k - 1];
        }
        return out;
    }

    private static String join(int[] widths) {
        return String.join("-", Arrays.stream(widths).mapToObj(Integer::toString).toList());
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.OPTIMISE, "On a multilayer net Adam's training loss falls at least as fast as SGD"
                        + " Nesterov's and RMSprop's.", "Kingma & Ba 2015, Fig. 2", "Adam lowest (MNIST MLP, dropout)",
                "adam_median_loss", "nesterov_median_loss", "rmsprop_median_loss");
    }

    /** Reproduced when Adam's median loss is the lowest of the three, partly when it beats one of the others. */
    @Override
    public Verdict judge(Metrics m) {
        double adam = m.adam().medianLoss();
        return Verdict.of(adam <= Math.min(m.nesterov().medianLoss(), m.rmsprop().medianLoss()),
                adam <= Math.max(m.nesterov().medianLoss(), m.rmsprop().medianLoss()));
    }
}
