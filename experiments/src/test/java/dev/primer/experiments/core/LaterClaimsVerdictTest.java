package dev.primer.experiments.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.experiments.go.AlphaGo9x9;
import dev.primer.experiments.go.AlphaGoRl;
import dev.primer.experiments.memory.NtmCopy;
import dev.primer.experiments.prob.Gan;
import dev.primer.experiments.prob.LearnedProposal;
import dev.primer.experiments.prob.PlanarFlows2d;
import dev.primer.experiments.text.SentimentNeuron;
import dev.primer.prob.bench.McmcBench.Hard;
import dev.primer.prob.bench.McmcBench.HardResult;
import dev.primer.prob.bench.McmcBench.Sampler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verdict rules of the sequence, text and probabilistic experiments with logic worth checking, fed the figures
 * their docs report (experiments/docs/representations-of-text.md, probmodels/docs/) and variations of them.
 */
class LaterClaimsVerdictTest {
    private static NtmCopy.Metrics copies(double[] ntmWrong, double[] lstmWrong) {
        int[] lengths = {10, 20, 40};
        List<NtmCopy.TestPoint> ntm = new ArrayList<>();
        List<NtmCopy.TestPoint> lstm = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            ntm.add(new NtmCopy.TestPoint(lengths[i], 0, ntmWrong[i]));
            lstm.add(new NtmCopy.TestPoint(lengths[i], 0, lstmWrong[i]));
        }
        return new NtmCopy.Metrics(1500, 16, List.of(new NtmCopy.ModelResult("NTM", 1, 1, List.of(), ntm),
                new NtmCopy.ModelResult("LSTM", 1, 1, List.of(), lstm)));
    }

    @Test
    void ntmCopyIsJudgedOnlyAtLengthsBeyondTraining() {
        NtmCopy e = new NtmCopy();
        double[] lstm = {22.1, 65.8, 160.2};
        assertEquals(Verdict.PARTLY, e.judge(copies(new double[] {0.0, 0.03, 50.2}, lstm)));
        assertEquals(Verdict.REPRODUCED, e.judge(copies(new double[] {30, 0.03, 2.0}, lstm)));
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(copies(new double[] {0.0, 2.0, 2.0}, lstm)));
    }

    private static Gan.Metrics fids(double gan, double vae, double real, double mh) {
        double[] classes = new double[10];
        return new Gan.Metrics(1000, 0.1, 1.3, 0.88, 2000, gan, vae, real, classes, classes, classes,
                new Gan.Corrected(1, 0, 10, 0.8, mh, classes, 500, 2000, mh, gan));
    }

    @Test
    void ganDifferencesCountOnlyWhenLargerThanTheRealImagesFloor() {
        Gan e = new Gan();
        assertEquals(Verdict.REPRODUCED, e.judge(fids(76.04, 134.6, 0.60, 65.25)));
        assertEquals(Verdict.PARTLY, e.judge(fids(76.04, 134.6, 0.60, 75.8)));
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(fids(181.43, 153.0, 1.51, 180.32)));
    }

    private static LearnedProposal.Metrics mixture(double learnedEss, double learnedWithTraining, double rhat,
                                                   double nutsEss) {
        String target = Hard.MIXTURE.label();
        return new LearnedProposal.Metrics(List.of(
                new HardResult(Sampler.NUTS, target, 2000, 4, nutsEss, 0, nutsEss, 6.8, 0.98, 0, 1),
                new HardResult(Sampler.LEARNED, target, 2000, 4000, learnedEss, 100, learnedWithTraining, rhat, 0.95,
                        0.03, 1)), learnedEss / nutsEss);
    }

    @Test
    void learnedProposalMustConvergeAndBeatNutsOnTheMixture() {
        LearnedProposal e = new LearnedProposal();
        assertEquals(Verdict.REPRODUCED, e.judge(mixture(76_632, 31, 1.000, 8)));
        assertEquals(Verdict.PARTLY, e.judge(mixture(35_837, 6.8, 1.007, 74)));
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(mixture(35_837, 100, 1.5, 74)));
    }

    private static SentimentNeuron.Metrics probe(double fullState, double bestUnit) {
        return new SentimentNeuron.Metrics(1, 3.65, List.of(), List.of(),
                new SentimentNeuron.Probe(1400, 600, fullState, 1, bestUnit, 0.5));
    }

    @Test
    void sentimentIsJudgedAgainstChanceWithTwoStandardErrors() {
        SentimentNeuron e = new SentimentNeuron();
        assertEquals(Verdict.REPRODUCED, e.judge(probe(0.70, 0.68)));
        assertEquals(Verdict.PARTLY, e.judge(probe(0.70, 0.55)));
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(probe(0.478, 0.528)));
    }

    private static PlanarFlows2d.Metrics kls(double[]... byEnergy) {
        int[] ks = {2, 8, 32};
        List<PlanarFlows2d.Fit> fits = new ArrayList<>();
        for (int u = 0; u < byEnergy.length; u++) {
            for (int i = ks.length - 1; i >= 0; i--) {
                fits.add(new PlanarFlows2d.Fit("U" + (u + 1), ks[i], byEnergy[u][i]));
            }
        }
        return new PlanarFlows2d.Metrics(1500, fits);
    }

    @Test
    void planarFlowsAreJudgedByHowTheKlFallsWithK() {
        PlanarFlows2d e = new PlanarFlows2d();
        double[] u3 = {1.08, 0.45, 0.27};
        assertEquals(Verdict.REPRODUCED, e.judge(kls(new double[] {0.92, 0.29, 0.07}, u3)));
        assertEquals(Verdict.PARTLY, e.judge(kls(new double[] {0.80, 0.108, 0.115}, u3)));
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(kls(new double[] {0.80, 0.11, 0.9}, u3)));
    }

    private static AlphaGoRl.Metrics vsSl(double rate, int games) {
        dev.primer.mcts.Wilson w = dev.primer.mcts.Wilson.of95(rate * games, games);
        return new AlphaGoRl.Metrics(75, 64, 1e-5, games, rate, w.low(), w.high(), rate, 0.8);
    }

    @Test
    void rlAgainstSlMustBeatItBeyondTheIntervalAndReach70PercentOn9x9() {
        AlphaGoRl e = new AlphaGoRl();
        assertEquals(Verdict.REPRODUCED, e.judge(vsSl(0.7225, 400)));
        assertEquals(Verdict.PARTLY, e.judge(vsSl(0.6475, 400)), "the probe's step 75");
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(vsSl(0.5425, 400)), "within the interval of even");
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(vsSl(0.70, 20)), "70% of 20 games is too few to tell");
    }

    private static AlphaGo9x9.Metrics vsGnuGo(int level, double rate, double valueMse) {
        dev.primer.mcts.Wilson w = dev.primer.mcts.Wilson.of95(rate * 100, 100);
        return new AlphaGo9x9.Metrics(3_600, valueMse, 0.87, 0.80, 0.01, 2, 21, level, 1, 2, 100, rate, w.low(),
                w.high(), 0);
    }

    @Test
    void theFullPlayerMustScore90PercentAgainstGnuGoLevel10WithAValueNetBetterThanLightRollouts() {
        AlphaGo9x9 e = new AlphaGo9x9();
        assertEquals(Verdict.REPRODUCED, e.judge(vsGnuGo(10, 0.92, 0.80)));
        assertEquals(Verdict.PARTLY, e.judge(vsGnuGo(10, 0.85, 0.80)), "below the bar");
        assertEquals(Verdict.PARTLY, e.judge(vsGnuGo(1, 0.95, 0.80)), "the quick budget's level 1");
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(vsGnuGo(10, 0.95, 0.90)), "a value net worse than light rollouts");
        assertEquals(Verdict.NOT_REPRODUCED, e.judge(vsGnuGo(10, 0.45, 0.80)));
    }
}
