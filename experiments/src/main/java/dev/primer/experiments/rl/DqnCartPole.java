package dev.primer.experiments.rl;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.Verdict;
import dev.primer.rl.core.Task;
import dev.primer.rl.core.Training;
import dev.primer.rl.dqn.DqnAgent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DQN with the tuned CartPole preset for 50k environment steps. Like rl-baselines3-zoo (whose EvalCallback
 * saves a "best model"), each seed keeps the policy of its best 10-episode evaluation (every 5k steps) and
 * scores it, and the final policy, on the same 100 fresh evaluation episodes; the claim is on the median over
 * seeds of the kept policy's score (solved: ≥ 475), and the final policy's median is reported next to it.
 * DQN's policy swings between evaluations on CartPole (SB3 users see the same: rl-baselines3-zoo issue #472).
 * Every seed checkpoints, the kept policy included: a killed run resumes where it stopped.
 */
public final class DqnCartPole extends NamedExperiment<DqnCartPole.Metrics> {
    /**
     * The results over seeds: each seed's kept (best evaluated) and final policy scored on the same final
     * evaluation episodes.
     *
     * @param seeds                         seeds run
     * @param stepsPerSeed                  environment steps per seed
     * @param finalEvalEpisodes             episodes of the final evaluation
     * @param keptPolicyMeanReturnPerSeed   each seed's kept policy's mean return
     * @param keptPolicyStepPerSeed         the step each kept policy was evaluated at
     * @param medianKeptPolicyMeanReturn    the median over seeds of the kept policies' returns (the claim)
     * @param finalPolicyMeanReturnPerSeed  each seed's final policy's mean return
     * @param medianFinalPolicyMeanReturn   their median
     * @param solved                        whether the claim reaches {@link #SOLVED}
     * @param medianFramesPerSecond         the median training speed
     */
    public record Metrics(int seeds, long stepsPerSeed, int finalEvalEpisodes, double[] keptPolicyMeanReturnPerSeed,
                          long[] keptPolicyStepPerSeed, double medianKeptPolicyMeanReturn,
                          double[] finalPolicyMeanReturnPerSeed, double medianFinalPolicyMeanReturn, boolean solved,
                          double medianFramesPerSecond) {
    }

    /** Solved threshold of CartPole-v1. */
    public static final double SOLVED = 475;

    /** How much to run: seeds, environment steps per seed, evaluation cadence. */
    record Settings(int seeds, long steps, long evalEvery, int finalEpisodes) {
    }

    /** quick: 1 seed; full: 5 seeds; both 50k steps and a 100-episode final evaluation. */
    static Settings settings(Context ctx) {
        return new Settings(ctx.pick(1, 5), 50_000, 5_000, 100);
    }

    /** The experiment dqn-cartpole. */
    public DqnCartPole() {
        super("dqn-cartpole",
                "DQN (tuned preset) on CartPole-v1 for 50k steps: median over seeds of the best evaluated policy's "
                + "100-episode greedy return");
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        return run(ctx, settings(ctx));
    }

    Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        Task task = Task.of("cartpole");
        List<Plots.Series> curves = new ArrayList<>();
        double[] finals = new double[s.seeds()];
        double[] kept = new double[s.seeds()];
        long[] keptAt = new long[s.seeds()];
        double[] fps = new double[s.seeds()];
        for (int k = 0; k < s.seeds(); k++) {
            long seed = ctx.seed() + k;
            DqnAgent agent = DqnAgent.of(task, task.preset(), seed);
            Training.Result r = Training.run(Training.Config.of(s.steps(), seed)
                    .withEval(s.evalEvery(), 10, s.finalEpisodes(), 0)
                    .withOutput(ctx.dir().resolve("seed-" + seed), 10_000)
                    .withProgress(System.console() != null).withKeepBest(true), task.envs(), agent);
            finals[k] = r.finalEval().mean();
            kept[k] = r.bestEval().mean();
            keptAt[k] = r.bestEval().step();
            fps[k] = r.framesPerSecond();
            curves.add(SeedRuns.evalCurve("seed " + seed, r));
        }
        double median = SeedRuns.median(kept);
        Metrics m = new Metrics(s.seeds(), s.steps(), s.finalEpisodes(), kept, keptAt, median, finals,
                SeedRuns.median(finals), median >= SOLVED, SeedRuns.median(fps));
        String plot = Plots.lines(ctx.dir(), "dqn-cartpole.png", "DQN on CartPole-v1 (greedy evaluation)",
                "environment steps", "return", SeedRuns.nonEmpty(curves));
        return new Outcome<>(m, List.of(plot), String.format(Locale.ROOT,
                "DQN on CartPole-v1, %d seed(s) × %,d steps: median %d-episode greedy return of the kept (best "
                        + "evaluated) policy %.1f (solved at %.0f: %s); of the final policy %.1f.", s.seeds(), s.steps(),
                s.finalEpisodes(), median, SOLVED, median >= SOLVED ? "yes" : "no", SeedRuns.median(finals)));
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.RL_AND_GO, "DQN solves CartPole-v1 in 50k steps: a 100-episode greedy return of at"
                        + " least 475.", "Mnih et al. 2015; rl-baselines3-zoo's tuned preset",
                "solved (≥ 475) by rl-baselines3-zoo's DQN", "median_kept_policy_mean_return",
                "median_final_policy_mean_return");
    }

    /** Reproduced when the median kept policy solves the task (≥ 475), partly at CartPole-v0's bar (≥ 195). */
    @Override
    public Verdict judge(Metrics m) {
        return Verdict.of(m.medianKeptPolicyMeanReturn() >= SOLVED, m.medianKeptPolicyMeanReturn() >= 195);
    }
}
