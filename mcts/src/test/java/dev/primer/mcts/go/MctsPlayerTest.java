package dev.primer.mcts.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Stone;
import dev.primer.go.player.Decision;
import dev.primer.go.player.MoveGenerator;
import dev.primer.go.player.MoveGeneratorContractTest;
import dev.primer.go.player.TimeBudget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MctsPlayerTest extends MoveGeneratorContractTest {
    @Override
    protected MoveGenerator create() {
        return player(300);
    }

    /** Black's corner group lives with B9 (eyes at A9 and C9) and dies if White takes B9; the rest is settled. */
    private static final String CORNER = """
            . . . X O . X . .
            X X X X O . X . .
            O O O O O . X . .
            . . . . O . X . .
            . . . . O . X . .
            . . . . O . X . .
            . . . . O . X . .
            . . . . O . X . .
            . . . . O . X . .
            """;

    private static GameState game(String picture, double komi, Color toMove) {
        Board b = Board.parse(9, picture);
        GameState g = new GameState(9, Rules.CHINESE, komi);
        List<Integer> black = new ArrayList<>();
        List<Integer> white = new ArrayList<>();
        for (int p : b.coords().points()) {
            if (b.stoneAt(p) == Stone.BLACK) {
                black.add(p);
            } else if (b.stoneAt(p) == Stone.WHITE) {
                white.add(p);
            }
        }
        g.setup(Stone.BLACK, black.stream().mapToInt(Integer::intValue).toArray());
        g.setup(Stone.WHITE, white.stream().mapToInt(Integer::intValue).toArray());
        g.setToMove(toMove);
        return g;
    }

    /** Returns the komi halfway between the corner alive and the corner dead, so that its fate decides the game. */
    private static double balancingKomi() {
        Board alive = Board.parse(9, CORNER);
        alive.setup(Stone.BLACK, alive.coords().parseVertex("B9"));
        Board dead = Board.parse(9, CORNER);
        for (String v : new String[] {"D9", "A8", "B8", "C8", "D8"}) {
            dead.setup(Stone.EMPTY, dead.coords().parseVertex(v));
        }
        return (alive.areaScore() + dead.areaScore()) / 2.0;
    }

    /** Returns the point a decision plays; fails on a resignation. */
    private static int point(Decision d) {
        return assertInstanceOf(Decision.Play.class, d).point();
    }

    private static MctsPlayer player(int playouts) {
        return new MctsPlayer(PlayerConfig.defaults(playouts));
    }

    @Test
    void blackFindsTheOnlyMoveThatSavesTheCorner() {
        GameState g = game(CORNER, balancingKomi(), Color.BLACK);
        try (MctsPlayer p = player(4_000)) {
            assertEquals("B9", g.coords().vertex(point(p.genmove(g, Color.BLACK, TimeBudget.UNLIMITED))));
            assertTrue(p.lastResult().winrate() > 0.5, "alive, black wins: " + p.lastResult().winrate());
        }
    }

    @Test
    void whiteFindsTheOnlyMoveThatKillsTheCorner() {
        GameState g = game(CORNER, balancingKomi(), Color.WHITE);
        try (MctsPlayer p = player(4_000)) {
            assertEquals("B9", g.coords().vertex(point(p.genmove(g, Color.WHITE, TimeBudget.UNLIMITED))));
        }
    }

    /** A settled game: Black owns columns A-E, White F-J, Black wins by 45 - 36 - 7 = 2. */
    private static final String BLACK_AHEAD = """
            X . X . X O . O .
            X . X . X O . O .
            X . X . X O . O .
            X . X . X O . O .
            X . X . X O . O .
            X . X . X O . O .
            X . X . X O . O .
            X . X . X O . O .
            X . X . X O . O .
            """;

    private static GameState afterWhitePass(String picture) {
        GameState g = game(picture, 7, Color.WHITE);
        g.play(Color.WHITE, Coords.PASS);
        return g;
    }

    @Test
    void passesAfterTheOpponentPassedWhenPassingWins() {
        GameState g = afterWhitePass(BLACK_AHEAD);
        try (MctsPlayer p = player(500)) {
            assertEquals(Decision.play(Coords.PASS), p.genmove(g, Color.BLACK, TimeBudget.UNLIMITED));
        }
    }

    @Test
    void doesNotPassWhenPassingLoses() {
        GameState g = afterWhitePass(BLACK_AHEAD.replace('X', 'x').replace('O', 'X').replace('x', 'O'));
        try (MctsPlayer p = player(500)) {
            assertNotEquals(Decision.play(Coords.PASS), p.genmove(g, Color.BLACK, TimeBudget.UNLIMITED),
                    "any move or resignation, but no pass");
        }
    }

    @Test
    void cleanupNeverPassesWhileAMoveIsLeft() {
        GameState g = afterWhitePass(BLACK_AHEAD);
        try (MctsPlayer p = player(500)) {
            int move = point(p.genmoveCleanup(g, Color.BLACK, TimeBudget.UNLIMITED));
            assertNotEquals(Coords.PASS, move);
            assertTrue(g.legality(Color.BLACK, move).isLegal());
        }
    }

    @Test
    void resignsAHopelessGame() {
        GameState g = game("""
                . O . O . O . O X
                . O . O . O . O X
                . O . O . O . O X
                . O . O . O . O X
                . O . O . O . O X
                . O . O . O . O X
                . O . O . O . O X
                . O . O . O . O X
                . O . O . O . O X
                """, 7, Color.BLACK);
        try (MctsPlayer p = player(1_000)) {
            assertEquals(Decision.RESIGN, p.genmove(g, Color.BLACK, TimeBudget.UNLIMITED));
        }
    }

    private static List<String> selfPlay(long seed, int moves) {
        GameState g = new GameState(9, Rules.CHINESE, 7);
        List<String> out = new ArrayList<>();
        try (MctsPlayer p = new MctsPlayer(PlayerConfig.defaults(1_500).withSeed(seed))) {
            for (int i = 0; i < moves; i++) {
                Color c = g.toMove();
                int m = point(p.genmove(g, c, TimeBudget.UNLIMITED));
                g.play(c, m);
                out.add(g.coords().vertex(m) + ":" + p.lastResult().rootVisits());
            }
        }
        return out;
    }

    @Test
    void oneThreadAndOneSeedPlayTheSameGame() {
        assertEquals(selfPlay(5, 6), selfPlay(5, 6));
    }

    private static List<String> visits(MctsPlayer p) {
        return p.lastResult().children().stream().map(c -> c.action() + ":" + c.visits()).toList();
    }

    @Test
    void warmingUpLeavesThePlayersChoicesAlone() {
        GameState g = new GameState(9, Rules.CHINESE, 7);
        try (MctsPlayer cold = player(1_500); MctsPlayer warm = player(1_500)) {
            warm.warmUp(0.2);
            assertEquals(cold.genmove(g, Color.BLACK, TimeBudget.UNLIMITED), warm.genmove(g, Color.BLACK, TimeBudget.UNLIMITED));
            assertEquals(visits(cold), visits(warm));
        }
    }

    @Test
    void theTreeIsReusedAfterEachMove() {
        GameState g = new GameState(9, Rules.CHINESE, 7);
        try (MctsPlayer p = player(2_000)) {
            for (int i = 0; i < 3; i++) {
                Color c = g.toMove();
                g.play(c, point(p.genmove(g, c, TimeBudget.UNLIMITED)));
                if (i > 0) {
                    assertTrue(p.lastResult().rootVisits() > p.lastResult().simulations(),
                            "reused visits: " + p.lastResult());
                }
            }
        }
    }

    @Test
    void aTimeBudgetBoundsTheSearch() {
        GameState g = new GameState(9, Rules.CHINESE, 7);
        try (MctsPlayer p = player(10_000_000)) {
            long start = System.nanoTime();
            p.genmove(g, Color.BLACK, new TimeBudget(0.3));
            assertTrue((System.nanoTime() - start) / 1e9 < 1.5);
        }
    }
}
