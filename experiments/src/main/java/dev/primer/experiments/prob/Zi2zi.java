package dev.primer.experiments.prob;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.SettingsExperiment;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Glyphs;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.train.StepCsv;
import dev.primer.prob.gan.Pix2Pix;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Font-to-font translation of Chinese characters (zi2zi, after pix2pix, Isola et al. 2017): the GB 2312 level-1
 * hanzi rendered by {@link Glyphs} from {@code fonts-arphic-ukai} (AR PL UKai, brush script; the source) and {@code
 * fonts-wqy-zenhei} (WenQuanYi Zen Hei, heavy sans; the target) at 32×32 pixels, the size at which the 2-core CPU
 * trains a U-Net in minutes and the glyphs stay legible; one character in ten (by a hash of its code point) is never
 * seen in training. Two models with the same U-Net, data order, steps and optimiser, trained in lockstep: the U-Net
 * on λ·L1 alone and pix2pix (λ·L1 plus a conditional PatchGAN, {@link Pix2Pix}); and the identity (output = source)
 * as the floor every model must beat. Metric: mean per-pixel L1 on [0, 1] images over the unseen characters; beside
 * it the outputs' edge energy relative to the targets' (a discriminator-free sharpness measure: blur lowers it).
 */
public final class Zi2zi extends SettingsExperiment<Zi2zi.Metrics, Zi2zi.Settings> {
    /** Image side: 32 pixels, divisible by 2^{@link #DEPTH}. */
    static final int SIDE = 32;
    private static final int DEPTH = 4;
    private static final int BATCH = 32;
    private static final int EVALUATIONS = 10;
    private static final int GRID_ROWS = 12;
    private static final int GRID_SCALE = 3;

    /**
     * The budget.
     *
     * @param steps updates of each model (one D and one G update each for pix2pix)
     * @param width channels of the first U-Net and PatchGAN layer
     * @param lr    Adam's initial rate, decayed linearly to 0 at the last update (pix2pix's code decays linearly
     *              over its second half; its constant 2·10⁻⁴ needs more updates than a CPU budget gives)
     */
    public record Settings(int steps, int width, double lr) {
        /** Rejects sizes that cannot run. */
        public Settings {
            if (steps < EVALUATIONS || width < 1 || !(lr > 0)) {
                throw new IllegalArgumentException("zi2zi settings: need steps >= " + EVALUATIONS + ", width >= 1 and"
                        + " lr > 0; got " + steps + ", " + width + ", " + lr);
            }
        }
    }

    /**
     * The results.
     *
     * @param trainCharacters    characters seen in training
     * @param testCharacters     unseen characters the L1s are measured on
     * @param steps              updates of each model
     * @param width              first-layer channels
     * @param identityL1         test L1 of the source glyph itself
     * @param l1OnlyL1           test L1 of the U-Net trained on λ·L1 alone
     * @param pix2pixL1          test L1 of pix2pix
     * @param l1OnlyTrainL1      the L1-only U-Net's L1 on the training characters
     * @param pix2pixTrainL1     pix2pix's L1 on the training characters
     * @param l1OnlyEdges        the L1-only outputs' edge energy over the targets' (1: as sharp as the targets)
     * @param pix2pixEdges       pix2pix's outputs' edge energy over the targets'
     * @param finalDiscriminator D's cross-entropy per patch over the last tenth of the updates
     * @param secondsL1Only      wall time per L1-only update
     * @param secondsPix2pix     wall time per pix2pix update (D and G)
     */
    public record Metrics(int trainCharacters, int testCharacters, int steps, int width, double identityL1,
                          double l1OnlyL1, double pix2pixL1, double l1OnlyTrainL1, double pix2pixTrainL1,
                          double l1OnlyEdges, double pix2pixEdges, double finalDiscriminator, double secondsL1Only,
                          double secondsPix2pix) {
    }

    /** The experiment, as the registry lists it. */
    public Zi2zi() {
        super("zi2zi", "Font-to-font translation of unseen Chinese characters (pix2pix, Isola et al.): U-Net with a "
                + "PatchGAN against an L1-only U-Net and the identity, test L1", new Settings(120, 8, 2e-3),
                new Settings(3000, 16, 1e-3));
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        Font source = Glyphs.Face.UKAI.load();
        Font target = Glyphs.Face.ZENHEI.load();
        int[] chars = Glyphs.coveredBy(Glyphs.gb2312Level1(), source, target);
        Pair train = Pair.of(source, target, Glyphs.split(chars, false));
        Pair test = Pair.of(source, target, Glyphs.split(chars, true));
        double identity = l1(test.source(), test.target());

        Pix2Pix.Config config = Pix2Pix.Config.pix2pix(s.width(), DEPTH)
                .withRate(LearningRate.poly(s.lr(), 1, s.steps()));
        Pix2Pix l1Only = new Pix2Pix(config.l1Only(), SIDE, ctx.seed());
        Pix2Pix gan = new Pix2Pix(config, SIDE, ctx.seed());
        ArrayDataset data = new ArrayDataset(train.source(), train.target().reshape(train.size(), (long) SIDE * SIDE));
        List<double[]> curve = new ArrayList<>();
        double dTail = 0;
        long nanosL1 = 0;
        long nanosGan = 0;
        try (StepCsv log = StepCsv.open(ctx.dir().resolve("losses.csv"),
                "step,l1_only_l1,pix2pix_l1,pix2pix_adversarial,discriminator", 0);
             StepCsv eval = StepCsv.open(ctx.dir().resolve("test-l1.csv"), "step,identity,l1_only,pix2pix", 0)) {
            int step = 0;
            for (int epoch = 0; step < s.steps(); epoch++) {
                DataSetIterator it = data.batches(BATCH, ctx.seed(), epoch);
                while (it.hasNext() && step < s.steps()) {
                    DataSet batch = it.next();
                    INDArray x = batch.getFeatures();
                    INDArray y = batch.getLabels().reshape(x.shape());
                    long t0 = System.nanoTime();
                    Pix2Pix.Losses a = l1Only.step(x, y);
                    long t1 = System.nanoTime();
                    Pix2Pix.Losses b = gan.step(x, y);
                    nanosL1 += t1 - t0;
                    nanosGan += System.nanoTime() - t1;
                    log.row(++step, a.l1(), b.l1(), b.adversarial(), b.discriminator());
                    if (step > s.steps() - s.steps() / 10) {
                        dTail += b.discriminator() / (s.steps() / 10);
                    }
                    if (step % (s.steps() / EVALUATIONS) == 0) {
                        double[] row = {step, identity, l1(l1Only.translate(test.source()), test.target()),
                                l1(gan.translate(test.source()), test.target())};
                        eval.row(step, row[1], row[2], row[3]);
                        curve.add(row);
                    }
                }
            }
        }
        INDArray outL1 = l1Only.translate(test.source());
        INDArray outGan = gan.translate(test.source());
        double targetEdges = edgeEnergy(test.target());
        Metrics m = new Metrics(train.size(), test.size(), s.steps(), s.width(), identity, l1(outL1, test.target()),
                l1(outGan, test.target()), l1(l1Only.translate(train.source()), train.target()),
                l1(gan.translate(train.source()), train.target()), edgeEnergy(outL1) / targetEdges,
                edgeEnergy(outGan) / targetEdges, dTail, nanosL1 / 1e9 / s.steps(), nanosGan / 1e9 / s.steps());

        List<String> plots = List.of(grid(ctx, test, outL1, outGan), Plots.lines(ctx.dir(), "test-l1.png",
                "L1 per pixel on unseen characters", "update", "L1", List.of(
                        new Plots.Series("identity", column(curve, 0), column(curve, 1)),
                        new Plots.Series("L1-only U-Net", column(curve, 0), column(curve, 2)),
                        new Plots.Series("pix2pix", column(curve, 0), column(curve, 3)))));
        return new Outcome<>(m, plots, String.format(Locale.ROOT,
                "On %d unseen characters (UKai to Zen Hei, %dx%d), after %d updates on %d characters: test L1 %.4f "
                        + "for pix2pix, %.4f for the L1-only U-Net, %.4f for the identity; edge energy against the "
                        + "targets' %.2f (pix2pix) and %.2f (L1-only); %.2f s per pix2pix update, %.2f per L1-only.",
                test.size(), SIDE, SIDE, s.steps(), train.size(), m.pix2pixL1(), m.l1OnlyL1(), identity,
                m.pix2pixEdges(), m.l1OnlyEdges(), m.secondsPix2pix(), m.secondsL1Only()));
    }

    /** Source and target glyphs of the same characters, {@code [N, 1, SIDE, SIDE]} each. */
    private record Pair(int[] chars, INDArray source, INDArray target) {
        static Pair of(Font source, Font target, int[] chars) {
            return new Pair(chars, Glyphs.render(source, chars, SIDE), Glyphs.render(target, chars, SIDE));
        }

        int size() {
            return chars.length;
        }
    }

    /** Mean per-pixel |a − b|. */
    static double l1(INDArray a, INDArray b) {
        return Transforms.abs(a.sub(b)).meanNumber().doubleValue();
    }

    /** Mean squared horizontal plus vertical difference between neighbouring pixels of {@code [N, 1, h, w]} images. */
    static double edgeEnergy(INDArray images) {
        long h = images.size(2);
        long w = images.size(3);
        INDArrayIndex all = NDArrayIndex.all();
        INDArray dx = images.get(all, all, all, NDArrayIndex.interval(1, w))
                .sub(images.get(all, all, all, NDArrayIndex.interval(0, w - 1)));
        INDArray dy = images.get(all, all, NDArrayIndex.interval(1, h), all)
                .sub(images.get(all, all, NDArrayIndex.interval(0, h - 1), all));
        return dx.mul(dx).meanNumber().doubleValue() + dy.mul(dy).meanNumber().doubleValue();
    }

    /** The picture: source, target, L1-only and pix2pix glyphs of the first unseen characters, black ink on white. */
    private static String grid(Context ctx, Pair test, INDArray outL1, INDArray outGan) throws Exception {
        List<List<Plots.Tile>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(GRID_ROWS, test.size()); i++) {
            String code = String.format(Locale.ROOT, "U+%04X", test.chars()[i]);
            rows.add(List.of(tile(code, test.source(), i), tile("", test.target(), i), tile("", outL1, i),
                    tile("", outGan, i)));
        }
        return Plots.imageGrid(ctx.dir(), "glyphs.png", "unseen characters, UKai to Zen Hei",
                List.of("source (UKai)", "target (Zen Hei)", "L1-only U-Net", "pix2pix"), rows, GRID_SCALE);
    }

    private static Plots.Tile tile(String caption, INDArray images, int i) {
        float[] ink = images.get(NDArrayIndex.point(i)).dup().reshape(SIDE * SIDE).toFloatVector();
        float[] paper = new float[ink.length];
        for (int p = 0; p < ink.length; p++) {
            paper[p] = 1 - ink[p];
        }
        return new Plots.Tile(caption, SIDE, SIDE, paper);
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.PROBABILISTIC, "pix2pix (a U-Net trained with a conditional PatchGAN and λ·L1) "
                        + "translates unseen Chinese characters from one font to another with a lower L1 than the "
                        + "identity and no higher than the same U-Net trained on L1 alone.",
                "Isola et al. 2017 (pix2pix), §4.2, Table 1; zi2zi (Tian 2017)", "no comparable figure: the paper "
                        + "reports FCN scores on Cityscapes, where L1+cGAN beats L1 alone (0.66 against 0.42 per-pixel"
                        + " accuracy)", "pix2pix_l1", "l1_only_l1", "identity_l1", "pix2pix_edges", "l1_only_edges");
    }

    /**
     * The bar on the unseen characters' L1: reproduced when pix2pix's is below the identity's and no higher
     * than the L1-only U-Net's; partly when it is below the identity's only; else not reproduced.
     */
    @Override
    public Verdict judge(Metrics m) {
        boolean beatsIdentity = m.pix2pixL1() < m.identityL1();
        return Verdict.of(beatsIdentity && m.pix2pixL1() <= m.l1OnlyL1(), beatsIdentity);
    }
}
