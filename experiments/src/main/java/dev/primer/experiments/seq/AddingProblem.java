package dev.primer.experiments.seq;

import dev.primer.random.SplitMix64;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The adding problem (Hochreiter &amp; Schmidhuber 1997, §5 experiment 4, in the form of Le et al. 2015, §4.1): each
 * step carries a value uniform in [0, 1] and a marker; exactly two steps are marked, one in each half, and the
 * target is the sum of their values. Predicting the mean, 1, scores the variance of a sum of two uniforms,
 * {@link #BASELINE_MSE} = 2/12; a net must carry both values across up to T steps to do better.
 *
 * @param values  n × T values
 * @param markers n × T markers (0 or 1)
 * @param targets n sums
 */
public record AddingProblem(float[][] values, float[][] markers, float[] targets) {
    /** The mean squared error of always answering 1. */
    public static final double BASELINE_MSE = 2.0 / 12;

    /** {@code n} sequences of {@code steps} steps drawn from {@code seed}. */
    public static AddingProblem generate(int n, int steps, long seed) {
        if (n < 1 || steps < 2) {
            throw new IllegalArgumentException("the adding problem needs n >= 1 sequences of >= 2 steps, got n " + n
                    + ", steps " + steps);
        }
        SplitMix64 rng = SplitMix64.seeded(seed);
        float[][] v = new float[n][steps];
        float[][] m = new float[n][steps];
        float[] y = new float[n];
        int half = steps / 2;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) {
                v[i][t] = (float) rng.nextDouble();
            }
            int a = rng.nextInt(half);
            int b = half + rng.nextInt(steps - half);
            m[i][a] = 1;
            m[i][b] = 1;
            y[i] = v[i][a] + v[i][b];
        }
        return new AddingProblem(v, m, y);
    }

    /** Sequences. */
    public int size() {
        return targets.length;
    }

    /** Steps per sequence. */
    public int steps() {
        return values[0].length;
    }

    /** DL4J's recurrent layout: {@code [n, 2, T]}, channel 0 the values, channel 1 the markers. */
    public INDArray channelsByTime() {
        float[][][] x = new float[size()][][];
        for (int i = 0; i < size(); i++) {
            x[i] = new float[][] {values[i], markers[i]};
        }
        return Nd4j.createFromArray(x);
    }

    /** Step after step, as an expression program reads it: {@code [n, 2T]}, step t in columns 2t (value), 2t+1. */
    public INDArray stepMajor() {
        float[][] x = new float[size()][2 * steps()];
        for (int i = 0; i < size(); i++) {
            for (int t = 0; t < steps(); t++) {
                x[i][2 * t] = values[i][t];
                x[i][2 * t + 1] = markers[i][t];
            }
        }
        return Nd4j.createFromArray(x);
    }

    /** The targets as an {@code [n, 1]} column. */
    public INDArray targetColumn() {
        return Nd4j.createFromArray(targets).reshape(size(), 1).castTo(DataType.FLOAT);
    }
}
