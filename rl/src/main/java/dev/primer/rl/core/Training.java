package dev.primer.rl.core;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Step;
import dev.primer.nn.train.Progress;
import dev.primer.nn.train.RunDirectory;
import dev.primer.nn.train.StepCsv;
import dev.primer.random.SplitMix64;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;

/**
 * The training loop shared by every agent: act, step, observe, update; greedy evaluation episodes every
 * {@code evalEvery} steps; an atomic checkpoint every {@code checkpointEvery} steps and at the end; metrics as
 * CSV ({@code episodes.csv}, {@code eval.csv}, {@code train.csv}) and a learning-curve PNG.
 *
 * <p>Resume: a run whose output directory holds a checkpoint continues from it, so a SIGKILL loses at most
 * one checkpoint interval. What is kept: the agent's networks with optimiser state, replay memory, random
 * streams and update counters, and the loop's step, episode count and recent returns. What is not: the
 * environment's mid-episode state — the resumed run starts a fresh episode (seeded from the run's seed
 * and the episode number), and n-step transitions still pending at the checkpoint are dropped.
 */
public final class Training {
    /** Training-episode returns averaged for the "recent return" figure (MinAtar's 100-episode average). */
    public static final int RECENT = 100;
    static final String EPISODES = "episodes.csv";
    static final String EVAL = RunDirectory.EVAL;
    static final String TRAIN = RunDirectory.TRAIN;
    static final String CURVE = "learning-curve.png";

    private Training() {
    }

    /**
     * How a run is driven.
     *
     * @param steps            environment steps to train for
     * @param evalEvery        steps between evaluations (0: only at the end)
     * @param evalEpisodes     greedy episodes per evaluation
     * @param finalEpisodes    greedy episodes of the final evaluation
     * @param evalMaxSteps     an evaluation episode is cut after this many steps (0: never)
     * @param checkpointEvery  steps between checkpoints (0: none)
     * @param logEvery         steps between rows of {@code train.csv}
     * @param out              output directory (null: no files, no checkpoints)
     * @param progress         show a console progress bar with return and frames/s
     * @param seed             the run's seed
     * @param keepBest         keep the policy of the best periodic evaluation and score it like the final one
     */
    public record Config(long steps, long evalEvery, int evalEpisodes, int finalEpisodes, int evalMaxSteps,
                         long checkpointEvery, long logEvery, Path out, boolean progress, long seed,
                         boolean keepBest) {
        /**
         * {@code steps} of training with seed {@code seed}, evaluating 10 episodes every {@code steps/10} and 10
         * at the end without a step limit, a {@code train.csv} row every 1000 steps, no files, no progress bar,
         * only the final policy kept.
         */
        public static Config of(long steps, long seed) {
            return new Config(steps, Math.max(1, steps / 10), 10, 10, 0, 0, 1000, null, false, seed, false);
        }

        /** Writes files to {@code dir} and checkpoints every {@code every} steps (0: never). */
        public Config withOutput(Path dir, long every) {
            return new Config(steps, evalEvery, evalEpisodes, finalEpisodes, evalMaxSteps, every, logEvery, dir,
                    progress, seed, keepBest);
        }

        /** Evaluates {@code episodes} every {@code every} steps and {@code last} episodes at the end. */
        public Config withEval(long every, int episodes, int last, int maxSteps) {
            return new Config(steps, every, episodes, last, maxSteps, checkpointEvery, logEvery, out, progress, seed,
                    keepBest);
        }

        /** Writes a row of {@code train.csv} every {@code every} steps. */
        public Config withLogEvery(long every) {
            return new Config(steps, evalEvery, evalEpisodes, finalEpisodes, evalMaxSteps, checkpointEvery, every, out,
                    progress, seed, keepBest);
        }

        /** Shows (or hides) the progress bar. */
        public Config withProgress(boolean on) {
            return new Config(steps, evalEvery, evalEpisodes, finalEpisodes, evalMaxSteps, checkpointEvery, logEvery,
                    out, on, seed, keepBest);
        }

        /** Keeps (or not) the policy of the best periodic evaluation, see {@link Result#bestEval}. */
        public Config withKeepBest(boolean on) {
            return new Config(steps, evalEvery, evalEpisodes, finalEpisodes, evalMaxSteps, checkpointEvery, logEvery,
                    out, progress, seed, on);
        }
    }

    /** One evaluation: mean and standard deviation of greedy returns at a step. */
    public record EvalPoint(long step, double mean, double std, int episodes) {
    }

    /** One training episode: the step at which it ended and its return. */
    public record Episode(long step, double episodeReturn) {
    }

    /**
     * What a run produced.
     *
     * @param state          the final loop state
     * @param resumedFrom    the step the run resumed from (0 for a fresh run)
     * @param evals          every evaluation of the run, the final one last (a resumed run reads the earlier
     *                       ones back from its CSVs, so its curve covers the whole run)
     * @param episodes       every training episode of the run, in order (a resumed run reads the earlier ones back)
     * @param framesPerSecond environment steps per second of training (evaluation excluded)
     * @param bestEval       with {@link Config#keepBest}: the kept policy scored on the final evaluation's episodes,
     *                       at the step it was kept (the final policy's own if no periodic one did better); else null
     */
    public record Result(LoopState state, long resumedFrom, List<EvalPoint> evals, List<Episode> episodes,
                         double framesPerSecond, EvalPoint bestEval) {
        /** The final evaluation. */
        public EvalPoint finalEval() {
            return evals.get(evals.size() - 1);
        }

        /** Mean return of the last (up to) 100 training episodes. */
        public double recentReturn() {
            return mean(state.recentReturns());
        }

        /** The step at which each training episode of the run ended. */
        public double[] episodeSteps() {
            return episodes.stream().mapToDouble(Episode::step).toArray();
        }

        /** The return of each training episode of the run. */
        public double[] episodeReturns() {
            return episodes.stream().mapToDouble(Episode::episodeReturn).toArray();
        }
    }

    /** Trains {@code agent} on environments from {@code envs} (one to train, one to evaluate) per {@code config}. */
    public static Result run(Config config, Supplier<? extends Environment<?, Integer>> envs, Agent agent) {
        try (Run<?> run = Run.start(config, envs.get(), envs.get(), agent)) {
            return run.train();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One run of the loop: where it stands between steps, its logs, and the steps it takes. */
    private static final class Run<O> implements AutoCloseable {
        private final Config c;
        private final Environment<O, Integer> env;
        private final Environment<?, Integer> evalEnv;
        private final ObservationEncoder<O> enc;
        private final Agent agent;
        private final RunDirectory dir;
        private final long resumedFrom;
        private final Deque<Double> recent = new ArrayDeque<>();
        private final List<EvalPoint> evals = new ArrayList<>();
        private final List<Episode> finished = new ArrayList<>();
        private final StepCsv episodesCsv;
        private final StepCsv evalCsv;
        private final StepCsv trainCsv;
        private final ProgressBar bar;
        private long step;
        private long episodes;
        private LoopState.Best best;
        private float[] obs;
        private float[] next;
        private double episodeReturn;
        private long episodeLength;
        private long trainNanos;
        private long started;

        @SuppressWarnings("unchecked")
        static <O> Run<O> start(Config c, Environment<?, Integer> trainEnv, Environment<?, Integer> evalEnv,
                                Agent agent) {
            return new Run<>(c, (Environment<O, Integer>) trainEnv, evalEnv, agent);
        }

        /** Resumes from the output directory's checkpoint if it holds one, and opens the logs cut back to it. */
        private Run(Config c, Environment<O, Integer> env, Environment<?, Integer> evalEnv, Agent agent) {
            this.c = c;
            this.env = env;
            this.evalEnv = evalEnv;
            this.agent = agent;
            enc = ObservationEncoder.of(env.observationSpace());
            dir = c.out() == null ? null : new RunDirectory(c.out());
            LoopState saved = dir == null ? null : dir.resume(f -> RlCheckpoint.resume(f, agent, System.err::println));
            LoopState s = saved == null ? LoopState.start(c.seed()) : saved;
            if (dir != null) {
                dir.create();
            }
            resumedFrom = s.step();
            step = s.step();
            episodes = s.episodes();
            best = s.best();
            for (double r : s.recentReturns()) {
                recent.addLast(r);
            }
            obs = new float[enc.size()];
            next = new float[enc.size()];
            episodesCsv = csv(EPISODES, "step,episode,return,length");
            evalCsv = csv(EVAL, "step,mean_return,std_return,episodes");
            trainCsv = csv(TRAIN, "step,loss,epsilon");
            bar = Progress.bar(c.progress(), c.steps(), step);
            if (resumedFrom > 0 && dir != null) {
                StepCsv.rows(dir.file(EPISODES)).forEach(r -> finished.add(new Episode((long) r[0], r[2])));
                StepCsv.rows(dir.file(EVAL))
                        .forEach(r -> evals.add(new EvalPoint((long) r[0], r[1], r[2], (int) r[3])));
            }
        }

        private StepCsv csv(String name, String header) {
            return dir == null ? null : dir.csv(name, header, resumedFrom);
        }

        /** Trains to {@code c.steps()}, then evaluates the final (and kept) policy and draws the curve. */
        Result train() throws IOException {
            startEpisode();
            started = System.nanoTime();
            while (step < c.steps()) {
                advance();
                afterStep();
            }
            trainNanos += System.nanoTime() - started;
            return finish();
        }

        private void startEpisode() {
            enc.encode(env.reset(episodeSeed(c.seed(), episodes)).observation(), obs);
        }

        /** One environment step, the agent's update after it, and the end of the episode if it ended. */
        private void advance() {
            int action = agent.act(obs, step);
            Step<O> st = env.step(action);
            enc.encode(st.observation(), next);
            agent.observe(new Transition(obs, action, st.reward(), next, st.terminated(), st.truncated()));
            step++;
            episodeReturn += st.reward();
            episodeLength++;
            double loss = agent.update(step);
            if (step % c.logEvery() == 0 && trainCsv != null) {
                trainCsv.row(step, loss, epsilon(agent, step));
            }
            if (st.done()) {
                endEpisode();
            } else {
                float[] t = obs;
                obs = next;
                next = t;
            }
        }

        private void endEpisode() {
            episodes++;
            finished.add(new Episode(step, episodeReturn));
            recent.addLast(episodeReturn);
            if (recent.size() > RECENT) {
                recent.removeFirst();
            }
            if (episodesCsv != null) {
                episodesCsv.row(step, episodes, episodeReturn, episodeLength);
            }
            episodeReturn = 0;
            episodeLength = 0;
            startEpisode();
        }

        /** The evaluation, checkpoint and progress due after this step, their time kept out of frames/s. */
        private void afterStep() throws IOException {
            boolean last = step == c.steps();
            boolean evalNow = last || (c.evalEvery() > 0 && step % c.evalEvery() == 0);
            boolean checkpointNow = dir != null && c.checkpointEvery() > 0
                    && (last || step % c.checkpointEvery() == 0);
            if (!evalNow && !checkpointNow && (bar == null || step % 256 != 0)) {
                return;
            }
            long now = System.nanoTime();
            trainNanos += now - started;
            double fps = (step - resumedFrom) / (trainNanos * 1e-9);
            if (evalNow) {
                periodicEval(last, fps);
            }
            if (checkpointNow) {
                RlCheckpoint.write(dir.checkpoint(), state(), agent);
            }
            if (bar != null) {
                bar.stepTo(step);
                bar.setExtraMessage(String.format(Locale.ROOT, " return %.1f | %.0f f/s | ε %.2f",
                        mean(toArray(recent)), fps, epsilon(agent, step)));
            }
            started = System.nanoTime();
        }

        /** Evaluates the greedy policy now, logs it, and keeps the policy if it is the best so far. */
        private void periodicEval(boolean last, double fps) {
            double[] r = evaluate(agent, evalEnv, last ? c.finalEpisodes() : c.evalEpisodes(),
                    evalSeed(c.seed(), step), c.evalMaxSteps());
            EvalPoint p = new EvalPoint(step, mean(r), std(r), r.length);
            evals.add(p);
            if (evalCsv != null) {
                evalCsv.row(step, p.mean(), p.std(), p.episodes());
            }
            if (c.keepBest() && !last && (best == null || p.mean() > best.mean())) {
                best = new LoopState.Best(step, p.mean(), agent.policyParameters());
            }
            if (bar == null && dir != null) {
                System.err.printf(Locale.ROOT, "step %d  eval %.1f ± %.1f  train return(%d) %.1f  %.0f frames/s%n",
                        step, p.mean(), p.std(), recent.size(), mean(toArray(recent)), fps);
            }
        }

        private LoopState state() {
            return new LoopState(step, episodes, c.seed(), epsilon(agent, step), toArray(recent), best);
        }

        private Result finish() throws IOException {
            long finalSeed = evalSeed(c.seed(), step);
            if (evals.isEmpty() || evals.get(evals.size() - 1).step() != step) {
                double[] r = evaluate(agent, evalEnv, c.finalEpisodes(), finalSeed, c.evalMaxSteps());
                evals.add(new EvalPoint(step, mean(r), std(r), r.length));
            }
            EvalPoint bestEval = c.keepBest() ? scoreBest(agent, evalEnv, best, evals.get(evals.size() - 1), finalSeed,
                    c.evalMaxSteps()) : null;
            double fps = trainNanos == 0 ? 0 : (step - resumedFrom) / (trainNanos * 1e-9);
            Result result = new Result(state(), resumedFrom, evals, finished, fps, bestEval);
            if (dir != null) {
                writeCurve(dir.file(CURVE), result);
            }
            return result;
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
            for (StepCsv log : new StepCsv[] {trainCsv, evalCsv, episodesCsv}) {
                if (log != null) {
                    log.close();
                }
            }
        }
    }

    /**
     * The kept policy {@code best} scored on the same episodes as the final evaluation {@code last} (so the two
     * compare pair for pair), leaving the agent with its final parameters; the final policy's own score when
     * nothing was kept or the final policy scored at least as well as the kept one did when it was chosen.
     */
    private static <O> EvalPoint scoreBest(Agent agent, Environment<O, Integer> env, LoopState.Best best,
                                           EvalPoint last, long seed, int maxSteps) {
        if (best == null || last.mean() >= best.mean()) {
            return last;
        }
        float[] current = agent.policyParameters();
        agent.setPolicyParameters(best.parameters());
        double[] r = evaluate(agent, env, last.episodes(), seed, maxSteps);
        agent.setPolicyParameters(current);
        return new EvalPoint(best.step(), mean(r), std(r), r.length);
    }

    /**
     * Greedy returns of {@code episodes} episodes of {@code agent} on {@code env}, episode i reset with a seed
     * derived from {@code seed} and i; an episode is cut after {@code maxSteps} steps unless that is 0.
     */
    public static <O> double[] evaluate(Agent agent, Environment<O, Integer> env, int episodes, long seed,
                                        int maxSteps) {
        ObservationEncoder<O> enc = ObservationEncoder.of(env.observationSpace());
        float[] obs = new float[enc.size()];
        double[] returns = new double[episodes];
        for (int i = 0; i < episodes; i++) {
            enc.encode(env.reset(episodeSeed(seed, i)).observation(), obs);
            double total = 0;
            for (int t = 1; ; t++) {
                Step<O> st = env.step(agent.greedy(obs));
                total += st.reward();
                if (st.done() || t == maxSteps) {
                    break;
                }
                enc.encode(st.observation(), obs);
            }
            returns[i] = total;
        }
        return returns;
    }

    /** The agent's ε at {@code step} for the logs; 0 for agents that do not explore ε-greedily. */
    private static double epsilon(Agent agent, long step) {
        return agent instanceof EpsilonGreedy g ? g.epsilon(step) : 0;
    }

    /** The seed of the evaluation at {@code step} of a run seeded {@code seed}. */
    private static long evalSeed(long seed, long step) {
        return new SplitMix64(seed ^ step).nextLong();
    }

    /** The reset seed of episode {@code k} of a run seeded {@code seed}. */
    public static long episodeSeed(long seed, long k) {
        return new SplitMix64(seed * 0x9E3779B97F4A7C15L + k).nextLong();
    }

    private static void writeCurve(Path png, Result r) throws IOException {
        LearningCurve.write(png, "learning curve", List.of(
                new LearningCurve.Series("training return (mean of last " + RECENT + " episodes)", r.episodeSteps(),
                        RunCurves.trailingMean(r.episodeReturns(), RECENT)),
                new LearningCurve.Series("greedy evaluation return",
                        r.evals().stream().mapToDouble(EvalPoint::step).toArray(),
                        r.evals().stream().mapToDouble(EvalPoint::mean).toArray())));
    }

    private static double[] toArray(Deque<Double> d) {
        return d.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return a.length == 0 ? Double.NaN : s / a.length;
    }

    static double std(double[] a) {
        double m = mean(a);
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return a.length == 0 ? Double.NaN : Math.sqrt(s / a.length);
    }
}
