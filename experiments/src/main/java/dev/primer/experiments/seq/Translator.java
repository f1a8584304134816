package dev.primer.experiments.seq;

import dev.primer.nn.Net;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.seq.Seq2Seq;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A task's examples as {@link Seq2Seq} reads them, and greedy decoding scored by exact match: sources are padded
 * on the left, decoder inputs are the start token then the target, labels the target then the end token.
 *
 * @param task  the task
 * @param model the model the examples are laid out for (its lengths fit the task's longest example, plus the end)
 */
record Translator(Task task, Seq2Seq model) {
    /**
     * Examples per decoding pass: an unrolled program keeps every node's buffers for the batch, which for the 64-cell
     * attention model at length 50 is about 5 MB per example.
     */
    private static final int EVAL_BATCH = 50;

    /** A model of {@code hidden} cells over {@code task}'s vocabulary and lengths, with or without attention. */
    static Translator of(Task task, int hidden, boolean attention) {
        return new Translator(task, new Seq2Seq(task.vocabulary().size(), task.maxSource(), task.maxTarget() + 1,
                hidden, attention, Vocabulary.PAD));
    }

    /** The same model laid out for sources and targets up to {@code maxSource} long. */
    Translator forLength(Task other, int maxSource) {
        return new Translator(other, model.withLengths(maxSource, maxSource + 1));
    }

    /** {@code n} distinct examples drawn from {@code seed}, none of them in {@code exclude}. */
    List<Task.Example> examples(int n, long seed, Set<Task.Example> exclude) {
        SplitMix64 rng = SplitMix64.seeded(seed);
        Set<Task.Example> seen = new HashSet<>(exclude);
        List<Task.Example> out = new ArrayList<>();
        for (int tries = 0; out.size() < n; tries++) {
            if (tries > 100 * n) {
                throw new IllegalStateException("the task has fewer than " + n + " distinct fresh examples");
            }
            Task.Example e = task.sample(rng);
            if (seen.add(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The examples as a training set: features (source, decoder inputs) and labels, one-hot step after step. */
    ArrayDataset dataset(List<Task.Example> examples) {
        Vocabulary voc = task.vocabulary();
        int v = model.vocab();
        INDArray f = Nd4j.zeros(DataType.FLOAT, examples.size(), model.featureColumns());
        INDArray l = Nd4j.zeros(DataType.FLOAT, examples.size(), model.labelColumns());
        for (int r = 0; r < examples.size(); r++) {
            String src = examples.get(r).source();
            String tgt = examples.get(r).target();
            if (src.length() > model.srcLen() || tgt.length() + 1 > model.tgtLen()) {
                throw new IllegalArgumentException("example " + examples.get(r) + " is longer than the model's "
                        + model.srcLen() + " source and " + (model.tgtLen() - 1) + " target steps");
            }
            int pads = model.srcLen() - src.length();
            for (int t = 0; t < model.srcLen(); t++) {
                f.putScalar(r, t * v + (t < pads ? Vocabulary.PAD : voc.token(src.charAt(t - pads))), 1);
            }
            for (int t = 0; t < model.tgtLen(); t++) {
                int in = t == 0 ? Vocabulary.START : t <= tgt.length() ? voc.token(tgt.charAt(t - 1)) : -1;
                if (in >= 0) {
                    f.putScalar(r, (model.srcLen() + t) * v + in, 1);
                }
                int out = t < tgt.length() ? voc.token(tgt.charAt(t)) : t == tgt.length() ? Vocabulary.END : -1;
                if (out >= 0) {
                    l.putScalar(r, t * v + out, 1);
                }
            }
        }
        return new ArrayDataset(f, l);
    }

    /** A fresh trainable network of the model, with Adam at {@code lr}. */
    ExprNet network(double lr, long seed) {
        return new ExprNet(model.training(), Updates.adam(lr), seed);
    }

    /** A greedy decoder of this layout carrying {@code trained}'s parameters. */
    ExprNet decoder(Net trained) {
        ExprNet greedy = new ExprNet(model.greedy(), Updates.adam(1e-3), 0);
        greedy.params().assign(((Net.Expr) trained).net().params());
        return greedy;
    }

    /** What greedy decoding of {@code examples} gives, and the attention weights where the model has them. */
    record Decoded(List<String> outputs, INDArray weights) {
        /** The fraction of outputs equal to their example's target. */
        double exactMatch(List<Task.Example> examples) {
            int hit = 0;
            for (int i = 0; i < examples.size(); i++) {
                hit += outputs.get(i).equals(examples.get(i).target()) ? 1 : 0;
            }
            return (double) hit / examples.size();
        }
    }

    /** Decodes {@code examples} greedily with {@code trained}'s parameters. */
    Decoded decode(Net trained, List<Task.Example> examples) {
        ExprNet greedy = decoder(trained);
        ArrayDataset data = dataset(examples);
        List<String> outputs = new ArrayList<>();
        List<INDArray> weights = new ArrayList<>();
        int v = model.vocab();
        for (int from = 0; from < examples.size(); from += EVAL_BATCH) {
            int to = Math.min(examples.size(), from + EVAL_BATCH);
            var out = greedy.outputs(data.features().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()),
                    data.labels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
            for (float[] logits : out.get(Seq2Seq.LOGITS).toFloatMatrix()) {
                StringBuilder s = new StringBuilder();
                for (int t = 0; t < model.tgtLen(); t++) {
                    int tok = t * v;
                    for (int k = t * v; k < (t + 1) * v; k++) {
                        tok = logits[k] > logits[tok] ? k : tok;
                    }
                    if (tok - t * v == Vocabulary.END) {
                        break;
                    }
                    s.append(task.vocabulary().character(tok - t * v));
                }
                outputs.add(s.toString());
            }
            if (model.attention()) {
                weights.add(out.get(Seq2Seq.WEIGHTS));
            }
        }
        return new Decoded(outputs, weights.isEmpty() ? null : Nd4j.vstack(weights.toArray(INDArray[]::new)));
    }
}
