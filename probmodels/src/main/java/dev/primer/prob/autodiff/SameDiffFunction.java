package dev.primer.prob.autodiff;

import dev.primer.nn.Backend;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reverse-mode differentiation through a SameDiff graph: value and full gradient of a scalar function in one
 * forward and one backward pass ({@code SameDiff.calculateGradientsAndOutputs}). Calls are serialised, since a
 * SameDiff graph is not thread-safe.
 */
public final class SameDiffFunction implements Differentiable {
    private static final String INPUT = "x";
    private final int dim;
    private final SameDiff sd;
    private final String output;

    private SameDiffFunction(int dim, SameDiff sd, String output) {
        this.dim = dim;
        this.sd = sd;
        this.output = output;
    }

    /**
     * The scalar function {@code body(sd, x)} of a double vector variable x of length {@code dim}; the body
     * must return a scalar (rank 0) variable.
     */
    public static SameDiffFunction of(int dim, BiFunction<SameDiff, SDVariable, SDVariable> body) {
        Backend.init();
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var(INPUT, Nd4j.zeros(DataType.DOUBLE, dim));
        SDVariable y = body.apply(sd, x);
        y.markAsLoss();
        return new SameDiffFunction(dim, sd, y.name());
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public synchronized double value(double[] x) {
        setInput(x);
        return sd.output(Map.of(), output).get(output).getDouble(0);
    }

    @Override
    public synchronized double valueAndGradient(double[] x, double[] grad) {
        setInput(x);
        OutAndGrad r = sd.calculateGradientsAndOutputs(Map.of(), List.of(output), List.of(INPUT));
        double[] g = r.getGradients().get(INPUT).toDoubleVector();
        System.arraycopy(g, 0, grad, 0, dim);
        return r.getOutputs().get(output).getDouble(0);
    }

    /** Loads x into the graph's input variable (a VARIABLE, since SameDiff differentiates only with respect to those). */
    private void setInput(double[] x) {
        if (x.length != dim) {
            throw new IllegalArgumentException("expected " + dim + " inputs, got " + x.length);
        }
        sd.getVariable(INPUT).getArr().assign(Nd4j.createFromArray(x));
    }
}
