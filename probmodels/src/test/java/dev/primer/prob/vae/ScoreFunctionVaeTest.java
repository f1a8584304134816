package dev.primer.prob.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.optim.Updates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The two estimators of ∇ELBO: the decoder's gradient is shared, the encoder's agree in mean and differ in spread. */
class ScoreFunctionVaeTest {
    static final List<String> ENCODER = List.of("enc.W", "enc.b", "enc.mu.W", "enc.mu.b", "enc.logvar.W",
            "enc.logvar.b");
    static final List<String> DECODER = List.of("dec.W", "dec.b", "dec.out.W", "dec.out.b");

    @Test
    void onTheSameDrawsTheDecoderGradientIsTheSameAndTheEncoderGradientIsNot() {
        ExprNet reparam = VaeTest.SMALL.build(Updates.adam(1e-3), 5);
        INDArray x = VaeTest.testImages(32);
        ExprNet score = new ScoreFunctionVae(VaeTest.SMALL, false).at(reparam, 5, x, 0);
        Map<String, GradientMoments> a = GradientMoments.of(reparam, x, Map.of("enc", ENCODER, "dec", DECODER), 2);
        Map<String, GradientMoments> b = GradientMoments.of(score, x, Map.of("enc", ENCODER, "dec", DECODER), 2);
        assertArrayEquals(a.get("dec").mean(), b.get("dec").mean(), 1e-4);
        double diff = 0;
        for (int i = 0; i < a.get("enc").mean().length; i++) {
            diff = Math.max(diff, Math.abs(a.get("enc").mean()[i] - b.get("enc").mean()[i]));
        }
        assertTrue(diff > 1e-2, "the encoder gradients should differ, max difference " + diff);
    }

    /**
     * Both estimators are unbiased for the same ∇ELBO: with independent draws, E‖ḡ_rep − ḡ_sf‖² is
     * (tr Cov_rep + tr Cov_sf)/R. A bias b adds ‖b‖², so the test fails when ‖b‖² exceeds twice the noise; it has
     * power because ‖E g‖² is required to be far above that noise (a sign error in log q would give 4‖E g‖²).
     */
    @Test
    void theScoreFunctionEstimatorAgreesInMeanWithTheReparametrisation() {
        Vae tiny = new Vae(10, 8, 2);
        Nd4j.getRandom().setSeed(12);
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 10).gt(0.5).castTo(DataType.FLOAT);
        ExprNet reparam = tiny.build(Updates.adam(1e-3), 3);
        int draws = 1_000;
        GradientMoments rep = GradientMoments.of(reparam, x, Map.of("enc", ENCODER), draws).get("enc");
        for (boolean baseline : new boolean[] {false, true}) {
            // Another seed: the score-function draws are independent of the reparametrised ones (and of the
            // baseline's fit, drawn from stream 99).
            ExprNet sf = new ScoreFunctionVae(tiny, baseline).at(reparam, 4, x, 99);
            GradientMoments s = GradientMoments.of(sf, x, Map.of("enc", ENCODER), draws).get("enc");
            double distance = 0;
            double signal = 0;
            for (int i = 0; i < rep.mean().length; i++) {
                distance += Math.pow(rep.mean()[i] - s.mean()[i], 2);
                signal += rep.mean()[i] * rep.mean()[i];
            }
            double noise = (rep.traceCovariance() + s.traceCovariance()) / draws;
            assertTrue(signal > 20 * noise, "baseline " + baseline + ": ‖E g‖² " + signal + " vs noise " + noise);
            assertTrue(distance < 3 * noise, "baseline " + baseline + ": ‖ḡ_rep − ḡ_sf‖² " + distance
                    + " against its expectation " + noise + " if both are unbiased");
            assertTrue(s.traceCovariance() > rep.traceCovariance(), "baseline " + baseline + ": tr Cov "
                    + s.traceCovariance() + " (score function) vs " + rep.traceCovariance());
        }
    }
}
