package dev.primer.experiments.prob;

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
import dev.primer.nn.train.StepCsv;
import dev.primer.nn.train.Trainer;
import dev.primer.prob.gan.Dcgan;
import dev.primer.prob.gan.Frechet;
import dev.primer.prob.gan.MhGan;
import dev.primer.prob.vae.Vae;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
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
 * interpolations (Radford et al. Fig. 4). Then the samples corrected by the discriminator ({@link MhGan}): MH-GAN
 * (Turner et al. 2019) and discriminator rejection sampling (Azadi et al. 2019), their FIDs beside the GAN's.
 */
public final class Gan extends SettingsExperiment<Gan.Metrics, Gan.Settings> {
    private static final int BATCH = 64;
    private static final int SIDE = 28;
    private static final int CLASSES = 10;
    private static final int VAE_LATENT = 20;
    private static final int FEATURE_LAYER = 4;
    private static final int CALIBRATION = 1000;
    private static final int CHUNK = 500;

    /**
     * The budget.
     *
     * @param trainImages      Fashion-MNIST training images for GAN, VAE and classifier
     * @param steps            GAN updates (one D and one G update each)
     * @param width            DCGAN channel width
     * @param classifierEpochs epochs of the feature convnet
     * @param vaeEpochs        epochs of the VAE
     * @param fidSamples       images per set in each Fréchet distance
     * @param mhProposals      generator proposals per MH-GAN chain after its first state
     */
    public record Settings(int trainImages, int steps, int width, int classifierEpochs, int vaeEpochs,
                           int fidSamples, int mhProposals) {
        /** Rejects sizes that cannot run; the Fréchet distance needs more samples than feature dimensions. */
        public Settings {
            if (trainImages < BATCH || steps < 1 || width < 1 || classifierEpochs < 1 || vaeEpochs < 1
                    || fidSamples <= 128 || fidSamples > 10_000 - CALIBRATION || mhProposals < 1) {
                throw new IllegalArgumentException("gan settings: need trainImages >= " + BATCH + ", steps, width and"
                        + " epochs >= 1, 128 < fidSamples <= " + (10_000 - CALIBRATION) + ", mhProposals >= 1; got " + this);
            }
        }

        /** Quick: 3,000 images, 100 updates of a width-8 DCGAN, 500 images per FID, MH chains of 10 proposals. */
        public static Settings quick() {
            return new Settings(3000, 100, 8, 1, 1, 500, 10);
        }

        /** Full: all 60,000 images, 2,000 updates of a width-16 DCGAN, 5,000 images per FID, 10 proposals. */
        public static Settings full() {
            return new Settings(60_000, 2000, 16, 2, 5, 5000, 10);
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
     * @param mh                  the discriminator-corrected samples
     */
    public record Metrics(int steps, double secondsPerStep, double finalDiscriminator, double classifierAccuracy,
                          int fidSamples, double fidGan, double fidVae, double fidReal, double[] ganClasses,
                          double[] vaeClasses, double[] realClasses, Corrected mh) {
    }

    /**
     * Generator samples corrected by the discriminator (Turner et al. 2019; Azadi et al. 2019).
     *
     * @param calibrationSlope     Platt scaling's a on D's logit
     * @param calibrationIntercept Platt scaling's b
     * @param proposals            MH proposals per chain after its first state
     * @param acceptRate           MH-GAN's mean acceptance probability over all proposals
     * @param fidMh                classifier FID of the chains' final states (fidSamples chains)
     * @param mhClasses            their predicted-class frequencies
     * @param drsKept              proposals discriminator rejection sampling kept, out of fidSamples·(proposals+1)
     * @param drsCount             images in the DRS FID: min(fidSamples, drsKept)
     * @param fidDrs               classifier FID of the first drsCount kept images
     * @param fidGanAtDrsCount     the plain GAN's FID over the same number of images (FID's bias grows as n falls)
     */
    public record Corrected(double calibrationSlope, double calibrationIntercept, int proposals, double acceptRate,
                            double fidMh, double[] mhClasses, int drsKept, int drsCount, double fidDrs,
                            double fidGanAtDrsCount) {
    }

    /** The experiment, as the registry lists it. */
    public Gan() {
        super("gan", "DCGAN (Radford et al.) on Fashion-MNIST: samples, interpolations, classifier FID against a VAE "
                + "and real images, class coverage; MH-GAN and discriminator rejection sampling", Settings.quick(), Settings.full());
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        long seed = ctx.seed();
        ArrayDataset train = Datasets.fashionMnist(Datasets.Split.TRAIN, s.trainImages());
        ArrayDataset test = Datasets.fashionMnist(Datasets.Split.TEST, Math.max(s.fidSamples(), 1000) + CALIBRATION);

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
        INDArray calibrationImages = test.features().get(NDArrayIndex.interval(test.size() - CALIBRATION,
                test.size()));
        Corrected mh = corrected(gan, classifier, reference, calibrationImages, ganImages, s, seed);

        List<String> plots = new ArrayList<>();
        plots.add(Plots.mosaic(ctx.dir(), "samples.png", rows(gan.generate(gan.latent(64,
                SplitMix64.seeded(seed + 11)))), SIDE, SIDE, 8, 2));
        plots.add(Plots.mosaic(ctx.dir(), "interpolations.png", rows(gan.generate(interpolations(gan, 8, 10,
                seed + 12))), SIDE, SIDE, 10, 2));
        plots.add(Plots.mosaic(ctx.dir(), "vae-samples.png", rows(vae.get(NDArrayIndex.interval(0, 64))),
                SIDE, SIDE, 8, 2));
        plots.add(classPlot(ctx, ganClasses, vaeClasses, realClasses, mh.mhClasses()));
        plots.add(Plots.lines(ctx.dir(), "losses.png", "DCGAN losses", "update", "cross-entropy", List.of(
                new Plots.Series("discriminator", column(losses, 0), column(losses, 1)),
                new Plots.Series("generator, -log D(G(z))", column(losses, 0), column(losses, 2)))));

        double finalD = losses.subList(Math.max(0, losses.size() - 50), losses.size()).stream()
                .mapToDouble(r -> r[1]).average().orElse(Double.NaN);
        Metrics m = new Metrics(s.steps(), secondsPerStep, finalD, accuracy, n, fidGan, fidVae, fidReal, ganClasses,
                vaeClasses, realClasses, mh);
        return new Outcome<>(m, plots, String.format(Locale.ROOT,
                "After %d updates (%.2f s each) the DCGAN's classifier FID is %.2f against %.2f for the VAE's samples "
                        + "and %.2f for held-out real images (the floor), %d images per set; the feature convnet "
                        + "scores %.1f%% on test images. MH-GAN (%d proposals per chain, acceptance %.2f) gives %.2f; "
                        + "DRS keeps %d proposals, FID %.2f over %d images (plain GAN %.2f at that count).",
                s.steps(), secondsPerStep, fidGan, fidVae, fidReal, n, 100 * accuracy, mh.proposals(),
                mh.acceptRate(), mh.fidMh(), mh.drsKept(), mh.fidDrs(), mh.drsCount(), mh.fidGanAtDrsCount()));
    }

    /**
     * MH-GAN and DRS on one pool of fidSamples·(proposals+1) generator samples: D calibrated on held-out real
     * images and fresh samples; one chain per output image, each over its own run of the pool; DRS's bound M the
     * largest calibrated logit of the calibration samples (its burn-in).
     */
    private static Corrected corrected(Dcgan gan, MultiLayerNetwork classifier, Frechet.Moments reference,
                                       INDArray calibrationReal, INDArray ganImages, Settings s, long seed) {
        INDArray calibrationFake = gan.generate(gan.latent(CALIBRATION, SplitMix64.seeded(seed + 14)));
        double[] fakeLogits = logits(gan, calibrationFake, MhGan.Calibration.NONE);
        MhGan.Calibration cal = MhGan.Calibration.fit(logits(gan, calibrationReal, MhGan.Calibration.NONE),
                fakeLogits);
        double maxLogit = Arrays.stream(fakeLogits).map(cal::apply).max().orElseThrow();

        int n = s.fidSamples();
        int length = s.mhProposals() + 1;
        INDArray pool = generate(gan, n * length, SplitMix64.seeded(seed + 15));
        double[] logits = logits(gan, pool, cal);
        SplitMix64 rng = SplitMix64.seeded(seed + 16);
        long[] chosen = new long[n];
        double acceptance = 0;
        for (int c = 0; c < n; c++) {
            double[] run = Arrays.copyOfRange(logits, c * length, (c + 1) * length);
            chosen[c] = (long) c * length + MhGan.chain(run, rng);
            for (int k = 1; k < length; k++) {
                acceptance += MhGan.acceptance(run[k - 1], run[k]) / (n * (length - 1.0));
            }
        }
        INDArray mhImages = pool.get(NDArrayIndex.indices(chosen));
        double fidMh = Frechet.distance(reference, Frechet.Moments.of(features(classifier, mhImages)));

        boolean[] keep = MhGan.rejection(logits, maxLogit, rng);
        long[] kept = IntStream.range(0, keep.length).filter(i -> keep[i]).asLongStream().toArray();
        int count = Math.min(n, kept.length);
        double fidDrs = Double.NaN;
        double fidGanAtCount = Double.NaN;
        if (count > 128) {
            INDArray drsImages = pool.get(NDArrayIndex.indices(Arrays.copyOf(kept, count)));
            fidDrs = Frechet.distance(reference, Frechet.Moments.of(features(classifier, drsImages)));
            fidGanAtCount = Frechet.distance(reference, Frechet.Moments.of(features(classifier,
                    ganImages.get(NDArrayIndex.interval(0, count)))));
        }
        return new Corrected(cal.slope(), cal.intercept(), s.mhProposals(), acceptance, fidMh,
                classFrequencies(classifier, mhImages), kept.length, count, fidDrs, fidGanAtCount);
    }

    /** {@code n} generator samples, made in chunks. */
    private static INDArray generate(Dcgan gan, int n, SplitMix64 rng) {
        List<INDArray> parts = new ArrayList<>();
        for (int at = 0; at < n; at += CHUNK) {
            parts.add(gan.generate(gan.latent(Math.min(CHUNK, n - at), rng)));
        }
        return Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }

    /** D's calibrated logits ℓ = cal(log(D/(1 − D))) of {@code images}, D clipped away from 0 and 1. */
    private static double[] logits(Dcgan gan, INDArray images, MhGan.Calibration cal) {
        double[] out = new double[(int) images.size(0)];
        for (int at = 0; at < out.length; at += CHUNK) {
            double[] d = gan.discriminate(images.get(NDArrayIndex.interval(at, Math.min(out.length, at + CHUNK))))
                    .toDoubleVector();
            for (int i = 0; i < d.length; i++) {
                double p = Math.min(Math.max(d[i], 1e-7), 1 - 1e-7);
                out[at + i] = cal.apply(Math.log(p / (1 - p)));
            }
        }
        return out;
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
        for (long at = 0; at < images.size(0); at += CHUNK) {
            INDArray chunk = images.get(NDArrayIndex.interval(at, Math.min(images.size(0), at + CHUNK)));
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

    private static String classPlot(Context ctx, double[] gan, double[] vae, double[] real, double[] mh)
            throws Exception {
        double[] x = new double[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            x[c] = c;
        }
        return Plots.lines(ctx.dir(), "classes.png", "predicted classes of samples (mode coverage)", "class",
                "fraction", List.of(new Plots.Series("DCGAN", x, gan), new Plots.Series("MH-GAN", x, mh), new Plots.Series("VAE", x, vae),
                        new Plots.Series("test images", x, real)));
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    private static float[][] rows(INDArray images) {
        return VaeFashion.rows(images.reshape(images.size(0), (long) SIDE * SIDE));
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.PROBABILISTIC, "A DCGAN's samples are closer to the data than a VAE's, and correcting"
                        + " them with the discriminator (MH-GAN) brings them closer still (classifier FID).",
                "Radford et al. 2016; Turner et al. 2019 (MH-GAN)", "no comparable figure: the papers' FIDs use"
                        + " Inception features on other data; judged GAN against VAE and MH-GAN against GAN", "fid_gan",
                "fid_vae", "fid_real", "mh");
    }

    /**
     * A difference of FIDs counts only when it exceeds the floor {@code fidReal} (the distance that finite samples
     * give between two sets from the same distribution). Reproduced when the GAN beats the VAE and MH-GAN beats the
     * GAN by more than that; partly when one of the two holds; else not reproduced.
     */
    @Override
    public Verdict judge(Metrics m) {
        boolean ganBeatsVae = m.fidVae() - m.fidGan() > m.fidReal();
        boolean mhBeatsGan = m.fidGan() - m.mh().fidMh() > m.fidReal();
        return Verdict.of(ganBeatsVae && mhBeatsGan, ganBeatsVae || mhBeatsGan);
    }
}
