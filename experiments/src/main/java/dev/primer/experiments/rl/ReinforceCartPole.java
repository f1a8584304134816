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
import dev.primer.rl.pg.ReinforceAgent;
import dev.primer.rl.pg.ReinforceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** REINFORCE with a learned baseline on CartPole-v1: learning curve and final greedy return per seed. */
public final class ReinforceCartPole extends NamedExperiment<ReinforceCartPole.Metrics> {
    /**
     * The results over seeds.
     *
     * @param seeds                  seeds run
     * @param stepsPerSeed           environment steps per seed
     * @param finalMeanReturnPerSeed each seed's greedy mean return at the end
     * @param medianFinalMeanReturn  their median
     */
    public record Metrics(int seeds, long stepsPerSeed, double[] finalMeanReturnPerSeed, double medianFinalMeanReturn) {
    }


    /** How much to run: seeds and environment steps per seed. */
    record Settings(int seeds, long steps, long evalEvery, int finalEpisodes) {
    }

    /** quick: 1 seed of 100k steps; full: 3 seeds of 500k steps. */
    static Settings settings(Context ctx) {
        return new Settings(ctx.pick(1, 3), ctx.pick(100_000L, 500_000L), ctx.pick(10_000L, 25_000L), 100);
    }

    /** The experiment reinforce-cartpole. */
    public ReinforceCartPole() {
        super("reinforce-cartpole",
                "REINFORCE with a learned baseline on CartPole-v1: learning curve and 100-episode greedy return");
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        return run(ctx, settings(ctx));
    }

    Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        Task task = Task.of("cartpole");
        List<Plots.Series> curves = new ArrayList<>();
        double[] finals = new double[s.seeds()];
        for (int k = 0; k < s.seeds(); k++) {
            long seed = ctx.seed() + k;
            ReinforceAgent agent = new ReinforceAgent(ReinforceConfig.cartpole(), task.shape().inputs(),
                    task.actions(), seed);
            Training.Result r = Training.run(Training.Config.of(s.steps(), seed)
                    .withEval(s.evalEvery(), 10, s.finalEpisodes(), 0)
                    .withOutput(ctx.dir().resolve("seed-" + seed), 50_000)
                    .withProgress(System.console() != null), task.envs(), agent);
            finals[k] = r.finalEval().mean();
            curves.add(SeedRuns.trainingCurve("seed " + seed + " (training, last 100)", r));
            curves.add(SeedRuns.evalCurve("seed " + seed + " (greedy)", r));
        }
        double median = SeedRuns.median(finals);
        Metrics m = new Metrics(s.seeds(), s.steps(), finals, median);
        String plot = Plots.lines(ctx.dir(), "reinforce-cartpole.png", "REINFORCE + baseline on CartPole-v1",
                "environment steps", "return", SeedRuns.nonEmpty(curves));
        return new Outcome<>(m, List.of(plot), String.format(Locale.ROOT,
                "REINFORCE with a baseline on CartPole-v1: median %d-episode greedy return %.1f after %,d steps "
                        + "(%d seed(s)).", s.finalEpisodes(), median, s.steps(), s.seeds()));
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.RL_AND_GO, "REINFORCE with a learned baseline learns CartPole-v1 to the solved"
                        + " return of 475.", "Williams 1992; Sutton & Barto 2018, §13.4", "solved at ≥ 475",
                "median_final_mean_return");
    }

    /** Reproduced when the median greedy return reaches 475, partly at CartPole-v0's bar (≥ 195). */
    @Override
    public Verdict judge(Metrics m) {
        return Verdict.of(m.medianFinalMeanReturn() >= DqnCartPole.SOLVED, m.medianFinalMeanReturn() >= 195);
    }
}
