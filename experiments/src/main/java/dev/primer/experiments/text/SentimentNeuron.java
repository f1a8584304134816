package dev.primer.experiments.text;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.SettingsExperiment;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Texts;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.train.Evaluations;
import dev.primer.nn.train.Trainer;
import dev.primer.random.SplitMix64;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Radford, Józefowicz and Sutskever (2017), "Learning to generate reviews and discovering sentiment", at toy scale: a
 * byte-level LSTM language model (DL4J's LSTM layer, nn-core {@link Networks#lstm}) on the King James Bible and
 * Debian's fortunes, then a logistic-regression probe on its final cell state predicting a sentence's polarity, beside
 * the best single unit alone (their Figs. 2–3). No labelled review corpus is available offline, so the labels are
 * proxies: the sign of a sentence's AFINN-165 score ({@link Afinn}), for sentences whose score is clearly positive or
 * negative.
 */
public final class SentimentNeuron extends SettingsExperiment<SentimentNeuron.Metrics, SentimentNeuron.Settings> {
    /** Sentences shorter or longer than these (in bytes) are not probed. */
    private static final int MIN_SENTENCE = 20;
    private static final int MAX_SENTENCE = 200;
    /** Prompts of the generated samples. */
    private static final List<String> PROMPTS = List.of("And the LORD said unto", "A fool and his");
    /** Fraction of the probe's sentences it is trained on; the rest test it. */
    private static final double PROBE_TRAIN = 0.7;

    /**
     * How much to run.
     *
     * @param hidden       LSTM units
     * @param window       bytes per training window (the state starts afresh at each)
     * @param batch        windows per update
     * @param updates      training updates
     * @param lr           Adam's step size
     * @param evalEvery    updates between held-out evaluations
     * @param perClass     probe sentences of each polarity
     * @param clearScore   |AFINN score| a sentence needs to be labelled
     * @param sampleBytes  bytes generated after each prompt
     */
    public record Settings(int hidden, int window, int batch, int updates, double lr, int evalEvery, int perClass,
                           int clearScore, int sampleBytes) {
        /** The quick budget: 64 units, 60 updates. */
        public static Settings quick() {
            return new Settings(64, 64, 16, 60, 3e-3, 20, 150, 3, 80);
        }

        /** The full budget: 128 units, 2,000 updates of 32 windows of 100 bytes. */
        public static Settings full() {
            return new Settings(128, 100, 32, 2000, 2e-3, 100, 1000, 3, 300);
        }
    }

    /**
     * A held-out evaluation during training.
     *
     * @param bytesSeen     training bytes seen
     * @param bitsPerByte   held-out cross-entropy
     */
    public record CurvePoint(long bytesSeen, double bitsPerByte) {
    }

    /**
     * The probe's results.
     *
     * @param trainSentences     sentences it was fitted on (half of each polarity)
     * @param testSentences      sentences it was tested on
     * @param fullStateAccuracy  test accuracy of logistic regression on the whole cell state
     * @param bestUnit           the unit whose threshold classifies the training sentences best
     * @param bestUnitAccuracy   test accuracy of that unit's threshold
     * @param medianUnitAccuracy median over units of the test accuracy of each unit's own threshold
     */
    public record Probe(int trainSentences, int testSentences, double fullStateAccuracy, int bestUnit,
                        double bestUnitAccuracy, double medianUnitAccuracy) {
    }

    /**
     * The results.
     *
     * @param corpusBytes  bytes of the training corpus
     * @param bitsPerByte  final held-out cross-entropy
     * @param curve        held-out cross-entropy during training
     * @param samples      generated text after each prompt
     * @param probe        the sentiment probe
     */
    public record Metrics(long corpusBytes, double bitsPerByte, List<CurvePoint> curve, List<String> samples,
                          Probe probe) {
    }

    /** The experiment, as the registry lists it. */
    public SentimentNeuron() {
        super("sentiment-neuron", "Radford et al. 2017 at toy scale: a byte-level LSTM on the KJV and fortunes (bits"
                + " per byte, samples); a logistic probe of its state for AFINN-labelled polarity vs the best unit",
                Settings.quick(), Settings.full());
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        List<String> verses = Texts.kingJamesVerses();
        List<String> fortunes = Corpora.fortunes();
        byte[] corpus = (String.join("\n", verses) + "\n\n" + String.join("\n\n", fortunes))
                .getBytes(StandardCharsets.UTF_8);
        ByteChunks chunks = new ByteChunks(corpus, s.window(), s.updates() * s.batch());
        DataSet heldOut = chunks.heldOut(64);
        Updates updates = new Updates(Optimizer.adam(), LearningRate.constant(s.lr()), 0, 1.0);
        MultiLayerNetwork lm = Networks.lstm(ByteChunks.BYTES, s.hidden(), 1, ByteChunks.BYTES, updates, ctx.seed());
        List<CurvePoint> curve = new ArrayList<>();
        Trainer.Evaluation eval = (net, step) -> {
            double bpb = bitsPerByte(lm, heldOut);
            curve.add(new CurvePoint(step * s.batch() * s.window(), bpb));
            return Map.of("bits_per_byte", bpb);
        };
        new Trainer(Trainer.Config.of(s.batch(), 1, ctx.seed()).withEvalEvery(s.evalEvery()))
                .run(() -> Net.of(lm), chunks, eval);
        double bpb = bitsPerByte(lm, heldOut);
        SplitMix64 rng = new SplitMix64(ctx.seed() * 0x2545F4914F6CDD1DL + 1);
        List<String> samples = PROMPTS.stream().map(p -> p + sample(lm, p, s.sampleBytes(), rng)).toList();

        List<String> sentences = new ArrayList<>(verses);
        for (String f : fortunes) {
            sentences.addAll(List.of(f.replaceAll("\\s+", " ").split("(?<=[.!?])\\s+")));
        }
        ProbeRun run = probe(lm, sentences, Afinn.load(), s, ctx.seed());
        Probe probe = run.probe();

        List<String> plots = List.of(Plots.lines(ctx.dir(), "bits-per-byte.png", "Byte-level LSTM: held-out bits per"
                        + " byte", "training bytes", "bits per byte", List.of(new Plots.Series("held out",
                        curve.stream().mapToDouble(CurvePoint::bytesSeen).toArray(),
                        curve.stream().mapToDouble(CurvePoint::bitsPerByte).toArray()))),
                unitHistogram(ctx, run));
        String headline = String.format(Locale.ROOT, "A %d-unit byte LSTM reaches %.2f bits per byte on held-out"
                        + " KJV and fortunes; on %d AFINN-labelled test sentences a probe of its cell state scores"
                        + " %.1f%%, its best single unit (%d) %.1f%% (chance 50%%).", s.hidden(), bpb,
                probe.testSentences(), 100 * probe.fullStateAccuracy(), probe.bestUnit(),
                100 * probe.bestUnitAccuracy());
        return new Outcome<>(new Metrics(corpus.length, bpb, List.copyOf(curve), samples, probe), plots, headline);
    }

    /** Mean −log₂ p(next byte) over every position of {@code windows}, each run from a fresh state. */
    static double bitsPerByte(MultiLayerNetwork lm, DataSet windows) {
        INDArray p = lm.output(windows.getFeatures());
        INDArray picked = p.mul(windows.getLabels()).sum(1);
        return -Nd4j.math().log(picked.castTo(DataType.DOUBLE).addi(1e-12)).meanNumber().doubleValue() / Math.log(2);
    }

    /** {@code n} bytes sampled from the model after {@code prompt}, decoded as UTF-8 (bad sequences replaced). */
    private static String sample(MultiLayerNetwork lm, String prompt, int n, SplitMix64 rng) {
        lm.rnnClearPreviousState();
        byte[] p = prompt.getBytes(StandardCharsets.UTF_8);
        INDArray next = null;
        for (byte b : p) {
            next = lm.rnnTimeStep(oneHot(b & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int pick = ByteChunks.BYTES - 1;
            double acc = 0;
            for (int k = 0; k < ByteChunks.BYTES; k++) {
                acc += next.getDouble(0, k);
                if (u < acc) {
                    pick = k;
                    break;
                }
            }
            out.write(pick);
            next = lm.rnnTimeStep(oneHot(pick));
        }
        lm.rnnClearPreviousState();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static INDArray oneHot(int b) {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 1, ByteChunks.BYTES);
        x.putScalar(0, b, 1f);
        return x;
    }

    /** The LSTM's cell state after reading {@code text} from a fresh state. */
    static float[] cellState(MultiLayerNetwork lm, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        INDArray x = Nd4j.zeros(DataType.FLOAT, 1, ByteChunks.BYTES, bytes.length);
        for (int t = 0; t < bytes.length; t++) {
            x.putScalar(new long[] {0, bytes[t] & 0xFF, t}, 1f);
        }
        lm.rnnClearPreviousState();
        lm.rnnTimeStep(x);
        float[] c = lm.rnnGetPreviousState(0).get(LSTM.STATE_KEY_PREV_MEMCELL).toFloatVector();
        lm.rnnClearPreviousState();
        return c;
    }

    /** Labelled sentences: {@code perClass} of each polarity, shuffled; label 1 for positive. */
    record Labelled(List<String> text, int[] labels) {
    }

    /** Sentences of 20–200 bytes whose AFINN score is at least {@code clearScore} in size, balanced and shuffled. */
    static Labelled label(List<String> sentences, Afinn afinn, int clearScore, int perClass, long seed) {
        List<String> pos = new ArrayList<>();
        List<String> neg = new ArrayList<>();
        for (String t : sentences) {
            int len = t.getBytes(StandardCharsets.UTF_8).length;
            if (len < MIN_SENTENCE || len > MAX_SENTENCE) {
                continue;
            }
            int score = afinn.score(t);
            if (score >= clearScore) {
                pos.add(t);
            } else if (score <= -clearScore) {
                neg.add(t);
            }
        }
        int n = Math.min(perClass, Math.min(pos.size(), neg.size()));
        SplitMix64 rng = new SplitMix64(seed);
        List<String> text = new ArrayList<>();
        int[] order = new int[2 * n];
        int[] pi = shuffled(pos.size(), rng);
        int[] ni = shuffled(neg.size(), rng);
        for (int i = 0; i < n; i++) {
            text.add(pos.get(pi[i]));
            text.add(neg.get(ni[i]));
        }
        int[] perm = shuffled(2 * n, rng);
        List<String> outText = new ArrayList<>();
        for (int i = 0; i < 2 * n; i++) {
            outText.add(text.get(perm[i]));
            order[i] = perm[i] % 2 == 0 ? 1 : 0;
        }
        return new Labelled(outText, order);
    }

    private static int[] shuffled(int n, SplitMix64 rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        rng.shuffle(a);
        return a;
    }

    /**
     * Accuracy of the best threshold on one feature, either direction: the decision a logistic regression on that
     * feature alone can express. Returns {threshold, direction (+1: above means positive), training accuracy}.
     */
    static double[] bestThreshold(float[] feature, int[] labels) {
        Integer[] idx = new Integer[feature.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Float.compare(feature[a], feature[b]));
        int positives = 0;
        for (int y : labels) {
            positives += y;
        }
        // Sweep the threshold upwards: "above is positive" is right for positives above and negatives below.
        int posBelow = 0;
        int negBelow = 0;
        double[] best = {Double.NEGATIVE_INFINITY, 1, 0};
        for (int k = 0; k <= idx.length; k++) {
            if (k == 0 || k == idx.length || feature[idx[k]] != feature[idx[k - 1]]) {
                double above = (negBelow + positives - posBelow) / (double) labels.length;
                double threshold = k == 0 ? Double.NEGATIVE_INFINITY : k == idx.length ? Double.POSITIVE_INFINITY
                        : (feature[idx[k - 1]] + feature[idx[k]]) / 2.0;
                if (above > best[2]) {
                    best = new double[] {threshold, 1, above};
                }
                if (1 - above > best[2]) {
                    best = new double[] {threshold, -1, 1 - above};
                }
            }
            if (k < idx.length) {
                if (labels[idx[k]] == 1) {
                    posBelow++;
                } else {
                    negBelow++;
                }
            }
        }
        return best;
    }

    /** Accuracy of a threshold rule from {@link #bestThreshold} on {@code feature}. */
    static double thresholdAccuracy(double[] rule, float[] feature, int[] labels) {
        int right = 0;
        for (int i = 0; i < feature.length; i++) {
            boolean positive = rule[1] > 0 ? feature[i] > rule[0] : feature[i] < rule[0];
            right += positive == (labels[i] == 1) ? 1 : 0;
        }
        return right / (double) feature.length;
    }

    /** The probe's results with the best unit's values on the test sentences and their labels. */
    private record ProbeRun(Probe probe, float[] bestUnitTest, int[] testLabels) {
    }

    private static ProbeRun probe(MultiLayerNetwork lm, List<String> sentences, Afinn afinn, Settings s, long seed) {
        Labelled data = label(sentences, afinn, s.clearScore(), s.perClass(), seed);
        int n = data.labels().length;
        int train = (int) Math.round(n * PROBE_TRAIN);
        float[][] states = new float[n][];
        for (int i = 0; i < n; i++) {
            states[i] = cellState(lm, data.text().get(i));
        }
        int units = states[0].length;
        float[][] byUnit = new float[units][n];
        for (int i = 0; i < n; i++) {
            for (int u = 0; u < units; u++) {
                byUnit[u][i] = states[i][u];
            }
        }
        int[] trainLabels = java.util.Arrays.copyOfRange(data.labels(), 0, train);
        int[] testLabels = java.util.Arrays.copyOfRange(data.labels(), train, n);
        int bestUnit = 0;
        double bestTrain = -1;
        double[] testAcc = new double[units];
        double[] bestRule = null;
        for (int u = 0; u < units; u++) {
            float[] tr = java.util.Arrays.copyOfRange(byUnit[u], 0, train);
            double[] rule = bestThreshold(tr, trainLabels);
            testAcc[u] = thresholdAccuracy(rule, java.util.Arrays.copyOfRange(byUnit[u], train, n), testLabels);
            if (rule[2] > bestTrain) {
                bestTrain = rule[2];
                bestUnit = u;
                bestRule = rule;
            }
        }
        double[] sortedAcc = testAcc.clone();
        java.util.Arrays.sort(sortedAcc);
        INDArray x = Nd4j.create(states).castTo(DataType.FLOAT);
        INDArray mean = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, train)).mean(0);
        INDArray std = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, train)).std(0).addi(1e-6);
        INDArray z = x.subRowVector(mean).diviRowVector(std);
        ArrayDataset all = ArrayDataset.of(z, data.labels(), 2);
        ArrayDataset trainSet = all.head(train);
        int[] testIdx = new int[n - train];
        for (int i = 0; i < testIdx.length; i++) {
            testIdx[i] = train + i;
        }
        ArrayDataset testSet = all.select(testIdx);
        Net lr = new Trainer(Trainer.Config.of(64, 100, seed)).run(() -> Net.of(Networks.mlp(units, new int[0], 2,
                Updates.adam(1e-2), seed)), trainSet, null).net();
        double full = Evaluations.accuracy(lr, testSet, 512);
        float[] bestTest = java.util.Arrays.copyOfRange(byUnit[bestUnit], train, n);
        return new ProbeRun(new Probe(train, n - train, full, bestUnit,
                thresholdAccuracy(bestRule, bestTest, testLabels), sortedAcc[units / 2]), bestTest, testLabels);
    }

    /** Histograms of the best unit's value on positive and on negative test sentences (their Fig. 3). */
    private static String unitHistogram(Context ctx, ProbeRun run) throws java.io.IOException {
        float[] v = run.bestUnitTest();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float f : v) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        int bins = 25;
        double width = Math.max(hi - lo, 1e-6) / bins;
        double[] centres = new double[bins];
        double[][] counts = new double[2][bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = lo + (b + 0.5) * width;
        }
        for (int i = 0; i < v.length; i++) {
            counts[run.testLabels()[i]][Math.min(bins - 1, (int) ((v[i] - lo) / width))]++;
        }
        return Plots.lines(ctx.dir(), "best-unit.png", "Cell unit " + run.probe().bestUnit() + " on held-out"
                        + " sentences, by AFINN polarity", "unit value at the sentence's end", "sentences", List.of(
                new Plots.Series("positive", centres, counts[1]), new Plots.Series("negative", centres, counts[0])));
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.REPRESENTATIONS, "A byte-level language model's state carries sentiment: a linear"
                        + " probe predicts polarity, and the best single unit alone comes close to the full state.",
                "Radford, Józefowicz & Sutskever 2017, Figs. 2–3", "IMDB: sentiment unit 92.30%, full probe 92.88%;"
                        + " not comparable: here AFINN-165 proxy labels on KJV and fortunes sentences", "probe",
                "bits_per_byte");
    }

    /**
     * Judged on the proxy labels against chance (50%, balanced classes) with two standard errors of a proportion at
     * the probe's test size n, 2·√(0.25/n): reproduced when the full-state probe is above chance by more than that
     * and the best unit is above chance and within that margin of the full state (the paper's "comes close"); partly
     * when only the full-state probe is above chance; else not reproduced.
     */
    @Override
    public Verdict judge(Metrics m) {
        Probe p = m.probe();
        double margin = 2 * Math.sqrt(0.25 / p.testSentences());
        boolean state = p.fullStateAccuracy() > 0.5 + margin;
        boolean unit = p.bestUnitAccuracy() > 0.5 + margin && p.bestUnitAccuracy() >= p.fullStateAccuracy() - margin;
        return Verdict.of(state && unit, state);
    }
}
