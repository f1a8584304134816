package dev.primer.experiments.go;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.experiments.core.ThisJvm;
import dev.primer.experiments.core.Verdict;
import dev.primer.experiments.match.GameResult;
import dev.primer.experiments.match.Match;
import dev.primer.experiments.match.MatchConfig;
import dev.primer.experiments.match.MatchReport;
import dev.primer.mcts.Wilson;
import dev.primer.rl.alphago.RlTraining;
import dev.primer.rl.alphago.RolloutWeightsFile;
import dev.primer.rl.alphago.ShippedCorpus;
import dev.primer.rl.alphago.SlPolicy;
import dev.primer.rl.alphago.ValueNet;
import dev.primer.rl.alphago.ValueTraining;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AlphaGo's player on 9x9 with the shipped networks (Silver et al. 2016): the value network against Monte Carlo
 * rollouts on held-out self-play positions by move number (their Fig. 2b), and {@code primer gtp} — PUCT over the SL
 * policy's priors, leaves valued by the value network and one trained rollout, lambda 0.5 — in a match against GNU Go.
 */
public final class AlphaGo9x9 extends NamedExperiment<AlphaGo9x9.Metrics> {
    /** GNU Go 3.8 from Debian's {@code gnugo}: the opponent and the referee. */
    static final String GNUGO = "/usr/games/gnugo";
    /** Added to the run's seed for the positions, so that they are not the shipped value network's training games. */
    static final long HELD_OUT_SEED = 1_000_000;
    /** Issue #18's floor for the full player against GNU Go level 10 (AlphaGo won 99.8% against other programs). */
    static final double BAR = 0.90;
    private static final int ROLLOUTS = 100;
    private static final int BUCKET = 10;
    private static final int RANDOM_OPENING = 4;

    /**
     * What a budget measures.
     *
     * @param valueGames     self-play games for the held-out positions (one position each, as in training)
     * @param games          games against GNU Go, colours alternating
     * @param level          GNU Go's level
     * @param secondsPerMove our player's time per move
     * @param threads        our player's search threads
     */
    record Plan(int valueGames, int games, int level, double secondsPerMove, int threads) {
    }

    /**
     * The results.
     *
     * @param valuePositions       held-out positions scored
     * @param valueNetMse          the value network's MSE against the outcome
     * @param lightRolloutMse      MSE of 100 light rollouts
     * @param trainedRolloutMse    MSE of 100 rollouts of the trained rollout policy
     * @param valueNetMillis       wall milliseconds per value-network estimate (batched)
     * @param lightRolloutMillis   CPU milliseconds per light estimate
     * @param trainedRolloutMillis CPU milliseconds per trained-rollout estimate
     * @param gnugoLevel           GNU Go's level in the match
     * @param secondsPerMove       our player's time per move
     * @param threads              our player's search threads
     * @param games                games played
     * @param winRate              our player's share of points
     * @param wilsonLow            its Wilson 95% lower bound
     * @param wilsonHigh           its Wilson 95% upper bound
     * @param failures             games lost to an engine failure
     */
    public record Metrics(int valuePositions, double valueNetMse, double lightRolloutMse, double trainedRolloutMse,
                          double valueNetMillis, double lightRolloutMillis, double trainedRolloutMillis,
                          int gnugoLevel, double secondsPerMove, int threads, int games, double winRate,
                          double wilsonLow, double wilsonHigh, long failures) {
    }

    /** The experiment alphago-9x9. */
    public AlphaGo9x9() {
        super("alphago-9x9", "AlphaGo's player with the shipped 9x9 networks: value network against rollouts by move "
                + "number, and a match against GNU Go");
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        if (!Files.isExecutable(Path.of(GNUGO))) {
            throw new IllegalStateException("alphago-9x9 plays GNU Go: install Debian's gnugo (" + GNUGO
                    + "; ./primer tour installs it)");
        }
        Plan plan = ctx.pick(new Plan(500, 2, 1, 0.5, 2), new Plan(5_000, 100, 10, 1, 2));
        ValueTraining.Config c = ValueTraining.Config.full().withGames(plan.valueGames())
                .withSeed(HELD_OUT_SEED + ctx.seed());
        ValueTraining.Positions positions = ValueTraining.generate(c, SlPolicy.shipped(),
                SlPolicy.load(RlTraining.SHIPPED_NAME), ShippedCorpus.SIZE, ctx.dir(), 1);
        ValueTraining.Comparison cmp = ValueTraining.compare(ValueNet.load(ValueNet.SHIPPED_NAME), positions, ROLLOUTS,
                RolloutWeightsFile.load(RolloutWeightsFile.SHIPPED_NAME), BUCKET, ctx.seed());
        String plot = msePlot(ctx.dir(), cmp);

        String us = ThisJvm.shell(ThisJvm.primer(List.of("gtp", "--time", Double.toString(plan.secondsPerMove()),
                "--threads", Integer.toString(plan.threads()), "--seed", Long.toString(ctx.seed()))));
        String gnugo = GNUGO + " --mode gtp --chinese-rules --level " + plan.level();
        MatchConfig mc = new MatchConfig(us, gnugo, plan.games(), ShippedCorpus.SIZE, 7, true,
                Optional.of(ctx.dir().resolve("games")), Optional.of(GNUGO + " --mode gtp --chinese-rules"), 120,
                3 * ShippedCorpus.SIZE * ShippedCorpus.SIZE, RANDOM_OPENING, ctx.seed());
        MatchReport report = new Match(mc, g -> System.err.printf(Locale.ROOT, "game %d: %s%n", g.index(), g.result()))
                .run();
        Files.writeString(ctx.dir().resolve("match.txt"), report.table(), StandardCharsets.UTF_8);
        Files.writeString(ctx.dir().resolve("match.json"), report.toJson(), StandardCharsets.UTF_8);
        int n = report.games().size();
        double points = report.engineAWins();
        Wilson w = Wilson.of95(points, n);
        long failures = report.games().stream()
                .filter(g -> g.end() == GameResult.End.FAILURE).count();
        ValueTraining.Bucket all = cmp.all();
        Metrics m = new Metrics(all.positions(), all.valueNet(), all.light(), all.trained(), cmp.netMillis(),
                cmp.lightMillis(), cmp.trainedMillis(), plan.level(), plan.secondsPerMove(), plan.threads(), n,
                points / n, w.low(), w.high(), failures);
        return new Outcome<>(m, List.of(plot), String.format(Locale.ROOT,
                "On %d held-out positions the value network's MSE is %.3f (%.2f ms), 100 trained rollouts %.3f "
                        + "(%.1f ms), 100 light rollouts %.3f (%.1f ms); at %.1f s a move on %d threads the player "
                        + "scores %.1f%% of %d games against GNU Go level %d (Wilson 95%% [%.1f%%, %.1f%%]).",
                m.valuePositions(), m.valueNetMse(), m.valueNetMillis(), m.trainedRolloutMse(),
                m.trainedRolloutMillis(), m.lightRolloutMse(), m.lightRolloutMillis(), plan.secondsPerMove(),
                plan.threads(), 100 * m.winRate(), n, plan.level(), 100 * w.low(), 100 * w.high()));
    }

    /** AlphaGo's Fig. 2b: MSE against the outcome by move number for the three estimates. */
    private static String msePlot(Path dir, ValueTraining.Comparison cmp) throws IOException {
        List<ValueTraining.Bucket> b = cmp.buckets();
        double[] x = b.stream().mapToDouble(k -> k.fromMove() + BUCKET / 2.0).toArray();
        return Plots.lines(dir, "value-mse.png", "Held-out MSE against the outcome (9x9, AlphaGo Fig. 2b)",
                "move number", "mean squared error", List.of(
                        new Plots.Series("value network", x, b.stream().mapToDouble(ValueTraining.Bucket::valueNet)
                                .toArray()),
                        new Plots.Series("100 trained rollouts", x, b.stream()
                                .mapToDouble(ValueTraining.Bucket::trained).toArray()),
                        new Plots.Series("100 light rollouts", x, b.stream().mapToDouble(ValueTraining.Bucket::light)
                                .toArray())));
    }

    /**
     * Reproduced when the player scores at least 90% against GNU Go level 10 and the value network beats light
     * rollouts on the held-out positions; partly when it wins most games against GNU Go at the budget's level.
     */
    @Override
    public Verdict judge(Metrics m) {
        boolean valueWorks = m.valueNetMse() < m.lightRolloutMse();
        return Verdict.of(m.gnugoLevel() >= 10 && m.winRate() >= BAR && valueWorks, m.winRate() > 0.5 && valueWorks);
    }

    @Override
    public Claim claim() {
        return Claim.of(Chapter.RL_AND_GO, "A search that mixes a value network with rollouts, guided by a policy "
                        + "network, plays strong Go.", "Silver et al. 2016, Fig. 2b and Fig. 4",
                "the value network approached Monte Carlo rollouts with the RL policy at 15,000 times less "
                        + "computation; the full player won 99.8% of its games against other Go programs",
                "win_rate", "wilson_low", "value_net_mse", "trained_rollout_mse");
    }
}
