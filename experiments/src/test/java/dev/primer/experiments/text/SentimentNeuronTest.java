package dev.primer.experiments.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Networks;
import dev.primer.nn.optim.Updates;
import java.util.Iterator;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The AFINN labels, the byte windows, the single-unit threshold probe and the LSTM's read-out. */
class SentimentNeuronTest {
    @Test
    void afinnSumsWordScoresAndNamesABadLine() {
        Afinn afinn = Afinn.parse(List.of("# test", "good\t3", "evil\t-3", "bad luck\t-2"), "t.tsv");
        assertEquals(3 - 3 - 3, afinn.score("Good; evil, EVIL and bad luck."));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Afinn.parse(List.of("good 3"), "t.tsv"));
        assertTrue(e.getMessage().contains("t.tsv line 1"), e.getMessage());
        assertEquals(3, Afinn.load().score("it is good"));
    }

    @Test
    void labelledSentencesAreBalancedClearAndOfProbedLength() {
        Afinn afinn = Afinn.parse(List.of("good\t3", "evil\t-3"), "t");
        List<String> sentences = List.of("a good and good thing here", "an evil and evil deed done here",
                "good", "a good thing but an evil one too", "another good good day today", "evil evil evil evil here");
        SentimentNeuron.Labelled l = SentimentNeuron.label(sentences, afinn, 3, 10, 5);
        assertEquals(4, l.text().size());
        int positives = 0;
        for (int i = 0; i < l.labels().length; i++) {
            assertEquals(l.labels()[i] == 1, afinn.score(l.text().get(i)) > 0, l.text().get(i));
            positives += l.labels()[i];
        }
        assertEquals(2, positives);
    }

    @Test
    void theBestThresholdSeparatesInEitherDirection() {
        float[] f = {0.1f, 0.4f, 0.35f, 0.9f, 0.8f};
        int[] y = {0, 0, 0, 1, 1};
        double[] up = SentimentNeuron.bestThreshold(f, y);
        assertEquals(1.0, up[2]);
        assertEquals(1.0, up[1]);
        assertEquals(1.0, SentimentNeuron.thresholdAccuracy(up, f, y));
        double[] down = SentimentNeuron.bestThreshold(f, new int[] {1, 1, 1, 0, 0});
        assertEquals(-1.0, down[1]);
        assertEquals(1.0, down[2]);
        // One label flipped: the best rule gets 4 of 5.
        assertEquals(0.8, SentimentNeuron.bestThreshold(f, new int[] {1, 0, 0, 1, 1})[2], 1e-12);
    }

    @Test
    void trainingWindowsAvoidHeldOutBlocksAndLabelsAreTheNextBytes() {
        byte[] corpus = new byte[ByteChunks.HOLD_OUT * ByteChunks.BLOCK * 2];
        for (int i = 0; i < corpus.length; i++) {
            boolean held = (i / ByteChunks.BLOCK) % ByteChunks.HOLD_OUT == ByteChunks.HOLD_OUT - 1;
            corpus[i] = held ? (byte) 255 : (byte) (i % 7);
        }
        ByteChunks chunks = new ByteChunks(corpus, 16, 64);
        Iterator<DataSet> it = chunks.batches(32, 3, 0);
        while (it.hasNext()) {
            DataSet d = it.next();
            INDArray x = d.getFeatures();
            assertEquals(0.0, x.get(NDArrayIndex.all(), NDArrayIndex.point(255)).sumNumber().doubleValue());
            // Each step is one byte, and the label at t is the feature at t + 1.
            assertEquals(32.0 * 16, x.sumNumber().doubleValue());
            assertEquals(x.getFloat(0, 2, 5), d.getLabels().getFloat(0, 2, 4));
        }
        DataSet held = chunks.heldOut(5);
        assertEquals(2, held.getFeatures().size(0));
        assertEquals(16.0, held.getFeatures().get(NDArrayIndex.point(0), NDArrayIndex.point(255), NDArrayIndex.all())
                .sumNumber().doubleValue());
    }

    @Test
    void anUntrainedModelIsNearEightBitsPerByteAndExposesItsCellState() {
        MultiLayerNetwork lm = Networks.lstm(ByteChunks.BYTES, 12, 1, ByteChunks.BYTES, Updates.adam(1e-3), 4);
        byte[] corpus = new byte[ByteChunks.HOLD_OUT * ByteChunks.BLOCK];
        new java.util.Random(1).nextBytes(corpus);
        double bpb = SentimentNeuron.bitsPerByte(lm, new ByteChunks(corpus, 20, 1).heldOut(1));
        assertEquals(8.0, bpb, 0.3);
        float[] c = SentimentNeuron.cellState(lm, "Blessed are the meek");
        assertEquals(12, c.length);
        assertArrayEquals(c, SentimentNeuron.cellState(lm, "Blessed are the meek"));
    }
}
