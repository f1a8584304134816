package dev.primer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.Updates;
import dev.primer.nn.train.Evaluations;
import dev.primer.nn.train.Trainer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference convnet learns sklearn's 8x8 digits to ≥ 95% held-out accuracy in seconds. */
class DigitsConvnetTest {
    @Test
    void convnetReaches95PercentOnHeldOutDigits() {
        ArrayDataset all = Datasets.digits();
        assertEquals(1797, all.size());
        ArrayDataset[] parts = Datasets.split(all, 0.2, 7);
        Trainer trainer = new Trainer(Trainer.Config.of(32, 12, 3));
        Trainer.Result r = trainer.run(
                () -> Net.of(Networks.convnet(new ImageShape(1, 8, 8), 10, Updates.adam(2e-3), 3)),
                parts[0], (net, step) -> Map.of("test_accuracy", Evaluations.accuracy(net, parts[1], 256)));
        double acc = r.metrics().get("test_accuracy");
        assertTrue(acc >= 0.95, "held-out accuracy " + acc);
        assertEquals(Trainer.Stop.EPOCHS_DONE, r.stop());
    }
}
