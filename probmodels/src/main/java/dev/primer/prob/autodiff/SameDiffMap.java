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
 * A vector function F: ℝᵈ → ℝᵐ as a SameDiff graph, with vector-Jacobian products uᵀJ_F(x) = ∇ₓ(u·F(x)) by one
 * reverse pass, the operation reverse mode is made of. Calls are serialised.
 */
public final class SameDiffMap {
    private static final String INPUT = "x";
    private static final String COTANGENT = "u";
    private final int dim;
    private final int outDim;
    private final SameDiff sd;
    private final String output;
    private final String pairing;

    private SameDiffMap(int dim, int outDim, SameDiff sd, String output, String pairing) {
        this.dim = dim;
        this.outDim = outDim;
        this.sd = sd;
        this.output = output;
        this.pairing = pairing;
    }

    /** The map {@code body(sd, x)} from a length-{@code dim} vector to a length-{@code outDim} vector. */
    public static SameDiffMap of(int dim, int outDim, BiFunction<SameDiff, SDVariable, SDVariable> body) {
        Backend.init();
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var(INPUT, Nd4j.zeros(DataType.DOUBLE, dim));
        SDVariable u = sd.placeHolder(COTANGENT, DataType.DOUBLE, outDim);
        SDVariable y = body.apply(sd, x);
        SDVariable pair = y.mul(u).sum();
        pair.markAsLoss();
        return new SameDiffMap(dim, outDim, sd, y.name(), pair.name());
    }

    /** F(x); x must have length d. */
    public synchronized double[] value(double[] x) {
        setInput(x);
        return sd.output(Map.of(COTANGENT, Nd4j.zeros(DataType.DOUBLE, outDim)), output).get(output).toDoubleVector();
    }

    /** The vector-Jacobian product uᵀJ_F(x), a length-d vector; x must have length d and u length m. */
    public synchronized double[] vjp(double[] x, double[] u) {
        if (u.length != outDim) {
            throw new IllegalArgumentException("expected a cotangent of length " + outDim + ", got " + u.length);
        }
        setInput(x);
        OutAndGrad r = sd.calculateGradientsAndOutputs(Map.of(COTANGENT, Nd4j.createFromArray(u.clone())),
                List.of(pairing), List.of(INPUT));
        return r.getGradients().get(INPUT).toDoubleVector();
    }

    /** The m×d Jacobian by m vector-Jacobian products with the unit cotangents. */
    public double[][] jacobian(double[] x) {
        double[][] j = new double[outDim][];
        double[] e = new double[outDim];
        for (int i = 0; i < outDim; i++) {
            e[i] = 1;
            j[i] = vjp(x, e);
            e[i] = 0;
        }
        return j;
    }

    /** The input dimension d. */
    public int dim() {
        return dim;
    }

    /** Loads x into the graph's input variable, after checking its length. */
    private void setInput(double[] x) {
        if (x.length != dim) {
            throw new IllegalArgumentException("expected " + dim + " inputs, got " + x.length);
        }
        sd.getVariable(INPUT).getArr().assign(Nd4j.createFromArray(x));
    }
}
