package dev.primer.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.primer.rl.alphago.SlPolicy;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SlPolicyOptionsTest {
    private static SlPolicyOptions parse(String... args) {
        SlPolicyOptions o = new SlPolicyOptions();
        new CommandLine(o).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return o;
    }

    @Test
    void stepsAndLearningRateReplaceTheBudgetsAndNothingElse() {
        SlPolicy.Config c = parse("--budget", "full", "--steps", "10", "--learning-rate", "0.003").config(5, 4);
        SlPolicy.Config full = SlPolicy.Config.full();
        assertEquals(10, c.steps());
        assertEquals(0.003, c.learningRate());
        assertEquals(5, c.seed());
        assertEquals(4, c.skipOpening());
        assertEquals(full.filters(), c.filters());
        assertEquals(full.batchSize(), c.batchSize());
        assertEquals(SlPolicy.Config.quick().learningRate(), parse().config(1, 4).learningRate());
    }

    @Test
    void aRateThatCannotTrainIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> parse("--learning-rate", "0").config(1, 4));
    }
}
