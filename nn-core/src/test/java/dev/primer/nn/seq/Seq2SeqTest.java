package dev.primer.nn.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.ExprNetTest;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The encoder-decoder's attention weights, greedy decoding and gradients. */
class Seq2SeqTest {
    private static final int V = 5;
    private static final int PAD = 0;

    /** Random one-hot batches: sources left-padded with 0 to {@code src} steps, then decoder inputs and targets. */
    static INDArray[] batch(Seq2Seq m, int rows, long seed) {
        SplitMix64 rng = SplitMix64.seeded(seed);
        INDArray f = Nd4j.zeros(DataType.FLOAT, rows, m.featureColumns());
        INDArray l = Nd4j.zeros(DataType.FLOAT, rows, m.labelColumns());
        for (int r = 0; r < rows; r++) {
            int pads = r % 2;
            for (int t = 0; t < m.srcLen(); t++) {
                f.putScalar(r, t * V + (t < pads ? PAD : 1 + rng.nextInt(V - 1)), 1);
            }
            for (int t = 0; t < m.tgtLen(); t++) {
                f.putScalar(r, (m.srcLen() + t) * V + 1 + rng.nextInt(V - 1), 1);
                l.putScalar(r, t * V + 1 + rng.nextInt(V - 1), 1);
            }
        }
        return new INDArray[] {f, l};
    }

    @Test
    void attentionWeightsSumToOneAndSkipPadding() {
        Seq2Seq m = new Seq2Seq(V, 4, 3, 6, true, PAD);
        ExprNet net = new ExprNet(m.training(), Updates.adam(1e-3), 1);
        INDArray[] in = batch(m, 6, 2);
        INDArray w = net.outputs(in).get(Seq2Seq.WEIGHTS);
        assertEquals(m.tgtLen() * m.srcLen(), w.columns());
        for (int r = 0; r < 6; r++) {
            for (int t = 0; t < m.tgtLen(); t++) {
                INDArray a = w.get(NDArrayIndex.point(r), NDArrayIndex.interval(t * 4, t * 4 + 4));
                assertEquals(1.0, a.sumNumber().doubleValue(), 1e-5, "weights of step " + t + ", row " + r);
                assertTrue(a.minNumber().doubleValue() >= 0, "weights are non-negative");
                if (r % 2 == 1) {
                    assertEquals(0.0, a.getDouble(0), 1e-6, "the padding position gets no weight");
                }
            }
        }
    }

    @Test
    void greedyDecodingFeedsBackItsOwnArgmax() {
        for (boolean attention : new boolean[] {false, true}) {
            Seq2Seq m = new Seq2Seq(V, 4, 3, 6, attention, PAD);
            ExprNet train = new ExprNet(m.training(), Updates.adam(1e-3), 3);
            ExprNet greedy = new ExprNet(m.greedy(), Updates.adam(1e-3), 4);
            greedy.params().assign(train.params());
            INDArray[] in = batch(m, 3, 5);
            INDArray g = greedy.outputs(in).get(Seq2Seq.LOGITS);
            INDArray forced = in[0].dup();
            for (int t = 1; t < m.tgtLen(); t++) {
                int prev = g.get(NDArrayIndex.all(), NDArrayIndex.interval((t - 1) * V, t * V)).argMax(1)
                        .getInt(0);
                INDArray step = forced.get(NDArrayIndex.point(0), NDArrayIndex.interval((4 + t) * V, (5 + t) * V));
                step.assign(0);
                step.putScalar(prev, 1);
            }
            INDArray teacher = train.outputs(forced, in[1]).get(Seq2Seq.LOGITS);
            assertTrue(teacher.getRow(0).equalsWithEps(g.getRow(0), 1e-5),
                    "teacher forcing with the greedy tokens gives the greedy logits (attention " + attention + ")");
        }
    }

    @Test
    void gradientsMatchCentralDifferences() {
        Seq2Seq m = new Seq2Seq(V, 3, 2, 2, true, PAD);
        ExprNet net = new ExprNet(m.training(), Updates.adam(1e-3), 6);
        double worst = ExprNetTest.worstGradientError(net, net, batch(m, 4, 7), 1e-3);
        assertTrue(worst < 5e-3, "worst relative gradient error " + worst);
    }
}
