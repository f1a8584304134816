package dev.primer.experiments.rl;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Verdict;
import dev.primer.rl.core.Task;
import dev.primer.rl.core.Training;
import dev.primer.rl.dqn.DqnAgent;
import dev.primer.rl.dqn.DqnConfig;
import dev.primer.rl.rl4j.Rl4jRunner;
import java.util.List;
import java.util.Locale;

/**
 * Our DQN and RL4J's QLearningDiscreteDense on the same task, network and hyperparameters (MinAtar preset
 * on flattened Breakout by default), one after the other in one JVM: training frames/s and greedy return.
 * Both train the same DL4J network; ours steps it with {@link dev.primer.rl.nets.FusedQNet} on the CPU
 * backend, RL4J with DL4J's {@code fit}.
 */
public final class Rl4jVsPrimer extends NamedExperiment<Rl4jVsPrimer.Metrics> {
    /**
     * The results of the two implementations on the same task and settings.
     *
     * @param task                    the task
     * @param stepsEach               environment steps each trained
     * @param primerQStep             how our agent took its Q-learning step (FusedQNet or DL4J fit)
     * @param primerFramesPerSecond   our training speed
     * @param rl4jFramesPerSecond     RL4J's training speed
     * @param speedup                 ours over RL4J's
     * @param primerGreedyMeanReturn  our greedy mean return at the end
     * @param rl4jGreedyMeanReturn    RL4J's
     */
    public record Metrics(String task, int stepsEach, @JsonProperty("primer_q_step") String primerQStep,
                          double primerFramesPerSecond, double rl4jFramesPerSecond, double speedup,
                          double primerGreedyMeanReturn, double rl4jGreedyMeanReturn) {
    }

    /** The task, steps per implementation, replay size and learning start. */
    record Settings(String task, int steps, int memory, int learningStarts, int evalEpisodes) {
    }

    /** quick: 3k steps each (start 500); full: 100k steps each with the MinAtar preset's memory and start. */
    static Settings settings(Context ctx) {
        return new Settings("minatar-breakout", ctx.pick(3_000, 100_000), ctx.pick(3_000, 100_000),
                ctx.pick(500, 5_000), ctx.pick(5, 30));
    }

    /** The experiment rl4j-vs-primer. */
    public Rl4jVsPrimer() {
        super("rl4j-vs-primer",
                "our DQN vs RL4J on MinAtar Breakout, same network and hyperparameters: frames/s and return");
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        return run(ctx, settings(ctx));
    }

    Outcome<Metrics> run(Context ctx, Settings s) {
        Task task = Task.of(s.task());
        DqnConfig cfg = task.preset().withMemory(s.memory(), s.learningStarts());
        int maxEpisode = 10_000;
        DqnAgent agent = DqnAgent.of(task, cfg, ctx.seed());
        Training.Result ours = Training.run(Training.Config.of(s.steps(), ctx.seed())
                .withEval(0, s.evalEpisodes(), s.evalEpisodes(), maxEpisode), task.envs(), agent);
        Rl4jRunner.Result rl4j = Rl4jRunner.train(task, cfg, s.steps(), maxEpisode, s.evalEpisodes(), ctx.seed());
        double ratio = ours.framesPerSecond() / rl4j.framesPerSecond();
        Metrics m = new Metrics(s.task(), s.steps(), agent.usesFusedStep() ? "FusedQNet" : "DL4J fit",
                ours.framesPerSecond(), rl4j.framesPerSecond(), ratio, ours.finalEval().mean(), rl4j.evalMean());
        return new Outcome<>(m, List.of(), String.format(Locale.ROOT,
                "On %s with the same network and hyperparameters, our DQN trains at %.0f frames/s and RL4J at %.0f "
                        + "(%.1fx); greedy returns after %,d steps: %.2f vs %.2f.", s.task(), ours.framesPerSecond(),
                rl4j.framesPerSecond(), ratio, s.steps(), ours.finalEval().mean(), rl4j.evalMean()));
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.RL_AND_GO, "Our DQN trains faster than RL4J's on the same network and"
                        + " hyperparameters and learns as well.", "RL4J 1.0.0-M2.1 as referee",
                "RL4J's frames/s and greedy return, run beside it", "speedup", "primer_greedy_mean_return",
                "rl4j_greedy_mean_return");
    }

    /** Reproduced when ours is faster and its greedy return at least RL4J's, partly when only faster. */
    @Override
    public Verdict judge(Metrics m) {
        return Verdict.of(m.speedup() > 1 && m.primerGreedyMeanReturn() >= m.rl4jGreedyMeanReturn(), m.speedup() > 1);
    }
}
