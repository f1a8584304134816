package dev.primer.rl.rl4j;

import org.deeplearning4j.rl4j.space.Encodable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** An encoded observation as RL4J wants it: a row vector [1, n] of floats (its own copy). */
public final class FlatObservation implements Encodable {
    private final float[] values;

    /** Wraps {@code values}, which it now owns. */
    public FlatObservation(float[] values) {
        this.values = values;
    }

    @Override
    public double[] toArray() {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    @Override
    public boolean isSkipped() {
        return false;
    }

    @Override
    public INDArray getData() {
        return Nd4j.create(values, new long[] {1, values.length}, 'c');
    }

    @Override
    public Encodable dup() {
        return new FlatObservation(values.clone());
    }
}
