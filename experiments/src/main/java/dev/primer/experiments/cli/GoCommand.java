package dev.primer.experiments.cli;

import dev.primer.experiments.match.Corpus;
import dev.primer.experiments.match.CorpusConfig;
import dev.primer.go.corpus.GameCorpus;
import dev.primer.go.corpus.GameRecord;
import dev.primer.go.corpus.PositionSet;
import dev.primer.mcts.go.RolloutWeights;
import dev.primer.nn.Net;
import dev.primer.rl.alphago.PolicyAccuracy;
import dev.primer.rl.alphago.RlTraining;
import dev.primer.rl.alphago.RolloutTraining;
import dev.primer.rl.alphago.RolloutWeightsFile;
import dev.primer.rl.alphago.SlPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code primer go}: tools for Go data (a self-play game corpus). */
@Command(name = "go", mixinStandardHelpOptions = true,
        description = "Go data: self-play game corpora, packed to ship and unpacked to resume; policy accuracy on "
                + "games.",
        subcommands = {GoCommand.CorpusCommand.class, GoCommand.PackCommand.class, GoCommand.UnpackCommand.class,
                GoCommand.PolicyAccuracyCommand.class})
final class GoCommand extends CommandGroup {

    /** {@code primer go corpus}: a GTP engine plays itself after random opening moves; one SGF per game. */
    @Command(name = "corpus", mixinStandardHelpOptions = true,
            description = "A GTP engine plays itself after K random legal opening moves, until two passes or a "
                    + "resignation; games are scored by area after the engine's dead stones and saved as "
                    + "DIR/game-NNNNNN.sgf. Resumable: a rerun into the same DIR adds games and replays none "
                    + "(DIR/corpus.tsv records every game). Games with a kept game's moves are dropped.")
    static final class CorpusCommand extends CliCommand {
        @Mixin
        CorpusOptions corpus;

        @Option(names = "--threads", defaultValue = "1", description = "engine processes (default: ${DEFAULT-VALUE})")
        int threads;

        @Override
        public Integer call() throws Exception {
            CorpusConfig config;
            try {
                config = corpus.config().withThreads(threads);
            } catch (IllegalArgumentException e) {
                throw badInput(e.getMessage());
            }
            PrintWriter w = spec.commandLine().getOut();
            AtomicLong last = new AtomicLong(System.nanoTime());
            Corpus corpus = new Corpus(config, e -> {
                long now = System.nanoTime();
                w.printf(Locale.ROOT, "game %d: %s %s%s (%.1f s)%n", e.game(),
                        e.status().name().toLowerCase(Locale.ROOT), e.result(),
                        e.detail().isEmpty() ? "" : ", " + e.detail(), (now - last.getAndSet(now)) / 1e9);
                w.flush();
            });
            Corpus.Summary s;
            try {
                s = corpus.run();
            } catch (IllegalArgumentException e) {
                throw badInput(e.getMessage());
            }
            w.printf(Locale.ROOT, "corpus %s: %d games kept, %d duplicates dropped, %d failed%n", config.out(), s.kept(),
                    s.duplicates(), s.failed());
            return 0;
        }
    }

    /** {@code primer go pack}: a corpus directory's kept games as one compressed collection, to ship. */
    @Command(name = "pack", mixinStandardHelpOptions = true,
            description = "Write the kept games of corpus DIR, in game order, to FILE.sgf.gz (one game a line) and its "
                    + "ledger to FILE.tsv.gz.")
    static final class PackCommand extends CliCommand {
        @Option(names = "--from", required = true, description = "corpus directory (from 'primer go corpus')")
        Path from;

        @Option(names = "--to", required = true, description = "the collection, e.g. "
                + "rl/src/main/resources/dev/primer/rl/alphago/corpus/gnugo-l10-9x9.sgf.gz")
        Path to;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(from.resolve(Corpus.LEDGER))) {
                throw badInput("no corpus ledger in " + from);
            }
            int n = Corpus.pack(from, to);
            spec.commandLine().getOut().printf(Locale.ROOT, "%d games -> %s and %s%n", n, to, Corpus.ledgerOf(to));
            return 0;
        }
    }

    /** {@code primer go unpack}: a packed collection back into a corpus directory that generation resumes. */
    @Command(name = "unpack", mixinStandardHelpOptions = true,
            description = "Restore corpus DIR from FILE.sgf.gz and FILE.tsv.gz, so that 'primer go corpus --out DIR' "
                    + "adds games to it.")
    static final class UnpackCommand extends CliCommand {
        @Option(names = "--from", required = true, description = "the collection written by 'primer go pack'")
        Path from;

        @Option(names = "--to", required = true, description = "a new corpus directory")
        Path to;

        @Override
        public Integer call() throws Exception {
            int n;
            try {
                n = Corpus.unpack(from, to);
            } catch (IllegalArgumentException | NoSuchFileException e) {
                throw badInput(e.getMessage());
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "%d games -> %s%n", n, to);
            return 0;
        }
    }

    /** {@code primer go policy-accuracy}: how often a policy network picks the move played in a set of games. */
    @Command(name = "policy-accuracy", mixinStandardHelpOptions = true,
            description = "Score every move after the first K of every game in SGF (both colours; a pass counts where "
                    + "the player passed) by a policy network: positions, top-1, top-3 and the mean negative "
                    + "log-likelihood of the move played, over the legal moves.")
    static final class PolicyAccuracyCommand extends CliCommand {
        @Option(names = "--policy", required = true, description = "a policy network file (OUT/" + SlPolicy.MODEL
                + " from 'primer alphago train-sl'), rollout weights (OUT/rollout-weights.bin from 'primer alphago "
                + "train-rollout'), 'sl' or 'rl' for the shipped SL or RL policy network, or 'rollout' for the shipped "
                + "rollout weights")
        String policy;

        @Option(names = "--sgf", required = true, description = "a directory of SGFs or a .sgf(.gz) collection")
        Path sgf;

        @Option(names = "--size", defaultValue = "9", description = "board size (default: ${DEFAULT-VALUE})")
        int size;

        @Option(names = "--skip-opening", defaultValue = "0",
                description = "moves of each game not scored (default: ${DEFAULT-VALUE})")
        int skipOpening;

        @Option(names = "--symmetries", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "a network's distribution is the mean of the 8 symmetric views of each position; "
                        + "--no-symmetries scores one view (default: on)")
        boolean symmetries;

        @Option(names = "--json", description = "also write the figures to FILE")
        Path json;

        @Override
        public Integer call() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            List<GameRecord> games;
            try {
                games = GameCorpus.read(sgf, size, s -> w.println("skipped " + s));
            } catch (IOException e) {
                throw badInput(e.getMessage());
            }
            Figures f;
            try {
                f = policy.equals("rollout") ? rollout(games, RolloutWeightsFile.resource(RolloutWeightsFile.SHIPPED))
                        : policy.equals("sl") || policy.equals("rl") ? network(games)
                        : RolloutWeightsFile.looksLikeOne(Path.of(policy))
                        ? rollout(games, RolloutWeightsFile.read(Path.of(policy))) : network(games);
            } catch (NoSuchFileException e) {
                throw badInput("no policy file " + policy);
            } catch (IOException e) {
                throw badInput("cannot load the policy " + policy + ": " + e.getMessage());
            }
            w.printf(Locale.ROOT, "games %d, positions %d, top1 %.4f, top3 %.4f, nll %.4f%n", f.games(), f.positions(),
                    f.top1(), f.top3(), f.nll());
            if (json != null) {
                Json.write(json, f);
            }
            return 0;
        }

        private Figures network(List<GameRecord> games) throws IOException {
            Net net = SlPolicy.load(switch (policy) {
                case "sl" -> SlPolicy.SHIPPED_NAME;
                case "rl" -> RlTraining.SHIPPED_NAME;
                default -> policy;
            });
            PolicyAccuracy a = PolicyAccuracy.of(net, PositionSet.of(games, skipOpening), symmetries);
            return new Figures(games.size(), a.positions(), a.top1(), a.top3(), a.nll());
        }

        /** The rollout policy never passes or fills its own eye: such expert moves count as misses. */
        private Figures rollout(List<GameRecord> games, RolloutWeights weights) {
            RolloutTraining.Accuracy a = RolloutTraining.accuracy(RolloutTraining.examples(games, skipOpening),
                    weights);
            return new Figures(games.size(), a.positions(), a.top1(), a.top3(), a.nll());
        }

        /** The JSON figures: games, positions, top1, top3, nll (for rollout weights, over the moves they can play). */
        record Figures(int games, int positions, double top1, double top3, double nll) {
        }
    }
}
