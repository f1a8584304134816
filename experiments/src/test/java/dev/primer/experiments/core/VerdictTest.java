package dev.primer.experiments.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.experiments.nn.DropoutExperiment;
import dev.primer.experiments.prob.SgdVsGdRates;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verdicts are computed from the measured figures: the same experiment judges different metrics differently. */
class VerdictTest {
    private static SgdVsGdRates.Metrics slopes(double gd, double sgd) {
        return new SgdVsGdRates.Metrics(100, 100, 1, gd, 1e-3, sgd, 1e-3, 0, 0.4);
    }

    @Test
    void ratesAreJudgedByTheirDistanceFromTheory() {
        SgdVsGdRates e = new SgdVsGdRates();
        assertEquals(Verdict.REPRODUCED, e.judge(slopes(-0.92, -0.55)));
        assertEquals(Verdict.PARTLY, e.judge(slopes(-0.92, -0.2)));
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(slopes(-0.5, -1.0)));
    }

    @Test
    void dropoutIsJudgedByTestErrorAndGap() {
        DropoutExperiment e = new DropoutExperiment();
        DropoutExperiment.Arm plain = new DropoutExperiment.Arm(0.01, 0.15, 0.14, 0.14);
        assertEquals(Verdict.REPRODUCED, e.judge(metrics(plain, new DropoutExperiment.Arm(0.08, 0.13, 0.05, 0.13))));
        assertEquals(Verdict.PARTLY, e.judge(metrics(plain, new DropoutExperiment.Arm(0.0, 0.14, 0.14, 0.14))));
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(metrics(plain, new DropoutExperiment.Arm(0.0, 0.2, 0.2, 0.2))));
    }

    private static DropoutExperiment.Metrics metrics(DropoutExperiment.Arm plain, DropoutExperiment.Arm dropout) {
        return new DropoutExperiment.Metrics(1000, List.of(100), 1, 0.2, 0.5, plain, dropout);
    }

    @Test
    void anExperimentThatStatesNoClaimIsFiledUnderOtherAndNotJudged() {
        Experiment<RunnerAndReportTest.RunningMean.Metrics> plain = new NamedExperiment<>("plain", "a new one") {
            @Override
            public Outcome<RunnerAndReportTest.RunningMean.Metrics> run(Context ctx) {
                throw new UnsupportedOperationException("not run here");
            }
        };
        assertEquals(Chapter.OTHER, plain.claim().chapter());
        assertEquals("a new one", plain.claim().sentence());
        assertEquals(Verdict.NOT_JUDGED, plain.judge(new RunnerAndReportTest.RunningMean.Metrics(0.5)));
        assertEquals(Verdict.NOT_REPRODUCED, Verdict.ofLabel("not reproduced"));
        assertEquals(Verdict.NOT_JUDGED, Verdict.ofLabel(null));
    }
}
