package dev.primer.experiments.prob;

import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.SettingsExperiment;
import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.train.Evaluations;
import dev.primer.nn.train.StepCsv;
import dev.primer.nn.train.Trainer;
import dev.primer.prob.gan.Dcgan;
import dev.primer.prob.gan.Frechet;
import dev.primer.prob.vae.Vae;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A small DCGAN (Radford et al. 2016) on Fashion-MNIST, judged by a "classifier FID": the Fréchet distance
 * (Heusel et al. 2017) between Gaussians fitted to the 128-d penultimate features of the project's reference
 * convnet ({@link Networks#convnet}, trained here) on generated and on training images, for GAN samples, for
 * samples of the VAE of Kingma &amp; Welling (2014) and for held-out test images (the floor that finite samples
 * allow); mode coverage as the histogram of the convnet's predicted classes. Pictures: a sample grid and latent
 * interpolations (Radford et al. Fig. 4).
 */
public final class Gan extends SettingsExperiment<Gan.Metrics, Gan.Settings> {
    private static final int BATCH = 64;
    private static final int SIDE = 28;
    private static final int CLASSES = 10;
    private static final int VAE_LATENT = 20;
    private static final int FEATURE_LAYER = 4;

    /**
     * The budget.
     *
     * @param trainImages      Fashion-MNIST training images for GAN, VAE and classifier
     * @param steps            GAN updates (one D and one G update each)
     * @param width            DCGAN channel width
     * @param classifierEpochs epochs of the feature convnet
     * @param vaeEpochs        epochs of the VAE
     * @param fidSamples       images per set in each Fréchet distance
     */
    public record Settings(int trainImages, int steps, int width, int classifierEpochs, int vaeEpochs,
                           int fidSamples) {
        /** Rejects sizes that cannot run; the Fréchet distance needs more samples than feature dimensions. */
        public Settings {
            if (trainImages < BATCH || steps < 1 || width < 1 || classifierEpochs < 1 || vaeEpochs < 1
                    || fidSamples <= 128 || fidSamples > 10_000) {
                throw new IllegalArgumentException("gan settings: need trainImages >= " + BATCH + ", steps, width and"
                        + " epochs >= 1, 128 < fidSamples <= 10000; got " + this);
            }
        }

        /** Quick: 3,000 images, 100 updates of a width-8 DCGAN, 500 images per FID. */
        public static Settings quick() {
            return new Settings(3000, 100, 8, 1, 1, 500);
        }

        /** Full: all 60,000 images, 2,000 updates of a width-16 DCGAN, 5,000 images per FID. */
        public static Settings full() {
            return new Settings(60_000, 2000, 16, 2, 5, 5000);
        }
    }

    /**
     * The results.
     *
     * @param steps               GAN updates
     * @param secondsPerStep      wall time per GAN update
     * @param finalDiscriminator  D's loss over the last 50 updates
     * @param classifierAccuracy  the feature convnet's accuracy on 2,000 test images
     * @param fidSamples          images per set
     * @param fidGan              classifier FID of GAN samples against training images
     * @param fidVae              classifier FID of VAE samples (decoded Bernoulli means)
     * @param fidReal             classifier FID of held-out test images: the floor
     * @param ganClasses          predicted-class frequencies of GAN samples
     * @param vaeClasses          predicted-class frequencies of VAE samples
     * @param realClasses         predicted-class frequencies of test images
     */
    public record Metrics(int steps, double secondsPerStep, double finalDiscriminator, double classifierAccuracy,
                          int fidSamples, double fidGan, double fidVae, double fidReal, double[] ganClasses,
                          double[] vaeClasses, double[] realClasses) {
    }

    /** The experiment, as the registry lists it. */
    public Gan() {
        super("gan", "DCGAN (Radford et al.) on Fashion-MNIST: samples, interpolations, classifier FID against a VAE "
                + "and real images, class coverage", Settings.quick(), Settings.full());
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        long seed = ctx.seed();
        ArrayDataset train = Datasets.fashionMnist(Datasets.Split.TRAIN, s.trainImages());
        ArrayDataset test = Datasets.fashionMnist(Datasets.Split.TEST, Math.max(s.fidSamples(), 2000));

        Dcgan gan = new Dcgan(Dcgan.Config.of(s.width()), seed);
        List<double[]> losses = new ArrayList<>();
        long t0 = System.nanoTime();
        try (StepCsv log = StepCsv.open(ctx.dir().resolve("losses.csv"), "step,discriminator,generator", 0)) {
            for (int epoch = 0, step = 0; step < s.steps(); epoch++) {
                DataSetIterator it = train.batches(BATCH, seed, epoch);
                while (it.hasNext() && step < s.steps()) {
                    DataSet batch = it.next();
                    if (batch.numExamples() < BATCH) {
                        continue;
                    }
                    Dcgan.Losses l = gan.step(batch.getFeatures());
                    log.row(++step, l.discriminator(), l.generator());
                    losses.add(new double[] {step, l.discriminator(), l.generator()});
                }
            }
        }
        double secondsPerStep = (System.nanoTime() - t0) / 1e9 / s.steps();

        MultiLayerNetwork classifier = classifier(train, s.classifierEpochs(), seed);
        double accuracy = Evaluations.accuracy(Net.of(classifier), test.head(2000), 1000);
        INDArray vae = vaeSamples(ctx, train, s, seed);

        int n = s.fidSamples();
        Frechet.Moments reference = Frechet.Moments.of(features(classifier, train.head(n).features()));
        INDArray ganImages = gan.generate(gan.latent(n, SplitMix64.seeded(seed + 10)));
        INDArray realImages = test.head(n).features();
        double fidGan = Frechet.distance(reference, Frechet.Moments.of(features(classifier, ganImages)));
        double fidVae = Frechet.distance(reference, Frechet.Moments.of(features(classifier, vae)));
        double fidReal = Frechet.distance(reference, Frechet.Moments.of(features(classifier, realImages)));
        double[] ganClasses = classFrequencies(classifier, ganImages);
        double[] vaeClasses = classFrequencies(classifier, vae);
        double[] realClasses = classFrequencies(classifier, realImages);

        List<String> plots = new ArrayList<>();
        plots.add(Plots.mosaic(ctx.dir(), "samples.png", rows(gan.generate(gan.latent(64,
                SplitMix64.seeded(seed + 11)))), SIDE, SIDE, 8, 2));
        plots.add(Plots.mosaic(ctx.dir(), "interpolations.png", rows(gan.generate(interpolations(gan, 8, 10,
                seed + 12))), SIDE, SIDE, 10, 2));
        plots.add(Plots.mosaic(ctx.dir(), "vae-samples.png", rows(vae.get(NDArrayIndex.interval(0, 64))),
                SIDE, SIDE, 8, 2));
        plots.add(classPlot(ctx, ganClasses, vaeClasses, realClasses));
        plots.add(Plots.lines(ctx.dir(), "losses.png", "DCGAN losses", "update", "cross-entropy", List.of(
                new Plots.Series("discriminator", column(losses, 0), column(losses, 1)),
                new Plots.Series("generator, -log D(G(z))", column(losses, 0), column(losses, 2)))));

        double finalD = losses.subList(Math.max(0, losses.size() - 50), losses.size()).stream()
                .mapToDouble(r -> r[1]).average().orElse(Double.NaN);
        Metrics m = new Metrics(s.steps(), secondsPerStep, finalD, accuracy, n, fidGan, fidVae, fidReal, ganClasses,
                vaeClasses, realClasses);
        return new Outcome<>(m, plots, String.format(Locale.ROOT,
                "After %d updates (%.2f s each) the DCGAN's classifier FID is %.2f against %.2f for the VAE's samples "
                        + "and %.2f for held-out real images (the floor), %d images per set; the feature convnet "
                        + "scores %.1f%% on test images.",
                s.steps(), secondsPerStep, fidGan, fidVae, fidReal, n, 100 * accuracy));
    }

    /** The reference convnet trained on {@code train}, whose 128-d dense layer gives the FID features. */
    private static MultiLayerNetwork classifier(ArrayDataset train, int epochs, long seed) {
        Trainer.Result r = new Trainer(Trainer.Config.of(BATCH, epochs, seed)).run(
                () -> Net.of(Networks.convnet(new ImageShape(1, SIDE, SIDE), CLASSES, Updates.adam(1e-3), seed)),
                train, null);
        return ((Net.Sequential) r.net()).net();
    }

    /** The VAE of {@link VaeFashion} trained on binarised {@code train}; its decoded means for fidSamples z ~ N(0, I). */
    private static INDArray vaeSamples(Context ctx, ArrayDataset train, Settings s, long seed) {
        ArrayDataset binary = train.withFeatures(Vae.binarize(train.features()));
        VaeFashion.Trained vae = VaeFashion.train(Vae.of(VAE_LATENT), binary, s.vaeEpochs(), seed,
                ctx.dir().resolve("train-vae"));
        SplitMix64 rng = SplitMix64.seeded(seed + 13);
        float[] z = new float[s.fidSamples() * VAE_LATENT];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussianBoxMuller();
        }
        INDArray means = Vae.decode(vae.net(), Nd4j.create(z, new long[] {s.fidSamples(), VAE_LATENT}, 'c'));
        return means.reshape(s.fidSamples(), 1, SIDE, SIDE);
    }

    /** The classifier's 128-d penultimate activations of {@code images}, computed in chunks. */
    static INDArray features(MultiLayerNetwork classifier, INDArray images) {
        List<INDArray> parts = new ArrayList<>();
        for (long at = 0; at < images.size(0); at += 500) {
            INDArray chunk = images.get(NDArrayIndex.interval(at, Math.min(images.size(0), at + 500)));
            parts.add(classifier.activateSelectedLayers(0, FEATURE_LAYER, chunk).dup());
        }
        return Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }

    /** The fraction of {@code images} the classifier assigns to each class. */
    static double[] classFrequencies(MultiLayerNetwork classifier, INDArray images) {
        double[] freq = new double[CLASSES];
        int[] predicted = classifier.predict(images);
        for (int c : predicted) {
            freq[c] += 1.0 / predicted.length;
        }
        return freq;
    }

    /** {@code pairs} rows of {@code steps} codes on the segment between two random latent codes. */
    private static INDArray interpolations(Dcgan gan, int pairs, int steps, long seed) {
        INDArray ends = gan.latent(2 * pairs, SplitMix64.seeded(seed));
        INDArray z = Nd4j.zeros(DataType.FLOAT, (long) pairs * steps, gan.config().latent());
        for (int p = 0; p < pairs; p++) {
            for (int i = 0; i < steps; i++) {
                double t = i / (steps - 1.0);
                z.putRow((long) p * steps + i, ends.getRow(2L * p).mul(1 - t).add(ends.getRow(2L * p + 1).mul(t)));
            }
        }
        return z;
    }

    private static String classPlot(Context ctx, double[] gan, double[] vae, double[] real) throws Exception {
        double[] x = new double[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            x[c] = c;
        }
        return Plots.lines(ctx.dir(), "classes.png", "predicted classes of samples (mode coverage)", "class",
                "fraction", List.of(new Plots.Series("DCGAN", x, gan), new Plots.Series("VAE", x, vae),
                        new Plots.Series("test images", x, real)));
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    private static float[][] rows(INDArray images) {
        return VaeFashion.rows(images.reshape(images.size(0), (long) SIDE * SIDE));
    }
}
