package dev.primer.experiments.go;

import dev.primer.experiments.core.Chapter;
import dev.primer.experiments.core.Claim;
import dev.primer.experiments.core.Context;
import dev.primer.experiments.core.NamedExperiment;
import dev.primer.experiments.core.Outcome;
import dev.primer.experiments.core.Plots;
import dev.primer.go.corpus.GameRecord;
import dev.primer.rl.alphago.ShippedCorpus;
import dev.primer.rl.alphago.SlPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AlphaGo's SL policy network on the shipped 9x9 GNU Go corpus (Silver et al. 2016: 57.0% top-1 on human 19x19 games;
 * GNU Go repeats 97.5% of its own moves, the ceiling here): top-1, top-3 and NLL on the held-out test games, and the
 * training and validation accuracy against steps.
 */
public final class AlphaGoSl extends NamedExperiment<AlphaGoSl.Metrics> {
    /** AlphaGo's SL policy top-1 on the KGS test set (Silver et al. 2016, "Supervised learning of policy networks"). */
    static final double ALPHAGO_SL_TOP1 = 0.570;

    /**
     * The results.
     *
     * @param games               games in the corpus
     * @param trainPositions      training positions (random openings left out)
     * @param testPositions       test positions
     * @param filters             tower width
     * @param blocks              residual blocks
     * @param steps               updates made
     * @param testTop1            top-1 on the test games
     * @param testTop3            top-3 on the test games
     * @param testNll             mean NLL of the expert's move on the test games, nats
     * @param testTop1Symmetries  top-1 with the 8 symmetries averaged
     * @param lastValidationTop1  top-1 on the validation sample at the last evaluation
     * @param lastTrainTop1       top-1 on the training sample at the last evaluation
     * @param alphagoSlTop1       AlphaGo's figure, for scale (19x19 human games)
     */
    public record Metrics(int games, int trainPositions, int testPositions, int filters, int blocks, long steps,
                          double testTop1, double testTop3, double testNll, double testTop1Symmetries,
                          double lastValidationTop1, double lastTrainTop1, double alphagoSlTop1) {
    }

    /** The experiment alphago-sl. */
    public AlphaGoSl() {
        super("alphago-sl",
                "AlphaGo's SL policy network on the shipped 9x9 GNU Go corpus: held-out top-1/top-3 against steps");
    }

    @Override
    public Outcome<Metrics> run(Context ctx) throws Exception {
        SlPolicy.Config c = ctx.pick(SlPolicy.Config.quick(), SlPolicy.Config.full()).withSeed(ctx.seed());
        List<GameRecord> games = ShippedCorpus.games(s -> System.err.println("alphago-sl: skipped " + s));
        SlPolicy.Report r = SlPolicy.train(c, games, ctx.dir().resolve("train"), System.console() != null);
        List<Map<String, Double>> evals = r.evaluations();
        double[] steps = evals.stream().mapToDouble(e -> e.get("step")).toArray();
        List<Plots.Series> series = new ArrayList<>();
        series.add(new Plots.Series("train (sample)", steps,
                evals.stream().mapToDouble(e -> e.get("train_top1")).toArray()));
        series.add(new Plots.Series("validation", steps,
                evals.stream().mapToDouble(e -> e.get("validation_top1")).toArray()));
        String plot = Plots.lines(ctx.dir(), "sl-policy-accuracy.png", "SL policy on 9x9 GNU Go games", "step",
                "top-1 accuracy", series);
        Map<String, Double> last = evals.get(evals.size() - 1);
        Metrics m = new Metrics(games.size(), r.trainPositions(), r.testPositions(), c.filters(), c.blocks(),
                r.result().state().step(), r.test().top1(), r.test().top3(), r.test().nll(),
                r.testSymmetries().top1(), last.get("validation_top1"), last.get("train_top1"), ALPHAGO_SL_TOP1);
        return new Outcome<>(m, List.of(plot), String.format(Locale.ROOT,
                "A %dx%d residual policy tower trained for %d steps on %d GNU Go games predicts %.1f%% of held-out "
                        + "moves (top-3 %.1f%%, %.1f%% averaging the 8 symmetries; AlphaGo's SL policy: 57.0%% on "
                        + "human 19x19 games).", c.blocks(), c.filters(), r.result().state().step(), games.size(),
                100 * r.test().top1(), 100 * r.test().top3(), 100 * r.testSymmetries().top1()));
    }

    /** Not judged: AlphaGo's 57% is on human 19x19 games, not comparable with GNU Go's 9x9 moves. */
    @Override
    public Claim claim() {
        return Claim.of(Chapter.RL_AND_GO, "A supervised policy network predicts held-out expert moves.",
                "Silver et al. 2016, §2", "57.0% top-1 on human 19x19 games (a different corpus)", "test_top1",
                "test_top3", "test_top1_symmetries");
    }
}
