package dev.primer.experiments.prob;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.flow.Made;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The MADE experiment's evaluation: the chunked mean NLL is the mean over all rows. */
class MadeFashionTest {
    @Test
    void chunkedNllIsTheWholeMean() {
        Made made = new Made(5, 8, 1);
        ExprNet net = made.build(Updates.adam(1e-3), 2);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2503, 5).gt(0.5).castTo(DataType.FLOAT);
        double whole = net.outputs(x).get(Made.NLL).meanNumber().doubleValue();
        assertEquals(whole, MadeFashion.meanOutput(net, x, Made.NLL), 1e-4);
    }
}
