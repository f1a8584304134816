package dev.primer.mcts.go;

import dev.primer.go.GameState;
import dev.primer.go.Move;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Stone;
import dev.primer.go.player.Decision;
import dev.primer.go.player.MoveGenerator;
import dev.primer.go.player.TimeBudget;
import dev.primer.go.score.DeadStones;
import dev.primer.mcts.Evaluator;
import dev.primer.mcts.Limits;
import dev.primer.mcts.Search;
import dev.primer.mcts.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * The Go player: MCTS over {@link GoState} with tree reuse between moves. It passes only when that cannot lose: the
 * opponent passed, the position is settled and the Tromp-Taylor score wins both as the stones stand and with dead
 * stones removed, or no non-eye move is left. In clean-up mode it never passes while a move is left, so dead stones get captured. It resigns when
 * the best win rate falls below the threshold once stones cover a third of the board.
 */
public final class MctsPlayer implements MoveGenerator, AutoCloseable {
    private static final int DEAD_STONE_PLAYOUTS = 400;
    private static final long DEAD_STONE_SEED = 0xDEAD;
    private static final int MIN_RESIGN_VISITS = 500;
    /** Ownership magnitudes strictly between these mark a point still in dispute. */
    private static final double CONTESTED_LOW = 0.3;
    private static final double CONTESTED_HIGH = 0.7;

    private final PlayerConfig config;
    private final Evaluator<GoState> evaluator;
    private Search<GoState> search;
    private int searchSize;
    private double searchKomi = Double.NaN;
    private final List<Move> rootHistory = new ArrayList<>();
    private long rootSetupHash;
    private SearchResult last;

    /** Creates a player with {@code config}; its tree priors are Go knowledge when the config asks for them. */
    public MctsPlayer(PlayerConfig config) {
        this(config, null);
    }

    /**
     * Creates a player with {@code config} whose leaves {@code evaluator} scores (priors and/or values, a network's say)
     * in place of the knowledge priors; null keeps the config's choice.
     */
    public MctsPlayer(PlayerConfig config, Evaluator<GoState> evaluator) {
        this.config = config;
        this.evaluator = evaluator;
    }

    /** Returns the configuration. */
    public PlayerConfig config() {
        return config;
    }

    /** Returns the result of the last search, or null before the first. */
    public SearchResult lastResult() {
        return last;
    }

    @Override
    public Decision genmove(GameState game, Color c, TimeBudget budget) {
        return choose(game, c, budget, false, r -> { });
    }

    @Override
    public Decision genmoveCleanup(GameState game, Color c, TimeBudget budget) {
        return choose(game, c, budget, true, r -> { });
    }

    /**
     * Chooses a move like genmove, reporting the root statistics to {@code progress} every {@code intervalSeconds}.
     */
    public Decision genmoveAnalyze(GameState game, Color c, TimeBudget budget, double intervalSeconds,
                              Consumer<SearchResult> progress) {
        return choose(game, c, budget, false, progress, intervalSeconds);
    }

    /** Searches the position with {@code c} to move for {@code seconds}, ignoring playout caps; returns the root statistics. */
    public SearchResult analyze(GameState game, Color c, double seconds) {
        Search<GoState> s = prepare(game, c);
        last = s.run(new Limits(Integer.MAX_VALUE, seconds, false), legalAtRoot(game, c, s.root()));
        return last;
    }

    private Decision choose(GameState game, Color c, TimeBudget budget, boolean cleanup,
                            Consumer<SearchResult> progress) {
        return choose(game, c, budget, cleanup, progress, Double.POSITIVE_INFINITY);
    }

    private Decision choose(GameState game, Color c, TimeBudget budget, boolean cleanup,
                            Consumer<SearchResult> progress, double interval) {
        Search<GoState> s = prepare(game, c);
        if (!cleanup && game.consecutivePasses() > 0 && passWins(game, c)) {
            return Decision.play(Coords.PASS);
        }
        IntPredicate allowed = legalAtRoot(game, c, s.root());
        double seconds = Math.min(config.seconds(), budget.seconds());
        long start = System.nanoTime();
        int left = config.playouts();
        SearchResult r;
        while (true) {
            double remaining = Math.max(0, seconds - (System.nanoTime() - start) / 1e9);
            double chunk = Math.min(interval, remaining);
            boolean lastChunk = chunk >= remaining;
            r = s.run(new Limits(left, chunk, lastChunk), allowed);
            left -= r.simulations();
            progress.accept(r);
            if (lastChunk || left <= 0 || r.children().isEmpty()) {
                break;
            }
        }
        last = r;
        if (r.bestAction() < 0) {
            return Decision.play(Coords.PASS);
        }
        if (config.resignThreshold() > 0 && r.winrate() < config.resignThreshold()
                && r.rootVisits() >= Math.min(MIN_RESIGN_VISITS, config.playouts())
                && game.coords().area() - game.board().emptyCount() >= game.coords().area() / 3) {
            return Decision.RESIGN;
        }
        return Decision.play(s.root().point(r.bestAction()));
    }

    /**
     * Returns true when passing now, after the opponent's pass, ends a settled game with {@code c} ahead: ahead by
     * Tromp-Taylor as the stones stand and with the stones Monte Carlo ownership calls dead removed, and no point's
     * ownership in the contested band.
     */
    static boolean passWins(GameState game, Color c) {
        double sign = c == Color.BLACK ? 1 : -1;
        if (sign * (game.board().areaScore() - game.komi()) <= 0) {
            return false;
        }
        double[] own = DeadStones.ownership(game, DEAD_STONE_PLAYOUTS, DEAD_STONE_SEED);
        MutableIntList dead = new IntArrayList();
        for (int p : game.coords().points()) {
            double o = Math.abs(own[p]);
            if (o > CONTESTED_LOW && o < CONTESTED_HIGH) {
                return false;
            }
            Stone s = game.board().stoneAt(p);
            if (s == Stone.BLACK && own[p] < 0 || s == Stone.WHITE && own[p] > 0) {
                dead.add(p);
            }
        }
        return sign * DeadStones.scoreWithout(game, dead.toArray()).margin() > 0;
    }

    /** Returns the root filter: legal under the game's rules (superko included), pass only when no non-eye move is. */
    private static IntPredicate legalAtRoot(GameState game, Color c, GoState root) {
        boolean[] ok = new boolean[root.actionSpace()];
        boolean any = false;
        for (int p : game.coords().points()) {
            if (game.board().isEmpty(p) && !game.board().isEye(p, c) && game.legality(c, p).isLegal()) {
                ok[root.action(p)] = true;
                any = true;
            }
        }
        ok[root.action(Coords.PASS)] = !any;
        return a -> ok[a];
    }

    /** Returns the search with its root at {@code game}, {@code c} to move, keeping the subtree of the moves since the last search. */
    private Search<GoState> prepare(GameState game, Color c) {
        int size = game.coords().size();
        if (search == null || searchSize != size) {
            if (search != null) {
                search.close();
            }
            var coords = game.coords();
            search = new Search<>(config.search(), config.rollout().factory(coords, config.weights()),
                    evaluator(coords));
            searchSize = size;
            rootHistory.clear();
            searchKomi = Double.NaN;
        }
        if (!reuse(game, c)) {
            search.setRoot(GoState.of(game, c));
        }
        rootHistory.clear();
        rootHistory.addAll(game.moves());
        rootSetupHash = game.setupBoard().hash();
        searchKomi = game.komi();
        return search;
    }

    private boolean reuse(GameState game, Color c) {
        List<Move> moves = game.moves();
        if (game.komi() != searchKomi || game.setupBoard().hash() != rootSetupHash || moves.size() < rootHistory.size()
                || !moves.subList(0, rootHistory.size()).equals(rootHistory)) {
            return false;
        }
        for (Move m : moves.subList(rootHistory.size(), moves.size())) {
            GoState root = search.root();
            if (m.color() != root.color() || !root.coords().onBoard(m.point()) && m.point() != Coords.PASS) {
                return false;
            }
            search.advance(root.action(m.point()));
        }
        GoState root = search.root();
        return root.color() == c && root.board().hash() == game.board().hash()
                && root.board().koPoint() == game.board().koPoint() && root.passes() == game.consecutivePasses();
    }

    /**
     * Runs a throw-away search of the empty 9x9 board for {@code seconds} so the JIT has compiled the search before
     * the first timed move; the player's own search and random state are untouched.
     */
    public void warmUp(double seconds) {
        Coords coords = Coords.of(9);
        try (Search<GoState> s = new Search<>(config.search(), config.rollout().factory(coords, config.weights()),
                evaluator(coords))) {
            s.setRoot(new GoState(9, 7));
            s.run(new Limits(Integer.MAX_VALUE, seconds, false));
        }
    }

    /** Returns the leaf evaluator for boards of {@code coords}: the given one, Go knowledge, or none. */
    private Evaluator<GoState> evaluator(Coords coords) {
        if (evaluator != null) {
            return evaluator;
        }
        return config.knowledge() ? new GoKnowledge(coords, config.weights()) : null;
    }

    /** Stops the search threads. */
    @Override
    public void close() {
        if (search != null) {
            search.close();
        }
    }
}
