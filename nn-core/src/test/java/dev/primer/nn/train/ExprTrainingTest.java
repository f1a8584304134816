package dev.primer.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Net;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import dev.primer.nn.expr.Program.Expr;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The trainer's guarantees hold for an expression network with noise inside the graph: a run killed with SIGKILL
 * resumes to exactly the parameters of an uninterrupted run, and a diverging run keeps the last good model.
 */
class ExprTrainingTest {
    static final int EVERY = 20;
    static final int STEPS = 120;

    @TempDir
    Path dir;

    /** A small variational autoencoder on the 8x8 digits: 64-16-(4 means, 4 log-variances), noise in the graph. */
    static Net fresh(Updates updates) {
        Program.Builder p = Program.builder();
        Expr x = p.input("x", 64);
        Expr h = p.relu(p.linear("enc", x, 16));
        Expr mu = p.linear("mu", h, 4);
        Expr logvar = p.linear("logvar", h, 4);
        Expr z = p.add(mu, p.mul(p.exp(p.scale(logvar, 0.5)), p.normal(x, 4)));
        Expr nll = p.rowSum(p.bceWithLogits(p.linear("dec", z, 64), x));
        Expr kl = p.scale(p.rowSum(p.sub(p.sub(p.shift(logvar, 1), p.square(mu)), p.exp(logvar))), -0.5);
        return Net.of(new ExprNet(p.build(p.meanRows(p.add(nll, kl)), Map.of()), updates, 11));
    }

    static Net fresh() {
        return fresh(Updates.adam(1e-2));
    }

    static ArrayDataset data() {
        ArrayDataset d = Datasets.digits().head(600);
        return d.withFeatures(d.features().reshape(d.size(), 64).gt(0.5).castTo(DataType.FLOAT));
    }

    static Trainer trainer(Path out, long maxSteps) {
        return new Trainer(Trainer.Config.of(32, 1000, 11).withMaxSteps(maxSteps).withOutput(out, EVERY));
    }

    /** Child process entry: train "forever" into {@code args[0]}. */
    public static void main(String[] args) {
        trainer(Path.of(args[0]), 0).run(ExprTrainingTest::fresh, data(), null);
    }

    @Test
    void sigkillResumesToTheUninterruptedParameters() throws Exception {
        Trainer.Result resumed = KillAndResume.resumesLikeAStraightRun(ExprTrainingTest.class, dir, 2 * EVERY, EVERY,
                f -> Checkpoint.read(f, ExprTrainingTest::fresh).state().step(),
                out -> trainer(out, STEPS).run(ExprTrainingTest::fresh, data(), null));
        assertTrue(resumed.resumedFrom() > 0);
        assertEquals(STEPS, resumed.state().step());
    }

    @Test
    void divergenceKeepsTheLastGoodModel() throws Exception {
        Updates blowUp = new Updates(Optimizer.sgd(), LearningRate.constant(1e30), 0, 0);
        Net net = fresh(blowUp);
        Trainer t = new Trainer(Trainer.Config.of(16, 50, 1).withOutput(dir, 0));
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                () -> t.fit(net, TrainState.start(1, 16), data(), null));
        assertEquals(0, net.params().isNaN().castTo(DataType.INT).sumNumber().intValue(), "params rolled back");
        assertEquals(0, net.params().isInfinite().castTo(DataType.INT).sumNumber().intValue());
        assertNotNull(e.lastGood());
        Checkpoint.Loaded saved = Checkpoint.read(e.lastGood(), () -> fresh(blowUp));
        assertEquals(net.params(), saved.net().params());
        assertEquals(e.step() - 1, saved.state().step());
    }

    @Test
    void aDl4jReaderRefusesAnExpressionCheckpointWithAMessage() throws Exception {
        Path f = dir.resolve("ck.bin");
        Checkpoint.write(f, fresh(), TrainState.start(1, 8));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Checkpoint.read(f));
        assertTrue(e.getMessage().contains("expression network"), e.getMessage());
    }
}
