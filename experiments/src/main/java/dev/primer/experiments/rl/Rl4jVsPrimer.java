package dev.primer.experiments.rl;

import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.Experiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.rl.core.Task;
import dev.primer.rl.core.Training;
import dev.primer.rl.dqn.DqnAgent;
import dev.primer.rl.dqn.DqnConfig;
import dev.primer.rl.rl4j.Rl4jRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Our DQN and RL4J's QLearningDiscreteDense on the same task, network and hyperparameters (MinAtar preset
 * on flattened Breakout by default), one after the other in one JVM: training frames/s and greedy return.
 * Both train the same DL4J network; ours steps it with {@link dev.primer.rl.nets.FusedQNet} on the CPU
 * backend, RL4J with DL4J's {@code fit}.
 */
public final class Rl4jVsPrimer implements Experiment {

    /** The task, steps per implementation, replay size and learning start. */
    record Settings(String task, int steps, int memory, int learningStarts, int evalEpisodes) {
    }

    /** quick: 3k steps each (start 500); full: 100k steps each with the MinAtar preset's memory and start. */
    static Settings settings(Context ctx) {
        return new Settings("minatar-breakout", ctx.pick(3_000, 100_000), ctx.pick(3_000, 100_000),
                ctx.pick(500, 5_000), ctx.pick(5, 30));
    }

    @Override
    public String name() {
        return "rl4j-vs-primer";
    }

    @Override
    public String description() {
        return "our DQN vs RL4J on MinAtar Breakout, same network and hyperparameters: frames/s and return";
    }

    @Override
    public Outcome run(Context ctx) throws Exception {
        return run(ctx, settings(ctx));
    }

    Outcome run(Context ctx, Settings s) {
        Task task = Task.of(s.task());
        DqnConfig cfg = task.preset().withMemory(s.memory(), s.learningStarts());
        int maxEpisode = 10_000;
        DqnAgent agent = new DqnAgent(cfg, task.shape(), task.actions(), task.scaling(), ctx.seed());
        Training.Result ours = Training.run(Training.Config.of(s.steps(), ctx.seed())
                .withEval(0, s.evalEpisodes(), s.evalEpisodes(), maxEpisode), task.envs(), agent);
        Rl4jRunner.Result rl4j = Rl4jRunner.train(task, cfg, s.steps(), maxEpisode, s.evalEpisodes(), ctx.seed());
        double ratio = ours.framesPerSecond() / rl4j.framesPerSecond();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", s.task());
        m.put("steps_each", s.steps());
        m.put("primer_q_step", agent.usesFusedStep() ? "FusedQNet" : "DL4J fit");
        m.put("primer_frames_per_second", ours.framesPerSecond());
        m.put("rl4j_frames_per_second", rl4j.framesPerSecond());
        m.put("speedup", ratio);
        m.put("primer_greedy_mean_return", ours.finalEval().mean());
        m.put("rl4j_greedy_mean_return", rl4j.evalMean());
        return new Outcome(m, List.of(), String.format(Locale.ROOT,
                "On %s with the same network and hyperparameters, our DQN trains at %.0f frames/s and RL4J at %.0f "
                        + "(%.1fx); greedy returns after %,d steps: %.2f vs %.2f.", s.task(), ours.framesPerSecond(),
                rl4j.framesPerSecond(), ratio, s.steps(), ours.finalEval().mean(), rl4j.evalMean()));
    }
}
