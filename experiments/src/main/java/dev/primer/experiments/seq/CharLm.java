package dev.primer.experiments.seq;

import dev.primer.nn.Net;
import dev.primer.nn.data.Batches;
import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.seq.LstmCell;
import dev.primer.nn.seq.LstmVariant;
import dev.primer.random.SplitMix64;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A character language model: an LSTM over {@code steps} one-hot characters predicting each next one through a
 * linear softmax layer. Inputs {@code x} and {@code y} (the same window shifted by one), step after step; the loss
 * and output {@value #NLL} is the mean negative log-likelihood per character in nats.
 *
 * @param alphabet the characters, in token order
 * @param train    the training text as tokens
 * @param test     the held-out text as tokens
 */
record CharLm(String alphabet, byte[] train, byte[] test) {
    static final String NLL = "nll";

    /** The text lower-cased, its last {@code testFraction} held out. */
    static CharLm of(String text, double testFraction) {
        String lower = text.toLowerCase(Locale.ROOT);
        String alphabet = lower.chars().distinct().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        byte[] all = new byte[lower.length()];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) alphabet.indexOf(lower.charAt(i));
        }
        int cut = (int) (all.length * (1 - testFraction));
        return new CharLm(alphabet, Arrays.copyOf(all, cut), Arrays.copyOfRange(all, cut,
                all.length));
    }

    /** Characters. */
    int vocab() {
        return alphabet.length();
    }

    /** The model with an LSTM of {@code variant} and {@code hidden} cells over windows of {@code steps}. */
    Program program(LstmVariant variant, int steps, int hidden) {
        Program.Builder p = Program.builder();
        int v = vocab();
        Expr x = p.input("x", steps * v);
        Expr y = p.input("y", steps * v);
        LstmCell cell = LstmCell.declare(p, "lstm", v, hidden, variant);
        double bound = 1 / Math.sqrt(hidden);
        Expr w = p.param("out.W", hidden, v, bound);
        Expr b = p.param("out.b", 1, v, bound);
        Expr[] xs = new Expr[steps];
        for (int t = 0; t < steps; t++) {
            xs[t] = p.columns(x, t * v, v);
        }
        LstmCell.State[] states = cell.run(p, xs);
        Expr[] logits = new Expr[steps];
        for (int t = 0; t < steps; t++) {
            logits[t] = p.dense(states[t].y(), w, b);
        }
        Expr nll = p.scale(p.meanRows(p.rowSum(p.mul(p.groupLogSoftmax(p.concat(logits), v), y))), -1.0 / steps);
        return p.build(nll, Map.of(NLL, nll));
    }

    /** {@code n} random windows of the training text per epoch, drawn afresh from (seed, epoch). */
    Batches windows(int n, int steps) {
        return new Batches() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public Iterator<DataSet> batches(int batchSize, long seed, int epoch) {
                SplitMix64 rng = SplitMix64.seeded(seed * 0x9E3779B97F4A7C15L + epoch);
                return new Iterator<>() {
                    private int done;

                    @Override
                    public boolean hasNext() {
                        return done < n;
                    }

                    @Override
                    public DataSet next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int rows = Math.min(batchSize, n - done);
                        done += rows;
                        INDArray[] xy = oneHot(train, rows, steps, rng);
                        return new DataSet(xy[0], xy[1]);
                    }
                };
            }
        };
    }

    /** Inputs and targets of {@code rows} random windows of {@code text}. */
    INDArray[] oneHot(byte[] text, int rows, int steps, SplitMix64 rng) {
        int v = vocab();
        float[][] x = new float[rows][steps * v];
        float[][] y = new float[rows][steps * v];
        for (int r = 0; r < rows; r++) {
            int at = rng.nextInt(text.length - steps - 1);
            for (int t = 0; t < steps; t++) {
                x[r][t * v + text[at + t]] = 1;
                y[r][t * v + text[at + t + 1]] = 1;
            }
        }
        return new INDArray[] {Nd4j.createFromArray(x).castTo(DataType.FLOAT), Nd4j.createFromArray(y)};
    }

    /** The mean test negative log-likelihood per character, in bits, of {@code net} on fixed test windows. */
    double testBits(Net net, INDArray[] testWindows) {
        ExprNet e = ((Net.Expr) net).net();
        return e.outputs(testWindows).get(NLL).getDouble(0) / Math.log(2);
    }
}
