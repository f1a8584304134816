package dev.primer.experiments.seq;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.SettingsExperiment;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.Net;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Hershey;
import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.seq.SketchRnn;
import dev.primer.nn.seq.SketchSampler;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Ha &amp; Eck 2017: Sketch-RNN, a sequence VAE of pen strokes ({@link SketchRnn}), learns a latent space of drawings
 * in which a sketch's code reconstructs it and codes in between decode to drawings in between. Here the sketches are
 * the glyphs of the Hershey fonts (Debian {@code hershey-fonts-data}, every font, glyphs of at most N_max points);
 * some glyphs are held out. The run trains the VAE and, with the same settings, the paper's unconditional decoder
 * (§3.4), and measures on the held-out glyphs the reconstruction loss L_R of each (the paper's Table 1 compares the
 * two), the KL term, and whether the decoded endpoints of latent interpolations are closer (chamfer distance of the
 * pen-down traces) to their own glyph than to the other end's. Pictures: held-out glyphs and their
 * reconstructions, samples from the prior at two temperatures, interpolations between held-out glyphs.
 */
public final class SketchRnnExperiment extends SettingsExperiment<SketchRnnExperiment.Metrics,
        SketchRnnExperiment.Settings> {
    /** Reproduced needs this share of interpolation endpoints decoded closer to their own glyph than to the other. */
    static final double ENDPOINT_BAR = 0.9;
    /** Ha &amp; Eck's KL term: w_KL 0.5 (Table 1's middle setting), η_min 0.01, R 0.99995, KL_min 0.2 (§3.2, §4). */
    private static final double W_KL = 0.5;
    private static final double ETA_MIN = 0.01;
    private static final double KL_MIN = 0.2;
    /** Their gradient clip (§4). */
    private static final double CLIP = 1.0;
    /** Temperature of reconstructions and interpolations (low: the mode), and the two of the prior samples. */
    private static final double TAU_LOW = 0.1;
    private static final double TAU_HIGH = 0.5;
    private static final int SHOWN = 6;
    private static final int SAMPLES = 8;
    private static final int FRAMES = 7;
    private static final int TILE = 40;

    /**
     * How much to run.
     *
     * @param steps    N_max: glyphs of more points are left out
     * @param encoder  LSTM cells in each direction of the encoder
     * @param decoder  LSTM cells in the decoder
     * @param latent   N_z
     * @param mixtures M
     * @param batch    sketches per update
     * @param updates  Adam updates (each model)
     * @param every    updates between held-out L_R measurements
     * @param lr       Adam's learning rate
     * @param anneal   R of the KL annealing (η reaches 1 − (1 − η_min)/e after 1/(1 − R) updates)
     * @param heldOut  glyphs held out
     * @param pairs    held-out pairs whose interpolation endpoints are measured
     */
    public record Settings(int steps, int encoder, int decoder, int latent, int mixtures, int batch, int updates,
                           int every, double lr, double anneal, int heldOut, int pairs) {
    }

    /**
     * The results.
     *
     * @param glyphs           glyphs used (at most N_max points)
     * @param heldOut          of them held out
     * @param scale            the std of the training offsets, which divides them (§3.1)
     * @param heldOutLr        the VAE's held-out L_R (z drawn from q(z | S))
     * @param heldOutKl        its held-out L_KL
     * @param unconditionalLr  the unconditional decoder's held-out L_R
     * @param endpointMatch    share of interpolation endpoints (τ = 0.1) closer to their own glyph than to the other
     * @param ownChamfer       mean chamfer distance of an endpoint's decoding to its own glyph
     * @param otherChamfer     … and to the other end's glyph
     * @param seconds          training time of both models, evaluations included
     */
    public record Metrics(int glyphs, int heldOut, double scale, double heldOutLr, double heldOutKl,
                          double unconditionalLr, double endpointMatch, double ownChamfer, double otherChamfer,
                          double seconds) {
    }

    /** The experiment, as the registry lists it. */
    public SketchRnnExperiment() {
        super("sketch-rnn", "Sketch-RNN (Ha & Eck) on Hershey font glyphs: held-out reconstruction, prior samples and"
                        + " latent interpolations", new Settings(16, 32, 64, 16, 5, 32, 60, 30, 3e-3, 0.99, 100, 20),
                new Settings(24, 64, 128, 32, 10, 64, 4_000, 500, 2e-3, 0.999, 200, 100));
    }

    /** The glyphs a run uses and their layout. */
    record Data(SketchRnn model, double scale, List<float[][]> train, List<float[][]> test) {
        ArrayDataset dataset(List<float[][]> sketches) {
            float[][] strokes = new float[sketches.size()][];
            float[][] masks = new float[sketches.size()][];
            for (int i = 0; i < strokes.length; i++) {
                strokes[i] = model.stroke5(sketches.get(i), scale);
                masks[i] = model.mask(sketches.get(i).length);
            }
            return new ArrayDataset(Nd4j.createFromArray(strokes), Nd4j.createFromArray(masks));
        }
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        Data data = data(s, ctx.seed());
        ArrayDataset train = data.dataset(data.train());
        ArrayDataset test = data.dataset(data.test());
        long t0 = System.nanoTime();
        Curve vae = train(data.model(), s, train, test, ctx.seed());
        SketchRnn unconditionalModel = new SketchRnn(s.steps(), s.encoder(), s.decoder(), 0, s.mixtures(),
                data.model().kl());
        Curve unconditional = train(unconditionalModel, s, train, test, ctx.seed());
        double seconds = (System.nanoTime() - t0) / 1e9;

        Map<String, INDArray> held = expr(vae.net()).outputs(test.features(), test.labels());
        SketchSampler sampler = new SketchSampler(data.model(), vae.net().params());
        SplitMix64 rng = SplitMix64.seeded(ctx.seed() ^ 0x5EEDL);
        float[][] codes = sampler.encode(test.features().toFloatMatrix());
        Endpoints ends = endpoints(sampler, data, codes, s, rng);

        List<String> plots = new ArrayList<>();
        plots.add(Plots.lines(ctx.dir(), "reconstruction-loss.png", "Held-out reconstruction loss L_R", "update",
                "L_R", List.of(vae.series("VAE (z from the encoder)"),
                        unconditional.series("unconditional decoder"))));
        plots.add(reconstructions(ctx, sampler, data, codes, rng));
        plots.add(samples(ctx, sampler, data, rng));
        plots.add(interpolations(ctx, sampler, data, codes, rng));
        Metrics m = new Metrics(data.train().size() + data.test().size(), data.test().size(), data.scale(),
                held.get(SketchRnn.RECONSTRUCTION).meanNumber().doubleValue(),
                held.get(SketchRnn.KL).meanNumber().doubleValue(), unconditional.last(), ends.match(), ends.own(),
                ends.other(), seconds);
        return new Outcome<>(m, plots, String.format(Locale.ROOT,
                "On %d held-out Hershey glyphs Sketch-RNN reaches L_R %.3f (L_KL %.3f) against %.3f for the"
                        + " unconditional decoder; %.0f%% of interpolation endpoints decode closer to their own glyph"
                        + " than to the other end's.", m.heldOut(), m.heldOutLr(), m.heldOutKl(),
                m.unconditionalLr(), 100 * m.endpointMatch()));
    }

    /** The glyphs of 1 to N_max points, shuffled by {@code seed}, the last {@code heldOut} held out. */
    static Data data(Settings s, long seed) {
        List<float[][]> all = new ArrayList<>();
        for (Hershey.Glyph g : Hershey.all()) {
            if (g.points() > 0 && g.points() <= s.steps()) {
                all.add(g.stroke3());
            }
        }
        int[] order = new int[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplitMix64.seeded(seed).shuffle(order);
        List<float[][]> train = new ArrayList<>();
        List<float[][]> test = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            (i < order.length - s.heldOut() ? train : test).add(all.get(order[i]));
        }
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (float[][] g : train) {
            for (float[] p : g) {
                sum += p[0] + p[1];
                sq += p[0] * p[0] + p[1] * p[1];
                n += 2;
            }
        }
        double scale = Math.sqrt(sq / n - (sum / n) * (sum / n));
        SketchRnn model = new SketchRnn(s.steps(), s.encoder(), s.decoder(), s.latent(), s.mixtures(),
                new SketchRnn.KlTerm(W_KL, ETA_MIN, s.anneal(), KL_MIN));
        return new Data(model, scale, train, test);
    }

    private static Curve train(SketchRnn model, Settings s, ArrayDataset train, ArrayDataset test, long seed) {
        Updates updates = new Updates(Optimizer.adam(), LearningRate.constant(s.lr()), 0, CLIP);
        return Curve.train(() -> Net.of(new ExprNet(model.training(), updates, seed)), train, s.batch(), s.updates(),
                s.every(), seed, net -> expr(net).outputs(test.features(), test.labels())
                        .get(SketchRnn.RECONSTRUCTION).meanNumber().doubleValue());
    }

    private static ExprNet expr(Net net) {
        return ((Net.Expr) net).net();
    }

    /**
     * Interpolation endpoints measured.
     *
     * @param match share decoded closer to their own glyph than to the other end's
     * @param own   mean chamfer distance to their own glyph
     * @param other mean chamfer distance to the other end's glyph
     */
    record Endpoints(double match, double own, double other) {
    }

    /** Decodes the codes of {@code s.pairs()} held-out pairs (i, i + pairs) at τ = 0.1 and compares them. */
    private static Endpoints endpoints(SketchSampler sampler, Data data, float[][] codes, Settings s,
                                       SplitMix64 rng) {
        int pairs = Math.min(s.pairs(), codes.length / 2);
        float[][] ends = new float[2 * pairs][];
        for (int i = 0; i < 2 * pairs; i++) {
            ends[i] = codes[i];
        }
        List<float[][]> drawn = sampler.decode(ends, 0, TAU_LOW, s.steps(), rng);
        int closer = 0;
        double own = 0;
        double other = 0;
        for (int i = 0; i < 2 * pairs; i++) {
            int partner = i < pairs ? i + pairs : i - pairs;
            float[][] d = scaled(drawn.get(i), data.scale());
            double toOwn = Drawings.chamfer(d, data.test().get(i));
            double toOther = Drawings.chamfer(d, data.test().get(partner));
            closer += toOwn < toOther ? 1 : 0;
            own += toOwn;
            other += toOther;
        }
        return new Endpoints((double) closer / (2 * pairs), own / (2 * pairs), other / (2 * pairs));
    }

    /** A decoded sketch in the glyphs' units. */
    private static float[][] scaled(float[][] sketch, double scale) {
        float[][] out = new float[sketch.length][];
        for (int i = 0; i < sketch.length; i++) {
            out[i] = new float[] {(float) (sketch[i][0] * scale), (float) (sketch[i][1] * scale), sketch[i][2]};
        }
        return out;
    }

    private static String reconstructions(Context ctx, SketchSampler sampler, Data data, float[][] codes,
                                          SplitMix64 rng) throws java.io.IOException {
        float[][] z = java.util.Arrays.copyOf(codes, SHOWN);
        List<float[][]> low = sampler.decode(z, 0, TAU_LOW, data.model().steps(), rng);
        List<float[][]> high = sampler.decode(z, 0, TAU_HIGH, data.model().steps(), rng);
        List<List<Plots.Tile>> rows = new ArrayList<>();
        for (int i = 0; i < SHOWN; i++) {
            rows.add(List.of(Drawings.tile("", data.test().get(i), TILE),
                    Drawings.tile("", low.get(i), TILE), Drawings.tile("", high.get(i), TILE)));
        }
        return Plots.imageGrid(ctx.dir(), "reconstructions.png", "Held-out glyphs, decoded",
                List.of("glyph", "τ = " + TAU_LOW, "τ = " + TAU_HIGH), rows, 2);
    }

    private static String samples(Context ctx, SketchSampler sampler, Data data, SplitMix64 rng)
            throws java.io.IOException {
        float[][] z = new float[SAMPLES][data.model().latent()];
        for (float[] row : z) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) rng.nextGaussianBoxMuller();
            }
        }
        List<List<Plots.Tile>> rows = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (double tau : new double[] {TAU_LOW, TAU_HIGH}) {
            List<Plots.Tile> row = new ArrayList<>();
            for (float[][] d : sampler.decode(z, 0, tau, data.model().steps(), rng)) {
                row.add(Drawings.tile("τ = " + tau, d, TILE));
            }
            rows.add(row);
        }
        for (int i = 0; i < SAMPLES; i++) {
            titles.add("z" + (i + 1));
        }
        return Plots.imageGrid(ctx.dir(), "samples.png", "Samples from the prior z ~ N(0, I), each column one z",
                titles, rows, 2);
    }

    private static String interpolations(Context ctx, SketchSampler sampler, Data data, float[][] codes,
                                         SplitMix64 rng) throws java.io.IOException {
        int pairs = Math.min(SHOWN / 2, codes.length / 2);
        List<List<Plots.Tile>> rows = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        titles.add("glyph A");
        for (int f = 0; f < FRAMES; f++) {
            titles.add(String.format(Locale.ROOT, "t = %.2f", (double) f / (FRAMES - 1)));
        }
        titles.add("glyph B");
        for (int q = 0; q < pairs; q++) {
            float[] a = codes[2 * q];
            float[] b = codes[2 * q + 1];
            float[][] z = new float[FRAMES][a.length];
            for (int f = 0; f < FRAMES; f++) {
                double t = (double) f / (FRAMES - 1);
                for (int k = 0; k < a.length; k++) {
                    z[f][k] = (float) ((1 - t) * a[k] + t * b[k]);
                }
            }
            List<Plots.Tile> row = new ArrayList<>();
            row.add(Drawings.tile("", data.test().get(2 * q), TILE));
            for (float[][] d : sampler.decode(z, 0, TAU_LOW, data.model().steps(), rng)) {
                row.add(Drawings.tile("", d, TILE));
            }
            row.add(Drawings.tile("", data.test().get(2 * q + 1), TILE));
            rows.add(row);
        }
        return Plots.imageGrid(ctx.dir(), "interpolations.png", "Decodings of (1 − t)·z_A + t·z_B (τ = "
                + TAU_LOW + ")", titles, rows, 2);
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.REPRESENTATIONS, "A sequence VAE of pen strokes learns a smooth latent space of"
                        + " sketches: a held-out glyph's code reconstructs it better than a decoder without one, and"
                        + " codes decode back to their own glyph along interpolations.", "Ha & Eck 2017, ICLR 2018",
                "Table 1: the conditional model's L_R is below the unconditional decoder's on every dataset (both"
                        + " negative there, on QuickDraw classes); Figs. 5-6: interpolations between sketches",
                "heldOutLr", "unconditionalLr", "endpointMatch");
    }

    /**
     * Reproduced when the VAE's held-out L_R is below the unconditional decoder's (the latent code carries the
     * sketch, Table 1) and at least {@value #ENDPOINT_BAR} of the interpolation endpoints decode closer to their own
     * glyph than to the other end's; partly when one of the two holds.
     */
    @Override
    public Verdict judge(Metrics m) {
        boolean codeHelps = m.heldOutLr() < m.unconditionalLr();
        boolean endpoints = m.endpointMatch() >= ENDPOINT_BAR;
        return Verdict.of(codeHelps && endpoints, codeHelps || endpoints);
    }
}
