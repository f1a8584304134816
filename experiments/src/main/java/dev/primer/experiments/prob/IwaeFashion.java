package dev.primer.experiments.prob;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.SettingsExperiment;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.Net;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.vae.Bounds;
import dev.primer.prob.vae.Iwae;
import dev.primer.prob.vae.Vae;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Importance-weighted autoencoders (Burda, Grosse &amp; Salakhutdinov 2016) against the plain VAE on statically
 * binarised Fashion-MNIST: the same model as {@link VaeFashion} (784-400-(μ, log σ²), latent 20, Bernoulli decoder
 * 20-400-784, Adam 1e-3, batch 128) trained on L_k with k = 5 and k = 50 samples in the graph, and on the ELBO with
 * its closed-form KL (k = 1, Kingma &amp; Welling), for equal epochs. Each model is judged by its test ELBO, its
 * IWAE-k NLL ({@link Bounds}) and its number of active latent units (Burda et al. §5), with test-NLL and ELBO curves
 * per epoch.
 */
public final class IwaeFashion extends SettingsExperiment<IwaeFashion.Metrics, IwaeFashion.Settings> {
    private static final int BATCH = 128;
    private static final int LATENT = 20;

    /**
     * How much to run.
     *
     * @param trainLimit training images used (the first ones)
     * @param testLimit  test images of the final bounds
     * @param curveLimit test images of the per-epoch curves
     * @param epochs     epochs of every model
     * @param k          importance samples of the final NLL
     * @param curveK     importance samples of the curves' NLL
     */
    public record Settings(int trainLimit, int testLimit, int curveLimit, int epochs, int k, int curveK) {
    }

    /**
     * The results; train k = 1 is the plain VAE. The headline {@code test_elbo} and {@code iwae_nll} are the
     * k = 50 model's.
     *
     * @param epochs           epochs trained (each model)
     * @param trainExamples    training images used
     * @param testExamples     test images evaluated
     * @param k                importance samples of the NLL estimates
     * @param testElbo         IWAE (k = 50): mean one-sample test ELBO (nats)
     * @param iwaeNll          IWAE (k = 50): −L_k on the test images (nats)
     * @param activeUnits      IWAE (k = 50): active latent units
     * @param testElboVae      VAE: test ELBO
     * @param iwaeNllVae       VAE: test NLL
     * @param activeUnitsVae   VAE: active units
     * @param testElboK5       IWAE (k = 5): test ELBO
     * @param iwaeNllK5        IWAE (k = 5): test NLL
     * @param activeUnitsK5    IWAE (k = 5): active units
     * @param secondsPerEpoch     IWAE (k = 50): training wall time per epoch
     * @param secondsPerEpochVae  VAE: training wall time per epoch
     * @param secondsPerEpochK5   IWAE (k = 5): training wall time per epoch
     * @param medianSecondsPerEpoch    IWAE (k = 50): the median epoch's minibatch loop (no evaluations or checkpoints)
     * @param medianSecondsPerEpochVae VAE: the median epoch's minibatch loop
     * @param medianSecondsPerEpochK5  IWAE (k = 5): the median epoch's minibatch loop
     */
    public record Metrics(int epochs, int trainExamples, int testExamples, int k, double testElbo, double iwaeNll,
                          int activeUnits, double testElboVae, double iwaeNllVae, int activeUnitsVae,
                          double testElboK5, double iwaeNllK5, int activeUnitsK5, double secondsPerEpoch,
                          double secondsPerEpochVae, double secondsPerEpochK5, double medianSecondsPerEpoch,
                          double medianSecondsPerEpochVae, double medianSecondsPerEpochK5) {
    }

    /** The importance samples of the three models, in the order trained: the VAE, then IWAE-5 and IWAE-50. */
    static final int[] TRAIN_K = {1, 5, 50};

    /** The experiment, as the registry lists it. */
    public IwaeFashion() {
        super("iwae", "IWAE (Burda et al.) k = 5, 50 against the VAE on binarised Fashion-MNIST: test NLL, ELBO and"
                        + " active units", new Settings(1_500, 500, 200, 1, 10, 5),
                new Settings(Integer.MAX_VALUE, Integer.MAX_VALUE, 1_000, 10, 100, 20));
    }

    /** One trained model's test figures. */
    record Scored(Bounds bounds, int activeUnits, double secondsPerEpoch, double medianSecondsPerEpoch,
                  Plots.Series nll, Plots.Series elbo) {
    }

    /**
     * Trains the model of {@code k} samples (k = 1: the VAE with its closed-form KL) on {@code train} for
     * {@code epochs}, recording the test ELBO and IWAE-{@code curveK} NLL on {@code curve} after every epoch.
     */
    static VaeFashion.Trained train(int k, ArrayDataset train, INDArray curve, int epochs, int curveK, long seed,
                                    Path out) {
        Vae vae = Vae.of(LATENT);
        Iwae iwae = new Iwae(vae, k);
        UnaryOperator<ExprNet> evaluator = k == 1 ? n -> n : iwae::evaluator;
        int perEpoch = (train.size() + BATCH - 1) / BATCH;
        return VaeFashion.train(() -> k == 1 ? vae.build(Updates.adam(1e-3), seed)
                        : iwae.build(Updates.adam(1e-3), seed), train, BATCH, epochs, seed, out, perEpoch,
                (net, step) -> {
                    Bounds b = Bounds.of(evaluator.apply(((Net.Expr) net).net()), curve, curveK, seed);
                    return Map.of("test_elbo", b.elbo(), "iwae_nll", -b.iwae());
                });
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        VaeFashion.Data data = VaeFashion.Data.of(s.trainLimit(), s.testLimit(), s.curveLimit());
        List<Scored> scored = new ArrayList<>();
        for (int k : TRAIN_K) {
            Path dir = ctx.dir().resolve("train-k" + k);
            VaeFashion.Trained t = train(k, data.train(), data.curve(), s.epochs(), s.curveK(), ctx.seed(), dir);
            ExprNet eval = k == 1 ? t.net() : new Iwae(Vae.of(LATENT), k).evaluator(t.net());
            String name = k == 1 ? "VAE (k = 1)" : "IWAE k = " + k;
            INDArray test = data.test().features();
            scored.add(new Scored(Bounds.of(eval, test, s.k(), ctx.seed()), Iwae.activeUnits(eval, test),
                    t.seconds() / s.epochs(), t.result().medianEpochSeconds(), VaeFashion.curve(name, dir, "iwae_nll"),
                    VaeFashion.curve(name, dir, "test_elbo")));
        }
        List<String> plots = new ArrayList<>();
        plots.add(Plots.lines(ctx.dir(), "iwae-nll-curves.png", "test NLL (IWAE-" + s.curveK() + ", first "
                        + data.curve().size(0) + " test images) during training", "update", "NLL (nats)",
                scored.stream().map(Scored::nll).toList()));
        plots.add(Plots.lines(ctx.dir(), "elbo-curves.png", "test ELBO (first " + data.curve().size(0)
                + " test images) during training", "update", "ELBO (nats)", scored.stream().map(Scored::elbo)
                .toList()));
        Scored vae = scored.get(0);
        Scored k5 = scored.get(1);
        Scored k50 = scored.get(2);
        int n = data.train().size();
        Metrics m = new Metrics(s.epochs(), n, data.test().size(), s.k(), k50.bounds().elbo(),
                -k50.bounds().iwae(), k50.activeUnits(), vae.bounds().elbo(), -vae.bounds().iwae(),
                vae.activeUnits(), k5.bounds().elbo(), -k5.bounds().iwae(), k5.activeUnits(), k50.secondsPerEpoch(),
                vae.secondsPerEpoch(), k5.secondsPerEpoch(), k50.medianSecondsPerEpoch(), vae.medianSecondsPerEpoch(),
                k5.medianSecondsPerEpoch());
        return new Outcome<>(m, plots, String.format(Locale.ROOT,
                "On binarised Fashion-MNIST (%d epoch(s), %d images), IWAE-%d test NLL: VAE %.2f, IWAE k = 5 %.2f, "
                        + "k = 50 %.2f nats; test ELBO %.2f / %.2f / %.2f; active units %d / %d / %d of %d.",
                s.epochs(), n, s.k(), m.iwaeNllVae(), m.iwaeNllK5(), m.iwaeNll(), m.testElboVae(),
                m.testElboK5(), m.testElbo(), m.activeUnitsVae(), m.activeUnitsK5(), m.activeUnits(), LATENT));
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.PROBABILISTIC, "Training on the importance-weighted bound with more samples gives a"
                        + " better test log-likelihood: NLL(IWAE k = 50) < NLL(IWAE k = 5) < NLL(VAE).",
                "Burda, Grosse & Salakhutdinov 2016, Table 1 (MNIST, one stochastic layer)",
                "NLL 86.76 (VAE), 85.54 (k = 5), 84.78 (k = 50) on MNIST", "iwae_nll", "iwae_nll_k5",
                "iwae_nll_vae", "active_units", "active_units_vae", "k", "epochs");
    }

    /**
     * Reproduced when the test NLL falls strictly with k (IWAE-50 below IWAE-5 below the VAE), as in Burda et al.'s
     * Table 1; partly when IWAE-50 beats the VAE but the order is not monotone. One seed each: gaps under a few
     * tenths of a nat are within seed-to-seed noise, which the verdict does not see.
     */
    @Override
    public Verdict judge(Metrics m) {
        return Verdict.of(m.iwaeNll() < m.iwaeNllK5() && m.iwaeNllK5() < m.iwaeNllVae(),
                m.iwaeNll() < m.iwaeNllVae());
    }
}
