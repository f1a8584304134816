package dev.primer.experiments.nn;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.data.Datasets;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Finite-sample expressivity (Zhang et al. 2017, §4, Theorem 1): the explicit depth-2 ReLU network with 2n + d
 * weights ({@link ZhangNetwork}) built in double precision through the first n Fashion-MNIST training images
 * (d = 784, pixels in [0, 1]) with targets drawn from N(0, 1), evaluated as a network on every image; the error and
 * the condition number κ₁ of the triangular system against n. Construction, not training. Theorem 1 leaves each
 * bias anywhere inside its gap; the run builds the network twice, with the biases at the midpoints and at a tenth of
 * each gap, because that choice alone moves κ₁ by orders of magnitude ({@link ZhangNetwork#biases}).
 */
public final class FiniteSampleExpressivity extends NamedExperiment<FiniteSampleExpressivity.Metrics> {
    /** Where the biases sit in their gaps: the midpoints, and a tenth of the way. */
    static final double[] BIAS_POSITIONS = {0.5, 0.1};

    /**
     * One construction.
     *
     * @param biasPosition    where each bias sits in its gap (0.5: the midpoint)
     * @param n               points fitted
     * @param parameters      the network's weights, 2n + d
     * @param maxAbsError     max over the points of |c(xᵢ) − yᵢ|
     * @param conditionNumber κ₁ of the lower-triangular system A·w = y
     * @param minGap          the smallest gap between consecutive projections a·xᵢ
     * @param maxAbsWeight    the largest |wⱼ|
     */
    public record Row(double biasPosition, int n, int parameters, double maxAbsError, double conditionNumber,
                      double minGap, double maxAbsWeight) {
    }

    /**
     * The results.
     *
     * @param inputDim d, pixels per image
     * @param rows     one construction per n
     */
    public record Metrics(int inputDim, List<Row> rows) {
    }

    /** Builds the network through (x, y) with biases at {@code position} of their gaps and measures it. */
    static Row construct(double[][] x, double[] y, long seed, double position) {
        ZhangNetwork net = ZhangNetwork.fit(x, y, seed, position);
        double maxError = 0;
        for (int i = 0; i < x.length; i++) {
            maxError = Math.max(maxError, Math.abs(net.apply(x[i]) - y[i]));
        }
        double[] z = ZhangNetwork.Projection.of(net.a(), x).z();
        double minGap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < z.length; i++) {
            minGap = Math.min(minGap, z[i] - z[i - 1]);
        }
        return new Row(position, x.length, net.parameters(), maxError, ZhangNetwork.conditionNumber(z, net.b()),
                minGap, Arrays.stream(net.w()).map(Math::abs).max().orElse(0));
    }

    /** The experiment, as the registry lists it. */
    public FiniteSampleExpressivity() {
        super("finite-sample-expressivity",
                "Zhang et al. 2017 Thm. 1: an explicit depth-2 ReLU net with 2n+d weights fits n Fashion-MNIST images "
                        + "with random real targets exactly; error and conditioning against n");
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        int[] sizes = ctx.pick(new int[] {100, 250, 500, 1000}, new int[] {100, 250, 500, 1000, 2000, 5000});
        int most = sizes[sizes.length - 1];
        double[][] images = Datasets.fashionMnist(Datasets.Split.TRAIN, most).features().reshape(most, -1)
                .toDoubleMatrix();
        SplitMix64 rng = SplitMix64.seeded(ctx.seed());
        double[] targets = new double[most];
        for (int i = 0; i < most; i++) {
            targets[i] = rng.nextGaussianBoxMuller();
        }
        List<Row> rows = new ArrayList<>();
        List<Plots.Series> kappa = new ArrayList<>();
        List<Plots.Series> errors = new ArrayList<>();
        double[] ns = IntStream.of(sizes).asDoubleStream().toArray();
        for (double position : BIAS_POSITIONS) {
            List<Row> these = new ArrayList<>();
            for (int n : sizes) {
                these.add(construct(Arrays.copyOf(images, n), Arrays.copyOf(targets, n), ctx.seed(), position));
            }
            rows.addAll(these);
            String label = String.format(Locale.ROOT, "biases at %.1f of each gap", position);
            kappa.add(new Plots.Series("kappa_1(A), " + label, ns,
                    these.stream().mapToDouble(Row::conditionNumber).toArray()));
            errors.add(new Plots.Series("max error, " + label, ns,
                    these.stream().mapToDouble(Row::maxAbsError).toArray()));
            errors.add(new Plots.Series("kappa_1(A) * 2^-53, " + label, ns,
                    these.stream().mapToDouble(r -> r.conditionNumber() * 0x1p-53).toArray()));
        }
        kappa.add(new Plots.Series("1 / smallest projection gap", ns,
                rows.stream().limit(sizes.length).mapToDouble(r -> 1 / r.minGap()).toArray()));
        String conditioning = Plots.logLines(ctx.dir(), "conditioning.png",
                "Zhang et al. construction on Fashion-MNIST: conditioning of A w = y", "points n",
                "condition number", true, kappa);
        String error = Plots.logLines(ctx.dir(), "max-error.png",
                "Zhang et al. construction: max |c(x_i) - y_i| in double precision", "points n", "error", true,
                errors);
        Row at1000 = rows.stream().filter(r -> r.n() == 1000 && r.biasPosition() == 0.5).findFirst().orElseThrow();
        Row last = rows.get(sizes.length - 1);
        Row lastTenth = rows.get(rows.size() - 1);
        String headline = String.format(Locale.ROOT, "With 2n+d = %d weights the network fits n = 1,000 Fashion-MNIST "
                        + "images with N(0,1) targets to max error %.2g (biases at the midpoints); at n = %,d "
                        + "(%d weights) the error is %.2g and kappa_1 %.3g, against %.2g and %.3g with each bias a "
                        + "tenth into its gap.", at1000.parameters(), at1000.maxAbsError(), last.n(), last.parameters(),
                last.maxAbsError(), last.conditionNumber(), lastTenth.maxAbsError(), lastTenth.conditionNumber());
        return new Outcome<>(new Metrics(images[0].length, rows), List.of(conditioning, error), headline);
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.REPRESENT, "A depth-2 ReLU network with 2n + d weights fits any n labelled points"
                        + " exactly.", "Zhang et al. 2017, Thm. 1", "an exact fit (a theorem)", "rows");
    }

    /** Reproduced when every fit with midpoint biases is exact to 1e-6 (targets are N(0, 1)), partly when one is. */
    @Override
    public Verdict judge(Metrics m) {
        List<Row> mid = m.rows().stream().filter(r -> r.biasPosition() == 0.5).toList();
        long exact = mid.stream().filter(r -> r.maxAbsError() <= 1e-6).count();
        return Verdict.of(!mid.isEmpty() && exact == mid.size(), exact > 0);
    }
}
