package dev.primer.prob.gan;

import dev.primer.nn.Networks;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Image-to-image translation with a conditional GAN (pix2pix, Isola et al. 2017): a U-Net generator G ({@link
 * Networks#unetGenerator}) maps a source image x to an output G(x) and a PatchGAN discriminator D ({@link
 * Networks#patchDiscriminator}) judges (x, y) pairs patch by patch. Each {@link #step} makes one D update by binary
 * cross-entropy on real pairs (x, y) and generated pairs (x, G(x)), then one G update on the loss of their Eq. 4,
 * L = L_cGAN + λ·L_L1, with the adversarial term non-saturating (−log D(x, G(x)), the "vanilla" loss of their code)
 * and both terms as means: over patches and over pixels. With {@link Config#adversarial()} false the same G is
 * trained on λ·L_L1 alone (the paper's "L1" row of Table 1) and D is never updated. Adam with rate 2·10⁻⁴ and
 * β₁ = 0.5 as §3.3. G's batch norm uses batch statistics in training and running statistics in {@link #translate}.
 * Not thread-safe.
 */
public final class Pix2Pix {
    /** λ of Isola et al. Eq. 4 (§4, "λ = 100"). */
    public static final double PAPER_LAMBDA = 100;
    private static final double EPS = 1e-7;

    private final Config config;
    private final int side;
    private final ComputationGraph generator;
    private final MultiLayerNetwork discriminator;

    /**
     * The model.
     *
     * @param width       channels of the first G and D layers
     * @param depth       the U-Net's down-samplings
     * @param lambda      weight of the L1 term
     * @param adversarial whether the cGAN term is trained (false: the L1-only U-Net)
     * @param rate        Adam's rate for both networks, per update
     */
    public record Config(int width, int depth, double lambda, boolean adversarial, LearningRate rate) {
        /** Rejects sizes and weights that cannot train. */
        public Config {
            if (width < 1 || depth < 2 || !(lambda > 0) || !(rate.initial() > 0)) {
                throw new IllegalArgumentException("pix2pix needs width >= 1, depth >= 2, lambda > 0 and a rate > 0,"
                        + " got " + width + ", " + depth + ", " + lambda + ", " + rate);
            }
        }

        /** pix2pix at the paper's λ and constant rate, {@code width} channels, {@code depth} down-samplings. */
        public static Config pix2pix(int width, int depth) {
            return new Config(width, depth, PAPER_LAMBDA, true, LearningRate.constant(2e-4));
        }

        /** This configuration with the adversarial term switched off: the L1-only U-Net. */
        public Config l1Only() {
            return new Config(width, depth, lambda, false, rate);
        }

        /** This configuration with Adam's rate schedule {@code schedule}. */
        public Config withRate(LearningRate schedule) {
            return new Config(width, depth, lambda, adversarial, schedule);
        }

        Updates updates() {
            // Isola et al. 2017, §3.3: Adam, learning rate 0.0002, β₁ = 0.5, β₂ = 0.999.
            return new Updates(new Optimizer.Adam(0.5, 0.999, 1e-8), rate, 0, 0);
        }
    }

    /**
     * The losses of one {@link #step}, each a mean.
     *
     * @param discriminator D's cross-entropy per patch on its real and generated pairs (NaN when L1-only)
     * @param adversarial   G's −log D(x, G(x)) per patch (NaN when L1-only)
     * @param l1            |G(x) − y| per pixel
     */
    public record Losses(double discriminator, double adversarial, double l1) {
    }

    /** A fresh model for {@code side}×{@code side} images, weights drawn from {@code seed}. */
    public Pix2Pix(Config config, int side, long seed) {
        this.config = config;
        this.side = side;
        this.generator = Networks.unetGenerator(side, config.width(), config.depth(), config.updates(), seed);
        this.discriminator = Networks.patchDiscriminator(side, config.width(), config.updates(), seed + 1);
    }

    /** The configuration. */
    public Config config() {
        return config;
    }

    /** One D update (unless L1-only) then one G update on sources x and targets y, both n × 1 × side × side. */
    public Losses step(INDArray source, INDArray target) {
        int n = (int) source.size(0);
        INDArray fake = generator.feedForward(new INDArray[] {source}, true, false).get("output");
        // d/dG of the batch's summed per-image mean L1 (DL4J's updater divides by n)
        INDArray error = Transforms.sign(fake.sub(target)).muli(config.lambda() / pixels());
        double l1 = Transforms.abs(fake.sub(target)).meanNumber().doubleValue();
        double dLoss = Double.NaN;
        double gAdv = Double.NaN;
        if (config.adversarial()) {
            INDArray fakePair = Nd4j.concat(1, source, fake).detach();
            discriminator.fit(Nd4j.concat(0, Nd4j.concat(1, source, target), fakePair),
                    Nd4j.concat(0, patchLabels(n, 1), patchLabels(n, 0)));
            dLoss = discriminator.score() / patches();
            // −log D(x, G(x)) is D's cross-entropy with the label "real"; the image channel of its input error is
            // dL/dG(x), summed over patches: divided by their number for the per-patch mean.
            INDArray pairError = discriminator.calculateGradients(fakePair, patchLabels(n, 1), null, null)
                    .getSecond();
            error.addi(pairError.get(NDArrayIndex.all(), NDArrayIndex.point(1), NDArrayIndex.all(),
                    NDArrayIndex.all()).reshape(n, 1, side, side).div(patches()));
            gAdv = -Transforms.log(Transforms.max(discriminator.output(fakePair, false), EPS), false).meanNumber()
                    .doubleValue();
        }
        Gradient g = generator.backpropGradient(error);
        generator.getUpdater().update(g, generator.getIterationCount(), generator.getEpochCount(), n,
                LayerWorkspaceMgr.noWorkspaces());
        generator.params().subi(g.gradient());
        generator.getConfiguration().setIterationCount(generator.getIterationCount() + 1);
        return new Losses(dLoss, gAdv, l1);
    }

    /** G's outputs (n × 1 × side × side) for {@code source}, batch norm in inference mode. */
    public INDArray translate(INDArray source) {
        return generator.output(false, source)[0];
    }

    /** D's probabilities (n × 1 × side/4 × side/4) that each patch of the pairs (x, y) is real. */
    public INDArray discriminate(INDArray source, INDArray image) {
        return discriminator.output(Nd4j.concat(1, source, image), false);
    }

    private INDArray patchLabels(int n, double value) {
        int p = side / 4;
        return Nd4j.valueArrayOf(new long[] {n, 1, p, p}, value, DataType.FLOAT);
    }

    private double patches() {
        return (side / 4.0) * (side / 4.0);
    }

    private double pixels() {
        return (double) side * side;
    }
}
