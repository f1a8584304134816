package dev.primer.experiments.seq;

import dev.primer.nn.Net;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.seq.LstmCell;
import dev.primer.nn.seq.LstmVariant;
import dev.primer.nn.seq.RnnCell;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A recurrent layer read out at its last step by a linear unit, trained by squared error on the adding problem:
 * inputs {@code x} (the problem's {@link AddingProblem#stepMajor} layout) and {@code y} (the target), output
 * {@value #PREDICTION}.
 */
final class AddingNet {
    static final String PREDICTION = "prediction";

    private AddingNet() {
    }

    /** A net over {@code steps} steps whose layer is an LSTM of {@code variant}, or a plain RNN when it is null. */
    static Program program(LstmVariant variant, int steps, int hidden) {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 2 * steps);
        Expr y = p.input("y", 1);
        Expr[] xs = new Expr[steps];
        LstmCell lstm = variant == null ? null : LstmCell.declare(p, "lstm", 2, hidden, variant);
        RnnCell rnn = variant == null ? RnnCell.declare(p, "rnn", 2, hidden) : null;
        for (int t = 0; t < steps; t++) {
            xs[t] = p.columns(x, 2 * t, 2);
        }
        Expr last = lstm != null ? lstm.run(p, xs)[steps - 1].y() : rnn.last(p, xs);
        Expr pred = p.linear("out", last, 1);
        return p.build(p.meanRows(p.square(p.sub(pred, y))), Map.of(PREDICTION, pred));
    }

    /** The problem as the program reads it: features {@code x}, labels {@code y}. */
    static ArrayDataset dataset(AddingProblem problem) {
        return new ArrayDataset(problem.stepMajor(), problem.targetColumn());
    }

    /** The test MSE of a trained net, in batches of 500. */
    static double mse(Net net, ArrayDataset test) {
        ExprNet e = ((Net.Expr) net).net();
        double sum = 0;
        for (int from = 0; from < test.size(); from += 500) {
            int to = Math.min(test.size(), from + 500);
            INDArray x = test.features().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray y = test.labels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray d = e.outputs(x, y).get(PREDICTION).sub(y);
            sum += d.mul(d).sumNumber().doubleValue();
        }
        return sum / test.size();
    }
}
