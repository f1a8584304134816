package dev.primer.experiments.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.experiments.core.Verdict;
import dev.primer.nn.seq.LstmVariant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The sequence experiments judge their claims from the measured figures. */
class SequenceVerdictsTest {
    private static AttentionExperiment.Metrics attention(double[] plain, double[] att) {
        return new AttentionExperiment.Metrics(32, 1000, 30, new int[] {20, 30, 40, 50}, plain, att, plain, att, 0.6,
                1, 1);
    }

    @Test
    void attentionHoldingOnlyWithinTheTrainingLengthsIsPartly() {
        AttentionExperiment e = new AttentionExperiment();
        double[] zero = {0, 0, 0, 0};
        assertEquals(Verdict.PARTLY, e.judge(attention(zero, new double[] {1, 1, 0, 0})));
        assertEquals(Verdict.REPRODUCED, e.judge(attention(zero, new double[] {1, 1, 0.95, 0.9})));
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(attention(new double[] {0.8, 0.8, 0, 0},
                new double[] {1, 1, 0, 0})));
    }

    private static LstmGates.Metrics gates(double... lmMean) {
        String[] names = Arrays.stream(LstmVariant.values()).map(Enum::name).toArray(String[]::new);
        return new LstmGates.Metrics(names, new double[0][], new double[0][], lmMean, new double[lmMean.length], null);
    }

    @Test
    void gatesAreJudgedByWhichRemovalsHurtMost() {
        LstmGates e = new LstmGates();
        // VANILLA, NIG, NFG, NOG, NIAF, NOAF, NP, CIFG
        assertEquals(Verdict.REPRODUCED, e.judge(gates(3.30, 3.35, 3.60, 3.36, 3.31, 3.45, 3.31, 3.32)));
        assertEquals(Verdict.PARTLY, e.judge(gates(3.30, 3.50, 3.60, 3.36, 3.31, 3.40, 3.31, 3.32)));
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(gates(3.30, 3.50, 3.31, 3.45, 3.31, 3.32, 3.31, 3.32)));
    }
}
