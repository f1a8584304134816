package dev.primer.experiments.nn;

import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Experiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.nn.data.Datasets;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finite-sample expressivity (Zhang et al. 2017, §4, Theorem 1): the explicit depth-2 ReLU network with 2n + d
 * weights ({@link ZhangNetwork}) built in double precision through the first n Fashion-MNIST training images
 * (d = 784, pixels in [0, 1]) with targets drawn from N(0, 1), evaluated as a network on every image; the error and
 * the condition number κ₁ of the triangular system against n. Construction, not training.
 */
public final class FiniteSampleExpressivity implements Experiment<FiniteSampleExpressivity.Metrics> {
    /**
     * One construction.
     *
     * @param n               points fitted
     * @param parameters      the network's weights, 2n + d
     * @param maxAbsError     max over the points of |c(xᵢ) − yᵢ|
     * @param conditionNumber κ₁ of the lower-triangular system A·w = y
     * @param minGap          the smallest gap between consecutive projections a·xᵢ
     * @param maxAbsWeight    the largest |wⱼ|
     */
    public record Row(int n, int parameters, double maxAbsError, double conditionNumber, double minGap,
                      double maxAbsWeight) {
    }

    /**
     * The results.
     *
     * @param inputDim d, pixels per image
     * @param rows     one construction per n
     */
    public record Metrics(int inputDim, List<Row> rows) {
    }

    @Override
    public String name() {
        return "finite-sample-expressivity";
    }

    @Override
    public String description() {
        return "Zhang et al. 2017 Thm. 1: an explicit depth-2 ReLU net with 2n+d weights fits n Fashion-MNIST images "
                + "with random real targets exactly; error and conditioning against n";
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
        for (int n : sizes) {
            double[][] x = Arrays.copyOf(images, n);
            double[] y = Arrays.copyOf(targets, n);
            ZhangNetwork net = ZhangNetwork.fit(x, y, ctx.seed());
            double maxError = 0;
            for (int i = 0; i < n; i++) {
                maxError = Math.max(maxError, Math.abs(net.apply(x[i]) - y[i]));
            }
            double[] z = ZhangNetwork.Projection.of(net.a(), x).z();
            double minGap = Double.POSITIVE_INFINITY;
            for (int i = 1; i < n; i++) {
                minGap = Math.min(minGap, z[i] - z[i - 1]);
            }
            rows.add(new Row(n, net.parameters(), maxError, ZhangNetwork.conditionNumber(z, net.b()), minGap,
                    Arrays.stream(net.w()).map(Math::abs).max().orElse(0)));
        }
        double[] ns = rows.stream().mapToDouble(Row::n).toArray();
        String conditioning = Plots.logLines(ctx.dir(), "conditioning.png",
                "Zhang et al. construction on Fashion-MNIST: conditioning of A·w = y", "points n",
                "condition number", true, List.of(
                        new Plots.Series("kappa_1(A)", ns, rows.stream().mapToDouble(Row::conditionNumber).toArray()),
                        new Plots.Series("1 / smallest projection gap", ns,
                                rows.stream().mapToDouble(r -> 1 / r.minGap()).toArray())));
        String error = Plots.logLines(ctx.dir(), "max-error.png",
                "Zhang et al. construction: max |c(x_i) - y_i| in double precision", "points n", "error", true,
                List.of(new Plots.Series("max error", ns, rows.stream().mapToDouble(Row::maxAbsError).toArray()),
                        new Plots.Series("kappa_1(A) * 2^-53", ns,
                                rows.stream().mapToDouble(r -> r.conditionNumber() * 0x1p-53).toArray())));
        Row at1000 = rows.stream().filter(r -> r.n() == 1000).findFirst().orElseThrow();
        Row last = rows.get(rows.size() - 1);
        String headline = String.format(Locale.ROOT, "With 2n+d = %d weights the network fits n = 1,000 Fashion-MNIST "
                        + "images with N(0,1) targets to max error %.2g; at n = %,d (%d weights) the error is %.2g "
                        + "and kappa_1 grows from %.3g at n = %d to %.3g.", at1000.parameters(), at1000.maxAbsError(),
                last.n(), last.parameters(), last.maxAbsError(), rows.get(0).conditionNumber(), rows.get(0).n(),
                last.conditionNumber());
        return new Outcome<>(new Metrics(images[0].length, rows), List.of(conditioning, error), headline);
    }
}
