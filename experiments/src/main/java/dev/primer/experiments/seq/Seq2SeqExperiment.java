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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sutskever et al. 2014: an LSTM encoder-decoder ({@link dev.primer.nn.seq.Seq2Seq} without attention) learns
 * sequence transductions end to end. Two generated tasks, each trained on its own: writing strings of 5–15 digits
 * backwards, and normalising dates written in twelve formats to ISO 8601; the claim is ≥ 95% exact match on
 * held-out examples under greedy decoding. Unlike the paper the source is not reversed (for the reversal task that
 * would turn it into copying).
 */
public final class Seq2SeqExperiment extends SettingsExperiment<Seq2SeqExperiment.Metrics,
        Seq2SeqExperiment.Settings> {
    private static final int BATCH = 64;
    private static final int VALIDATION = 200;
    /** The claim: held-out exact match of at least 95%. */
    static final double TARGET = 0.95;

    /**
     * How much to run (each task).
     *
     * @param hidden   LSTM cells in encoder and decoder
     * @param examples training examples (one fixed set)
     * @param updates  Adam updates of 64 examples
     * @param every    updates between validation exact-match measurements
     * @param lr       Adam's learning rate
     * @param test     held-out test examples
     */
    public record Settings(int hidden, int examples, int updates, int every, double lr, int test) {
    }

    /**
     * One task's result.
     *
     * @param task       its name
     * @param exactMatch held-out exact match under greedy decoding
     * @param seconds    training time, validation included
     * @param sample     one held-out source, target and output, as "source → output (target)"
     */
    public record TaskResult(String task, double exactMatch, double seconds, String sample) {
    }

    /**
     * The results.
     *
     * @param hidden   LSTM cells
     * @param updates  updates per task
     * @param reversal the reversal task
     * @param dates    the date task
     * @param reached  whether both reach 95%
     */
    public record Metrics(int hidden, int updates, TaskResult reversal, TaskResult dates, boolean reached) {
    }

    /** The experiment, as the registry lists it. */
    public Seq2SeqExperiment() {
        super("seq2seq", "LSTM encoder-decoder (Sutskever et al.) on digit reversal and date normalisation: "
                        + "held-out exact match",
                new Settings(64, 3_000, 60, 60, 1e-2, 200), new Settings(128, 40_000, 4_000, 250, 3e-3, 1_000));
    }

    @Override
    public Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        Trained rev = train(new Task.Reversal(5, 15), false, s, ctx.seed());
        Trained dates = train(new Task.Dates(), false, s, ctx.seed());
        String plot = Plots.lines(ctx.dir(), "exact-match.png", "LSTM encoder-decoder: validation exact match",
                "update", "exact match", List.of(rev.curve().series("reversal, 5-15 digits"),
                        dates.curve().series("dates, 12 formats")));
        Metrics m = new Metrics(s.hidden(), s.updates(), rev.result("reversal"), dates.result("dates"),
                rev.exactMatch() >= TARGET && dates.exactMatch() >= TARGET);
        return new Outcome<>(m, List.of(plot), String.format(Locale.ROOT,
                "An LSTM encoder-decoder of %d cells reaches %.1f%% held-out exact match reversing 5-15 digits and "
                        + "%.1f%% normalising dates after %d updates each (the claim: >= 95%%).",
                s.hidden(), 100 * rev.exactMatch(), 100 * dates.exactMatch(), s.updates()));
    }

    /**
     * A model trained on one task.
     *
     * @param translator its layout
     * @param curve      validation exact match over training, and the network
     * @param test       the held-out test examples
     * @param decoded    greedy decoding of the test examples
     */
    record Trained(Translator translator, Curve curve, List<Task.Example> test, Translator.Decoded decoded) {
        double exactMatch() {
            return decoded.exactMatch(test);
        }

        TaskResult result(String name) {
            Task.Example e = test.get(0);
            return new TaskResult(name, exactMatch(), curve.seconds(),
                    e.source() + " → " + decoded.outputs().get(0) + " (" + e.target() + ")");
        }
    }

    /** Trains a model (with or without attention) on {@code task}, validating and testing on fresh examples. */
    static Trained train(Task task, boolean attention, Settings s, long seed) {
        Translator tr = Translator.of(task, s.hidden(), attention);
        List<Task.Example> train = tr.examples(s.examples(), seed, Set.of());
        List<Task.Example> held = tr.examples(VALIDATION + s.test(), seed + 1, new HashSet<>(train));
        List<Task.Example> validation = held.subList(0, VALIDATION);
        List<Task.Example> test = held.subList(VALIDATION, held.size());
        ArrayDataset data = tr.dataset(train);
        Curve curve = Curve.train(() -> Net.of(tr.network(s.lr(), seed)), data, BATCH, s.updates(), s.every(),
                seed, net -> tr.decode(net, validation).exactMatch(validation));
        return new Trained(tr, curve, test, tr.decode(curve.net(), test));
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.SEQUENCES, "An LSTM encoder-decoder learns to reverse sequences of 5-15 digits and to"
                        + " normalise dates written in many formats: at least 95% exact match on held-out examples.",
                "Sutskever et al. 2014",
                "issue #22's bar: 95% held-out exact match (the paper's BLEU 34.8 on WMT'14 English-French is another task)",
                "reversal", "dates");
    }

    /** Reproduced when both tasks reach 95% held-out exact match, partly when one does. */
    @Override
    public Verdict judge(Metrics m) {
        boolean reversal = m.reversal().exactMatch() >= TARGET;
        boolean dates = m.dates().exactMatch() >= TARGET;
        return Verdict.of(reversal && dates, reversal || dates);
    }
}
