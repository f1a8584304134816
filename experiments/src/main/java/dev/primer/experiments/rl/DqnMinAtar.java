package dev.primer.experiments.rl;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.Verdict;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Updates;
import dev.primer.rl.core.Task;
import dev.primer.rl.core.Training;
import dev.primer.rl.dqn.DqnAgent;
import dev.primer.rl.dqn.DqnConfig;
import dev.primer.rl.dqn.EpsilonSchedule;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DQN with MinAtar's preset on a MinAtar game (system property {@code primer.minatar.game}, default
 * breakout): learning curve, the average of the last 100 training episodes (MinAtar's metric) and frames/s.
 * The full budget runs 2M frames (the paper's reference is 5M; system property {@code primer.minatar.frames} sets
 * another length; {@code primer.minatar.stepSize} replaces the preset's RMSprop step size, the one parameter the
 * paper sweeps); checkpoints let a killed run resume, also into a longer run. A resumed run keeps the step size its
 * checkpoint trained with, and the result's {@code step_size} is that one.
 */
public final class DqnMinAtar extends NamedExperiment<DqnMinAtar.Metrics> {
    /**
     * The results.
     *
     * @param game                              the MinAtar game
     * @param stepSize                          the RMSprop step size trained with
     * @param frames                            frames trained
     * @param resumedFromFrame                  the frame a resumed run started from (0 for a fresh one)
     * @param episodes                          training episodes
     * @param last100TrainingEpisodesMeanReturn MinAtar's metric: the mean return of the last 100 training episodes
     * @param finalGreedyMeanReturn             the greedy policy's mean return at the end
     * @param publishedDqnAt5MFrames            Young and Tian's DQN at 5M frames (NaN for a game they leave out)
     * @param framesPerSecond                   training speed
     */
    public record Metrics(String game, double stepSize, long frames, long resumedFromFrame, long episodes,
                          @JsonProperty("last_100_training_episodes_mean_return")
                          double last100TrainingEpisodesMeanReturn, double finalGreedyMeanReturn,
                          @JsonProperty("published_dqn_at_5M_frames") double publishedDqnAt5MFrames,
                          double framesPerSecond) {
    }

    /** The system property that picks the game. */
    public static final String GAME_PROPERTY = "primer.minatar.game";
    /** The system property that overrides the number of frames of either budget. */
    public static final String FRAMES_PROPERTY = "primer.minatar.frames";
    /** The system property that replaces the preset's step size (Young and Tian sweep it in powers of 2). */
    public static final String STEP_SIZE_PROPERTY = "primer.minatar.stepSize";
    /** Published DQN returns at 5M frames (Young and Tian 2019, Figure 2). */
    static final Map<String, Double> PUBLISHED = Map.of("breakout", 10.0, "freeway", 50.0, "asterix", 17.0,
            "seaquest", 20.0, "space_invaders", 43.0);

    /** How much to run; the quick budget shrinks memory and the ε decay so that it can show learning. */
    record Settings(String game, long frames, DqnConfig config, long evalEvery, int evalEpisodes,
                    long checkpointEvery) {
    }

    /** quick: 30k frames, replay 30k, start 1k, ε over 15k; full: 2M frames with the MinAtar preset (step size aside). */
    static Settings settings(Context ctx) {
        String game = System.getProperty(GAME_PROPERTY, "breakout");
        DqnConfig preset = stepSize(DqnConfig.minatar(), System.getProperty(STEP_SIZE_PROPERTY));
        DqnConfig quick = preset.withMemory(30_000, 1_000).withEpsilon(new EpsilonSchedule(1, 0.1, 15_000, 1_000));
        long frames = frames(System.getProperty(FRAMES_PROPERTY), ctx.pick(30_000L, 2_000_000L));
        return new Settings(game, frames, ctx.pick(quick, preset), ctx.pick(10_000L, 100_000L),
                ctx.pick(10, 30), ctx.pick(10_000L, 50_000L));
    }

    /** {@code value} as a positive frame count, or {@code budget} when it is null. */
    static long frames(String value, long budget) {
        if (value == null) {
            return budget;
        }
        try {
            long frames = Long.parseLong(value.strip());
            if (frames > 0) {
                return frames;
            }
        } catch (NumberFormatException e) {
            // reported below with the property's name
        }
        throw new IllegalArgumentException(FRAMES_PROPERTY + " must be a positive whole number of frames, not '"
                + value + "'");
    }

    /** {@code preset} with a constant step size of {@code value}, or {@code preset} itself when value is null. */
    static DqnConfig stepSize(DqnConfig preset, String value) {
        if (value == null) {
            return preset;
        }
        try {
            double lr = Double.parseDouble(value.strip());
            if (lr > 0 && Double.isFinite(lr)) {
                return preset.withUpdates(new Updates(preset.updates().optimizer(), LearningRate.constant(lr),
                        preset.updates().l2(), preset.updates().clipNorm()));
            }
        } catch (NumberFormatException e) {
            // reported below with the property's name
        }
        throw new IllegalArgumentException(STEP_SIZE_PROPERTY + " must be a positive number, not '" + value + "'");
    }

    /** The experiment dqn-minatar. */
    public DqnMinAtar() {
        super("dqn-minatar", "DQN (MinAtar preset) on a MinAtar game (-D" + GAME_PROPERTY
                + "=breakout): curve, 100-episode average");
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        return run(ctx, settings(ctx));
    }

    Outcome<Metrics> run(Context ctx, Settings s) throws Exception {
        Task task = Task.of("minatar-" + s.game());
        DqnAgent agent = DqnAgent.of(task, s.config(), ctx.seed());
        Training.Result r = Training.run(Training.Config.of(s.frames(), ctx.seed())
                .withEval(s.evalEvery(), s.evalEpisodes(), s.evalEpisodes(), 10_000)
                .withOutput(ctx.dir().resolve(s.game()), s.checkpointEvery())
                .withProgress(System.console() != null), task.envs(), agent);
        Metrics m = new Metrics(s.game(), agent.stepSize(), r.state().step(), r.resumedFrom(), r.state().episodes(),
                r.recentReturn(), r.finalEval().mean(), PUBLISHED.getOrDefault(s.game(), Double.NaN),
                r.framesPerSecond());
        String plot = Plots.lines(ctx.dir(), "dqn-minatar-" + s.game() + ".png", "DQN on MinAtar " + s.game(),
                "frames", "return", SeedRuns.nonEmpty(List.of(
                        SeedRuns.trainingCurve("training (mean of last 100 episodes)", r),
                        SeedRuns.evalCurve("greedy evaluation", r))));
        return new Outcome<>(m, List.of(plot), String.format(Locale.ROOT,
                "DQN on MinAtar %s after %,d frames: last-100-episode average %.2f (published DQN ≈ %.0f at 5M), "
                        + "%.0f frames/s.", s.game(), r.state().step(), r.recentReturn(),
                PUBLISHED.getOrDefault(s.game(), Double.NaN), r.framesPerSecond()));
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.RL_AND_GO, "DQN with MinAtar's preset reaches the published average return.",
                "Young & Tian 2019 (MinAtar); MinAtar's dqn.py", "published DQN ≈ 10 on Breakout at 5M frames",
                "last_100_training_episodes_mean_return", "published_dqn_at_5M_frames", "frames");
    }

    /** Reproduced at the published return or above, partly at half of it. */
    @Override
    public Verdict judge(Metrics m) {
        double got = m.last100TrainingEpisodesMeanReturn();
        return Double.isNaN(m.publishedDqnAt5MFrames()) ? Verdict.NOT_JUDGED
                : Verdict.of(got >= m.publishedDqnAt5MFrames(), got >= m.publishedDqnAt5MFrames() / 2);
    }
}
