package dev.primer.prob.gan;

import dev.primer.nn.Networks;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A generative adversarial pair (Goodfellow et al. 2014) of DL4J networks, the small DCGAN of {@link
 * Networks#dcganGenerator} and {@link Networks#dcganDiscriminator}, trained by alternating updates: the
 * discriminator D by binary cross-entropy on a real and a generated batch, then the generator G by the
 * non-saturating loss −log D(G(z)) (Goodfellow et al. 2014, §3), whose gradient with respect to the images is
 * D's own input error ({@link MultiLayerNetwork#calculateGradients}) backpropagated through G as an external error.
 * Adam with β₁ = 0.5 and rate 2·10⁻⁴ as Radford et al. (2016, §4). Not thread-safe.
 */
public final class Dcgan {
    private final Config config;
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final SplitMix64 noise;

    /**
     * The model's sizes and rate.
     *
     * @param latent dimension of z ~ N(0, I)
     * @param width  channels of the first discriminator layer and last generator layer (doubled next to them)
     * @param lr     Adam's rate for both networks
     */
    public record Config(int latent, int width, double lr) {
        /** Rejects non-positive sizes. */
        public Config {
            if (latent < 1 || width < 1 || !(lr > 0)) {
                throw new IllegalArgumentException("DCGAN needs latent, width and lr > 0, got " + latent + ", " + width
                        + ", " + lr);
            }
        }

        /** Radford et al.'s rate 2·10⁻⁴ with a latent of 64 and {@code width} channels. */
        public static Config of(int width) {
            return new Config(64, width, 2e-4);
        }

        Updates updates() {
            // Radford et al. 2016, §4: Adam, learning rate 0.0002, β₁ = 0.5 (0.9 oscillated).
            return new Updates(new Optimizer.Adam(0.5, 0.999, 1e-8), LearningRate.constant(lr), 0, 0);
        }
    }

    /** The losses of one {@link #step}: D's cross-entropy on its real+fake batch, G's −log D(G(z)). */
    public record Losses(double discriminator, double generator) {
    }

    /** A fresh pair with weights and noise drawn from {@code seed}. */
    public Dcgan(Config config, long seed) {
        this.config = config;
        this.generator = Networks.dcganGenerator(config.latent(), config.width(), config.updates(), seed);
        this.discriminator = Networks.dcganDiscriminator(config.width(), config.updates(), seed + 1);
        this.noise = SplitMix64.seeded(seed + 2);
    }

    /** The configuration. */
    public Config config() {
        return config;
    }

    /** One discriminator update then one generator update on {@code real} images (n × 1 × 28 × 28, in [0, 1]). */
    public Losses step(INDArray real) {
        int n = (int) real.size(0);
        INDArray fake = generator.output(latent(n, noise), true);
        INDArray both = Nd4j.concat(0, real, fake);
        INDArray labels = Nd4j.concat(0, Nd4j.ones(DataType.FLOAT, n, 1), Nd4j.zeros(DataType.FLOAT, n, 1));
        discriminator.fit(both, labels);
        double dLoss = discriminator.score();

        INDArray z = latent(n, noise);
        generator.setInput(z);
        INDArray generated = generator.feedForward(true, false).get(generator.getnLayers());
        // −log D(G(z)) is D's cross-entropy with the label "real"; its input error is dL/dG(z).
        Pair<Gradient, INDArray> dg = discriminator.calculateGradients(generated, Nd4j.ones(DataType.FLOAT, n, 1),
                null, null);
        INDArray imageError = dg.getSecond().dup();
        double gLoss = -Transforms.log(discriminator.output(generated, false), false).meanNumber().doubleValue();
        Gradient g = generator.backpropGradient(imageError, LayerWorkspaceMgr.noWorkspaces()).getFirst();
        generator.getUpdater().update(generator, g, generator.getIterationCount(), generator.getEpochCount(), n,
                LayerWorkspaceMgr.noWorkspaces());
        generator.params().subi(g.gradient());
        generator.setIterationCount(generator.getIterationCount() + 1);
        return new Losses(dLoss, gLoss);
    }

    /** G's images (n × 1 × 28 × 28) for latent codes {@code z} (n × latent), batch norm in inference mode. */
    public INDArray generate(INDArray z) {
        return generator.output(z, false);
    }

    /** D's probabilities (n × 1) that {@code images} are real. */
    public INDArray discriminate(INDArray images) {
        return discriminator.output(images, false);
    }

    /** {@code n} latent codes z ~ N(0, I) drawn from {@code rng}. */
    public INDArray latent(int n, SplitMix64 rng) {
        float[] z = new float[n * config.latent()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussianBoxMuller();
        }
        return Nd4j.create(z, new long[] {n, config.latent()}, 'c');
    }
}
