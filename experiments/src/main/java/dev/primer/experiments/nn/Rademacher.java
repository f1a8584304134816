package dev.primer.experiments.nn;

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
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The empirical Rademacher complexity R̂ₙ(H) = E_σ[sup_{h∈H} (1/n) Σᵢ σᵢ h(xᵢ)] (Zhang et al. 2017, §2.2) on a
 * two-class Fashion-MNIST task (classes 0–4 against 5–9), and the bound it gives, with probability 1 − δ,
 * test error ≤ training loss + 2R̂ₙ(loss class) + 3√(ln(2/δ)/(2n)) (Mohri, Rostamizadeh and Talwalkar 2018,
 * "Foundations of Machine Learning", ch. 3; the margin bound of ch. 5 for the linear class). For the convnet, whose outputs h ∈ {±1} have 0–1 loss (1 − yh)/2, the loss class has R̂ₙ(H)/2, and
 * R̂ₙ(H) is estimated by fitting random signs σ: a fit to training accuracy a gives (1/n) Σ σᵢ h(xᵢ) = 2a − 1, so
 * R̂ ≈ 1 and the bound exceeds 1. For softmax regression's logit difference f(x) = ⟨w, x⟩ + c the class
 * {‖w‖₂ ≤ B, |c| ≤ C} has the exact supremum (B‖Σᵢ σᵢ xᵢ‖₂ + C|Σᵢ σᵢ|)/n, at most (B√(Σᵢ ‖xᵢ‖²) + C√n)/n by
 * Jensen's inequality (Kakade, Sridharan and Tewari 2008), and with the ramp loss at margin 1 (1-Lipschitz,
 * Talagrand's lemma) the bound can fall below 1 once n is large. B and C are the trained classifier's own, so the
 * bound is for the class they pick out (a union over a grid of B and C would add a log log term).
 */
public final class Rademacher extends SettingsExperiment<Rademacher.Metrics, Rademacher.Settings> {
    private static final int BATCH = 64;
    private static final int PIXELS = 28 * 28;
    /** Monte Carlo draws of σ for the linear class's exact supremum. */
    private static final int LINEAR_DRAWS = 200;
    /** Confidence of the bounds: they hold with probability 1 − δ. */
    private static final double DELTA = 0.05;

    /**
     * How much to run.
     *
     * @param convnetSizes  training-set sizes n for the convnet
     * @param draws         draws of σ fitted by the convnet at each n
     * @param maxEpochs     epochs a convnet fit may use to reach 100% training accuracy
     * @param linearSizes   training-set sizes n for softmax regression
     * @param linearEpochs  epochs of softmax regression
     * @param testExamples  test images
     */
    public record Settings(int[] convnetSizes, int draws, int maxEpochs, int[] linearSizes, int linearEpochs,
                           int testExamples) {
        /** The quick budget: the convnet at n = 256 with one draw, softmax regression up to n = 16,384. */
        public static Settings quick() {
            return new Settings(new int[] {256}, 1, 100, new int[] {256, 1024, 4096, 16_384}, 5, 2000);
        }

        /** The full budget: the convnet at n = 256, 512, 1,024 with three draws, softmax regression up to 60,000. */
        public static Settings full() {
            return new Settings(new int[] {256, 512, 1024}, 3, 200, new int[] {256, 1024, 4096, 16_384, 60_000}, 10,
                    10_000);
        }
    }

    /**
     * The convnet at one training-set size.
     *
     * @param n           training images
     * @param rademacher  mean over draws of 2a − 1, a the training accuracy on the random signs
     * @param trainError  training error on the true labels
     * @param testError   test error
     * @param bound       training error + R̂ + 3√(ln(2/δ)/(2n))
     */
    public record ConvnetAt(int n, double rademacher, double trainError, double testError, double bound) {
    }

    /**
     * Softmax regression at one training-set size.
     *
     * @param n            training images
     * @param weightNorm   B = ‖w‖₂ of the logit difference
     * @param biasNorm     C = |c| of the logit difference
     * @param rademacher   (B E_σ‖Σ σᵢ xᵢ‖₂ + C E_σ|Σ σᵢ|)/n by Monte Carlo over σ
     * @param closedForm   (B√(Σ ‖xᵢ‖²) + C√n)/n
     * @param trainRamp    training ramp loss at margin 1, mean of min(1, max(0, 1 − y f(x)))
     * @param trainError   training error
     * @param testError    test error
     * @param bound        training ramp loss + 2R̂ + 3√(ln(2/δ)/(2n))
     */
    public record LinearAt(int n, double weightNorm, double biasNorm, double rademacher, double closedForm,
                           double trainRamp, double trainError, double testError, double bound) {
    }

    /**
     * The results.
     *
     * @param delta    the bounds hold with probability 1 − δ
     * @param draws    random-sign draws fitted by the convnet at each size
     * @param convnet  the convnet at each size
     * @param linear   softmax regression at each size
     */
    public record Metrics(double delta, int draws, List<ConvnetAt> convnet, List<LinearAt> linear) {
    }

    /** The experiment, as the registry lists it. */
    public Rademacher() {
        super("rademacher",
                "Zhang et al. 2017 §2.2: the convnet's empirical Rademacher complexity is about 1 (a vacuous bound); "
                        + "softmax regression's closed form, both beside the measured test error",
                Settings.quick(), Settings.full());
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        long seed = ctx.seed();
        int largest = Math.max(Arrays.stream(s.convnetSizes()).max().orElse(0),
                Arrays.stream(s.linearSizes()).max().orElse(0));
        ArrayDataset all = twoClass(Datasets.fashionMnist(Datasets.Split.TRAIN, largest));
        ArrayDataset test = twoClass(Datasets.fashionMnist(Datasets.Split.TEST, s.testExamples()));
        List<ConvnetAt> conv = new ArrayList<>();
        for (int n : s.convnetSizes()) {
            ArrayDataset train = all.head(n);
            double fitted = 0;
            for (int d = 0; d < s.draws(); d++) {
                ArrayDataset signs = randomSigns(train, new SplitMix64(seed * 1_000_003L + n * 31L + d));
                fitted += 2 * Evaluations.accuracy(fit(convnet(seed + d), signs, s.maxEpochs(), seed + d), signs,
                        512) - 1;
            }
            double r = fitted / s.draws();
            Net net = fit(convnet(seed), train, s.maxEpochs(), seed);
            double trainError = 1 - Evaluations.accuracy(net, train, 1000);
            conv.add(new ConvnetAt(n, r, trainError, 1 - Evaluations.accuracy(net, test, 1000),
                    trainError + r + confidence(n)));
        }
        List<LinearAt> lin = new ArrayList<>();
        ArrayDataset flatTest = flat(test);
        for (int n : s.linearSizes()) {
            ArrayDataset train = flat(all.head(n));
            Net net = new Trainer(Trainer.Config.of(BATCH, s.linearEpochs(), seed)).run(() -> Net.of(
                    Networks.mlp(PIXELS, new int[0], 2, Updates.adam(1e-3), seed)), train, null).net();
            INDArray w = net.model().paramTable().get("0_W");
            INDArray c = net.model().paramTable().get("0_b");
            double b = w.getColumn(1).sub(w.getColumn(0)).norm2Number().doubleValue();
            double bias = Math.abs(c.getDouble(1) - c.getDouble(0));
            INDArray x = train.features();
            double r = linearRademacher(x, b, bias, new SplitMix64(seed + n));
            double closed = (b * Math.sqrt(x.mul(x).sumNumber().doubleValue()) + bias * Math.sqrt(n)) / n;
            double ramp = rampLoss(x.mmul(w.getColumn(1).sub(w.getColumn(0)).reshape(PIXELS, 1))
                    .addi(c.getDouble(1) - c.getDouble(0)), train.classes());
            lin.add(new LinearAt(n, b, bias, r, closed, ramp, 1 - Evaluations.accuracy(net, train, 1000),
                    1 - Evaluations.accuracy(net, flatTest, 1000), ramp + 2 * r + confidence(n)));
        }
        List<String> plots = List.of(
                Plots.lines(ctx.dir(), "convnet.png", "Convnet: Rademacher bound and test error (1 − δ = 0.95)",
                        "training images n", "error", List.of(
                                series("R̂ (fitted random signs)", conv, ConvnetAt::n, ConvnetAt::rademacher),
                                series("bound on test error", conv, ConvnetAt::n, ConvnetAt::bound),
                                series("test error", conv, ConvnetAt::n, ConvnetAt::testError),
                                series("training error", conv, ConvnetAt::n, ConvnetAt::trainError))),
                Plots.lines(ctx.dir(), "linear.png", "Softmax regression: Rademacher bound and test error"
                        + " (1 − δ = 0.95)", "training images n", "error", List.of(
                                series("R̂ (exact sup, Monte Carlo over σ)", lin, LinearAt::n, LinearAt::rademacher),
                                series("R̂ closed form", lin, LinearAt::n, LinearAt::closedForm),
                                series("bound on test error", lin, LinearAt::n, LinearAt::bound),
                                series("test error", lin, LinearAt::n, LinearAt::testError))));
        ConvnetAt lastConv = conv.get(conv.size() - 1);
        LinearAt lastLin = lin.get(lin.size() - 1);
        String headline = String.format(Locale.ROOT, "At n = %d the convnet fits random signs (R̂ ≈ %.3f), so its"
                        + " bound on test error is %.2f beside a measured %.3f; softmax regression at n = %d has"
                        + " R̂ = %.3f and a bound of %.2f beside a measured %.3f.", lastConv.n(),
                lastConv.rademacher(), lastConv.bound(), lastConv.testError(), lastLin.n(), lastLin.rademacher(),
                lastLin.bound(), lastLin.testError());
        return new Outcome<>(new Metrics(DELTA, s.draws(), List.copyOf(conv), List.copyOf(lin)), plots, headline);
    }

    /** 3√(ln(2/δ)/(2n)), the concentration term of the bound. */
    private static double confidence(int n) {
        return 3 * Math.sqrt(Math.log(2 / DELTA) / (2 * n));
    }

    /**
     * (B·E_σ‖Σᵢ σᵢ xᵢ‖₂ + C·E_σ|Σᵢ σᵢ|)/n over uniform signs σ ∈ {±1}ⁿ, by {@value #LINEAR_DRAWS} Monte Carlo draws:
     * for each σ the supremum of (1/n) Σᵢ σᵢ(⟨w, xᵢ⟩ + c) over ‖w‖₂ ≤ B, |c| ≤ C is attained at w = B·v/‖v‖,
     * v = Σᵢ σᵢ xᵢ (Cauchy–Schwarz), and c = C·sign(Σᵢ σᵢ).
     */
    static double linearRademacher(INDArray x, double b, double c, SplitMix64 rng) {
        int n = (int) x.size(0);
        float[] s = new float[LINEAR_DRAWS * n];
        for (int i = 0; i < s.length; i++) {
            s[i] = rng.nextBoolean() ? 1f : -1f;
        }
        INDArray signs = Nd4j.create(s, new long[] {LINEAR_DRAWS, n}, 'c').castTo(x.dataType());
        INDArray sup = signs.mmul(x).norm2(1).muli(b).addi(Transforms.abs(signs.sum(1)).muli(c));
        return sup.meanNumber().doubleValue() / n;
    }

    /** Mean ramp loss at margin 1, min(1, max(0, 1 − y f(x))), of scores f with labels y = ±1 (class 1 is +1). */
    static double rampLoss(INDArray scores, int[] classes) {
        double sum = 0;
        for (int i = 0; i < classes.length; i++) {
            double margin = (classes[i] == 1 ? 1 : -1) * scores.getDouble(i);
            sum += Math.min(1, Math.max(0, 1 - margin));
        }
        return sum / classes.length;
    }

    /** The images with uniformly random two-class labels (the signs σ). */
    static ArrayDataset randomSigns(ArrayDataset d, SplitMix64 rng) {
        int[] y = new int[d.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextBoolean() ? 1 : 0;
        }
        return ArrayDataset.of(d.features(), y, 2);
    }

    /** Fashion-MNIST as two classes: 0 for T-shirt, trouser, pullover, dress and coat; 1 for the rest. */
    static ArrayDataset twoClass(ArrayDataset d) {
        int[] y = d.classes();
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i] < 5 ? 0 : 1;
        }
        return ArrayDataset.of(d.features(), y, 2);
    }

    private static Net convnet(long seed) {
        return Net.of(Networks.convnet(new ImageShape(1, 28, 28), 2, Updates.adam(1e-3), seed));
    }

    /** {@code net} trained on {@code data} until 100% training accuracy or {@code maxEpochs}. */
    private static Net fit(Net net, ArrayDataset data, int maxEpochs, long seed) {
        int stepsPerEpoch = (data.size() + BATCH - 1) / BATCH;
        return new Trainer(Trainer.Config.of(BATCH, maxEpochs, seed).withEvalEvery(stepsPerEpoch)
                .withTarget(new Trainer.Target("train_accuracy", 1.0)))
                .run(() -> net, data, (m, step) -> Map.of("train_accuracy", Evaluations.accuracy(m, data, 512))).net();
    }

    private static ArrayDataset flat(ArrayDataset images) {
        return images.withFeatures(images.features().reshape(images.size(), PIXELS));
    }

    private static <T> Plots.Series series(String name, List<T> rows, ToIntFunction<T> x, ToDoubleFunction<T> y) {
        return new Plots.Series(name, rows.stream().mapToDouble(x::applyAsInt).toArray(),
                rows.stream().mapToDouble(y).toArray());
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.REPRESENT, "A convnet's empirical Rademacher complexity is about 1, so the bound it"
                        + " gives on test error is vacuous.", "Zhang et al. 2017, §2.2",
                "R̂ ≈ 1 (the network fits random signs)", "convnet", "linear");
    }

    /** At the largest n: reproduced when R̂ ≥ 0.9 and the bound ≥ 1 (vacuous), partly when only the bound is. */
    @Override
    public Verdict judge(Metrics m) {
        if (m.convnet().isEmpty()) {
            return Verdict.NOT_JUDGED;
        }
        ConvnetAt last = m.convnet().get(m.convnet().size() - 1);
        return Verdict.of(last.rademacher() >= 0.9 && last.bound() >= 1, last.bound() >= 1);
    }
}
