package dev.primer.experiments.nn;

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
import dev.primer.nn.data.Batches;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.train.TrainState;
import dev.primer.nn.train.Trainer;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Adversarial examples (Goodfellow et al. 2015; Madry et al. 2018) on Fashion-MNIST: the reference convnet and
 * softmax regression under FGSM and 10-step PGD in the L∞ ball against ε, pictures of the perturbations, and the
 * robust accuracy of a convnet trained on adversarial examples (PGD at the full budget, FGSM at the quick one).
 */
public final class Adversarial extends SettingsExperiment<Adversarial.Metrics, Adversarial.Settings> {
    private static final int BATCH = 64;
    private static final int EVAL_BATCH = 100;
    /** PGD steps of the evaluation attack (the brief's 10; Madry et al. evaluate with 20–100). */
    private static final int PGD_STEPS = 10;
    /** The ε the headline, the pictures and adversarial training use: 0.1 of the [0, 1] pixel range. */
    private static final double EPSILON = 0.1;
    private static final int PICTURES = 6;
    /** Fashion-MNIST's class names (Xiao et al. 2017, Table 1), shortened. */
    private static final String[] CLASSES = {"T-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt",
        "sneaker", "bag", "boot"};

    /**
     * How much to run.
     *
     * @param trainExamples     training images (the first of the training split)
     * @param convnetEpochs     epochs of the clean convnet
     * @param softmaxEpochs     epochs of softmax regression
     * @param adversarialEpochs epochs of the adversarially trained convnet
     * @param trainAttackSteps  steps of the training attack at ε = 0.1: 1 is FGSM, more is PGD from a random start
     * @param epsilons          the radii the models are attacked at, increasing from 0 and including 0.1
     * @param testExamples      test images attacked (the first of the test split)
     */
    public record Settings(int trainExamples, int convnetEpochs, int softmaxEpochs, int adversarialEpochs,
                           int trainAttackSteps, double[] epsilons, int testExamples) {
        /** Rejects settings that cannot run or lack ε = 0 and ε = 0.1. */
        public Settings {
            if (trainExamples < 1 || convnetEpochs < 1 || softmaxEpochs < 1 || adversarialEpochs < 1
                    || trainAttackSteps < 1 || testExamples < 1) {
                throw new IllegalArgumentException("examples, epochs and attack steps must be >= 1");
            }
            if (epsilons.length == 0 || epsilons[0] != 0 || Arrays.binarySearch(epsilons, EPSILON) < 0) {
                throw new IllegalArgumentException("epsilons must increase from 0 and include " + EPSILON + ", got "
                        + Arrays.toString(epsilons));
            }
        }

        /** The quick budget: 4,096 images, one epoch each, FGSM training, 200 test images at four radii. */
        public static Settings quick() {
            return new Settings(4096, 1, 2, 1, 1, new double[] {0, 0.05, 0.1, 0.2}, 200);
        }

        /** The full budget: 20,000 images, PGD-7 adversarial training, 1,000 test images at seven radii. */
        public static Settings full() {
            return new Settings(20_000, 3, 5, 2, 7, new double[] {0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3}, 1000);
        }

        /** The attack adversarial training uses. */
        Attack trainAttack() {
            return trainAttackSteps == 1 ? Attack.fgsm(EPSILON) : Attack.pgd(EPSILON, trainAttackSteps);
        }
    }

    /**
     * One model's test accuracy, clean and under attack at each ε of {@link Metrics#epsilons()}.
     *
     * @param clean accuracy on the clean test images
     * @param fgsm  accuracy under FGSM at each ε
     * @param pgd   accuracy under 10-step PGD at each ε
     */
    public record Robustness(double clean, List<Double> fgsm, List<Double> pgd) {
    }

    /**
     * The results.
     *
     * @param trainExamples       training images
     * @param testExamples        test images attacked
     * @param epsilons            the L∞ radii
     * @param pgdSteps            steps of the evaluation PGD
     * @param adversarialTraining the training attack ("FGSM" or "PGD-k") at {@code trainEpsilon}
     * @param trainEpsilon        the radius adversarial training uses
     * @param convnet             the reference convnet trained on clean images
     * @param softmax             softmax regression trained on clean images
     * @param adversariallyTrained the reference convnet trained on adversarial images only
     */
    public record Metrics(int trainExamples, int testExamples, List<Double> epsilons, int pgdSteps,
                          String adversarialTraining, double trainEpsilon,
                          @JsonUnwrapped(prefix = "convnet_") Robustness convnet,
                          @JsonUnwrapped(prefix = "softmax_") Robustness softmax,
                          @JsonUnwrapped(prefix = "adversarially_trained_") Robustness adversariallyTrained) {
    }

    /** A trained classifier and the shape its input takes (images, or flat rows for softmax regression). */
    private record Model(String name, Net.Sequential net, boolean flat) {
        INDArray in(INDArray images) {
            return flat ? images.reshape(images.size(0), images.length() / images.size(0)) : images;
        }
    }

    /** The experiment, as the registry lists it. */
    public Adversarial() {
        super("adversarial",
                "Goodfellow et al. 2015, Madry et al. 2018: FGSM and PGD against the convnet and softmax regression, "
                        + "and adversarial training (Fashion-MNIST)",
                Settings.quick(), Settings.full());
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        long seed = ctx.seed();
        ArrayDataset train = Datasets.fashionMnist(Datasets.Split.TRAIN, s.trainExamples());
        ArrayDataset test = Datasets.fashionMnist(Datasets.Split.TEST, s.testExamples());
        ImageShape shape = new ImageShape(1, 28, 28);
        Model convnet = new Model("convnet", sequential(new Trainer(Trainer.Config.of(BATCH, s.convnetEpochs(), seed))
                .run(() -> Net.of(Networks.convnet(shape, 10, Updates.adam(1e-3), seed)), train, null).net()), false);
        int pixels = 28 * 28;
        ArrayDataset flatTrain = train.withFeatures(train.features().reshape(train.size(), pixels));
        Model softmax = new Model("softmax regression", sequential(new Trainer(Trainer.Config.of(BATCH,
                s.softmaxEpochs(), seed)).run(() -> Net.of(Networks.mlp(pixels, new int[0], 10, Updates.adam(1e-3),
                seed)), flatTrain, null).net()), true);
        Net.Sequential robustNet = sequential(Net.of(Networks.convnet(shape, 10, Updates.adam(1e-3), seed)));
        new Trainer(Trainer.Config.of(BATCH, s.adversarialEpochs(), seed)).fit(robustNet,
                TrainState.start(seed, BATCH), new AdversarialBatches(train, robustNet, s.trainAttack()), null);
        String trainedWith = s.trainAttackSteps() == 1 ? "FGSM" : "PGD-" + s.trainAttackSteps();
        Model robust = new Model("convnet, " + trainedWith + "-trained", robustNet, false);

        List<Plots.Series> curves = new ArrayList<>();
        Robustness[] r = new Robustness[3];
        Model[] models = {convnet, softmax, robust};
        for (int m = 0; m < models.length; m++) {
            r[m] = robustness(models[m], test, s.epsilons(), seed);
            curves.add(new Plots.Series(models[m].name() + ", FGSM", s.epsilons(), unbox(r[m].fgsm())));
            curves.add(new Plots.Series(models[m].name() + ", PGD-" + PGD_STEPS, s.epsilons(), unbox(r[m].pgd())));
        }
        List<Double> eps = Arrays.stream(s.epsilons()).boxed().toList();
        Metrics metrics = new Metrics(train.size(), test.size(), eps, PGD_STEPS, trainedWith, EPSILON, r[0], r[1],
                r[2]);
        List<String> plots = List.of(
                Plots.lines(ctx.dir(), "accuracy-vs-epsilon.png", "Test accuracy under L∞ attacks (" + test.size()
                        + " Fashion-MNIST test images)", "ε (pixels in [0, 1])", "test accuracy", curves),
                pictures(ctx, convnet, test, seed));
        int at = eps.indexOf(EPSILON);
        String headline = String.format(Locale.ROOT, "At ε = %.1f the convnet's test accuracy falls from %.1f%% to"
                        + " %.1f%% under FGSM and %.1f%% under PGD-%d (softmax regression: %.1f%% to %.1f%%); trained"
                        + " on %s examples it keeps %.1f%% under PGD (%.1f%% clean).", EPSILON, 100 * r[0].clean(),
                100 * r[0].fgsm().get(at), 100 * r[0].pgd().get(at), PGD_STEPS, 100 * r[1].clean(),
                100 * r[1].pgd().get(at), trainedWith, 100 * r[2].pgd().get(at), 100 * r[2].clean());
        return new Outcome<>(metrics, plots, headline);
    }

    /** The model's accuracy on {@code test}, clean and under FGSM and PGD at each of {@code epsilons}. */
    private static Robustness robustness(Model m, ArrayDataset test, double[] epsilons, long seed) {
        double clean = accuracy(m, test, null, seed);
        List<Double> fgsm = new ArrayList<>();
        List<Double> pgd = new ArrayList<>();
        for (double e : epsilons) {
            fgsm.add(e == 0 ? clean : accuracy(m, test, Attack.fgsm(e), seed));
            pgd.add(e == 0 ? clean : accuracy(m, test, Attack.pgd(e, PGD_STEPS), seed));
        }
        return new Robustness(clean, fgsm, pgd);
    }

    /** Fraction of {@code test} the model classifies correctly after {@code attack} (null: clean images). */
    private static double accuracy(Model m, ArrayDataset test, Attack attack, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        int correct = 0;
        for (int from = 0; from < test.size(); from += EVAL_BATCH) {
            int to = Math.min(test.size(), from + EVAL_BATCH);
            INDArray x = m.in(test.features().get(NDArrayIndex.interval(from, to)));
            INDArray y = test.labels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray input = attack == null ? x : attack.perturb(m.net(), x, y, rng);
            int[] pred = predict(m, input);
            int[] truth = y.argMax(1).toIntVector();
            for (int i = 0; i < pred.length; i++) {
                correct += pred[i] == truth[i] ? 1 : 0;
            }
        }
        return (double) correct / test.size();
    }

    /**
     * The first test images the convnet gets right, beside their FGSM and PGD perturbations at ε = 0.1 (grey is 0,
     * white +ε, black −ε) and the adversarial images, each captioned with the convnet's prediction.
     */
    private static String pictures(Context ctx, Model convnet, ArrayDataset test, long seed) throws Exception {
        int n = Math.min(test.size(), 4 * PICTURES);
        INDArray x = test.features().get(NDArrayIndex.interval(0, n));
        INDArray y = test.labels().get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
        int[] truth = y.argMax(1).toIntVector();
        int[] clean = predict(convnet, x);
        INDArray fgsm = Attack.fgsm(EPSILON).perturb(convnet.net(), x, y, new SplitMix64(seed));
        INDArray pgd = Attack.pgd(EPSILON, PGD_STEPS).perturb(convnet.net(), x, y, new SplitMix64(seed));
        int[] fgsmPred = predict(convnet, fgsm);
        int[] pgdPred = predict(convnet, pgd);
        List<List<Plots.Tile>> rows = new ArrayList<>();
        for (int i = 0; i < n && rows.size() < PICTURES; i++) {
            if (clean[i] != truth[i]) {
                continue;
            }
            rows.add(List.of(tile(CLASSES[clean[i]], x.slice(i)),
                    tile("", fgsm.slice(i).sub(x.slice(i)).divi(2 * EPSILON).addi(0.5)),
                    tile(CLASSES[fgsmPred[i]], fgsm.slice(i)),
                    tile("", pgd.slice(i).sub(x.slice(i)).divi(2 * EPSILON).addi(0.5)),
                    tile(CLASSES[pgdPred[i]], pgd.slice(i))));
        }
        String title = String.format(Locale.ROOT, "The convnet's predictions under attack, ε = %.1f", EPSILON);
        return Plots.imageGrid(ctx.dir(), "perturbations.png", title, List.of("original", "FGSM perturbation",
                "FGSM image", "PGD-" + PGD_STEPS + " perturbation", "PGD image"), rows, 3);
    }

    private static Plots.Tile tile(String caption, INDArray image) {
        return new Plots.Tile(caption, 28, 28, image.dup().data().asFloat());
    }

    private static int[] predict(Model m, INDArray x) {
        return m.net().output(x)[0].argMax(1).toIntVector();
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Net.Sequential sequential(Net net) {
        if (net instanceof Net.Sequential s) {
            return s;
        }
        throw new IllegalStateException("attacks need a sequential network, got a " + net.kind());
    }

    /**
     * The minibatches of {@code clean} replaced by {@code attack}'s adversarial images against {@code net} as it
     * is when each batch is drawn: training on them is Madry et al.'s saddle-point problem (§2, eq. 2.1), the inner
     * maximisation done by the attack.
     */
    record AdversarialBatches(ArrayDataset clean, Net.Sequential net, Attack attack) implements Batches {
        @Override
        public int size() {
            return clean.size();
        }

        @Override
        public Iterator<DataSet> batches(int batchSize, long seed, int epoch) {
            Iterator<? extends org.nd4j.linalg.dataset.api.DataSet> it = clean.batches(batchSize, seed, epoch);
            SplitMix64 rng = new SplitMix64(seed * 31 + epoch);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public DataSet next() {
                    org.nd4j.linalg.dataset.api.DataSet b = it.next();
                    return new DataSet(attack.perturb(net, b.getFeatures(), b.getLabels(), rng), b.getLabels());
                }
            };
        }
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.CONVNETS, "A small perturbation (ε = 0.1) breaks a convnet; training on PGD examples"
                        + " keeps much of its accuracy under attack.", "Goodfellow et al. 2015; Madry et al. 2018",
                "MNIST: FGSM at ε = 0.25 gives a shallow softmax 99.9% error (Goodfellow); PGD training keeps 89%"
                        + " under PGD at ε = 0.3 (Madry)",
                "convnet_clean", "convnet_pgd", "adversarially_trained_pgd");
    }

    /**
     * At ε = 0.1: reproduced when PGD takes the convnet to at most 20% accuracy (issue #21's bar) and adversarial
     * training keeps at least twice the undefended PGD accuracy; partly when only the first holds.
     */
    @Override
    public Verdict judge(Metrics m) {
        int at = m.epsilons().indexOf(EPSILON);
        if (at < 0) {
            return Verdict.NOT_JUDGED;
        }
        double attacked = m.convnet().pgd().get(at);
        boolean breaks = attacked <= 0.2;
        return Verdict.of(breaks && m.adversariallyTrained().pgd().get(at) >= 2 * attacked, breaks);
    }
}
