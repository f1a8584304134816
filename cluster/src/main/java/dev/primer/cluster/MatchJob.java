package dev.primer.cluster;

import dev.primer.experiments.match.GameResult;
import dev.primer.experiments.match.Match;
import dev.primer.experiments.match.MatchConfig;
import dev.primer.experiments.match.MatchReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@link Match} as a Spark job: games 1..N in tasks of G consecutive games, each task with engines (and referee) of
 * its own; game {@code i} keeps its colours and its SGF name ({@code game-NNN.sgf}, saved whole or not at all), so
 * a retried task replaces its own games. The driver puts the games back in order: the same {@link MatchReport}, table
 * and JSON, as {@code primer match}.
 */
public final class MatchJob {
    private MatchJob() {
    }

    /** Plays {@code config} on {@code sc} in tasks of {@code gamesPerTask} games, reporting tasks to {@code log}. */
    public static MatchReport run(JavaSparkContext sc, MatchConfig config, int gamesPerTask, PrintWriter log) {
        Split split = new Split(config.games(), gamesPerTask);
        SparkJobs.report(sc, "games", split.sizes(), log);
        Portable portable = Portable.of(config);
        List<List<Portable>> tasks = sc.parallelize(split.indices(), split.tasks())
                .map(t -> playTask(portable.to(MatchConfig.class), split, t))
                .collect();
        List<GameResult> games = new ArrayList<>();
        tasks.forEach(task -> task.forEach(g -> games.add(g.to(GameResult.class))));
        return new MatchReport(config, List.copyOf(games));
    }

    private static List<Portable> playTask(MatchConfig config, Split split, int t) {
        List<Portable> out = new ArrayList<>();
        new Match(config, g -> { }).play(split.first(t), split.last(t)).forEach(g -> out.add(Portable.of(g)));
        return out;
    }
}
