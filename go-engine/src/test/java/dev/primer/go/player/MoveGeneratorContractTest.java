package dev.primer.go.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.board.Stone;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MoveGenerator} passes: each player's test extends this class and supplies {@link #create()}.
 * Positions are 5x5 so that a search of a few hundred playouts settles quickly.
 */
public abstract class MoveGeneratorContractTest {
    /** A fresh generator under test; closed after use when it is AutoCloseable. */
    protected abstract MoveGenerator create();

    /** Black has just taken a ko at C4: White may not retake at B4 at once. */
    private static final String KO = """
            . X O . .
            X O . O .
            . X O . .
            . . . . .
            . . . . .
            """;

    /** Positions with the colour to move: empty, a fresh ko, after a pass, and random middle games. */
    private static List<GameState> positions() {
        List<GameState> out = new ArrayList<>();
        out.add(new GameState(5, Rules.CHINESE, 0.5));
        GameState ko = fromPicture(KO, Color.BLACK);
        ko.play(Color.BLACK, ko.coords().parseVertex("C4"));
        assertEquals(Legality.KO, ko.legality(Color.WHITE, ko.coords().parseVertex("B4")), "the ko exists");
        out.add(ko);
        GameState passed = new GameState(5, Rules.CHINESE, 0.5);
        passed.play(Color.BLACK, passed.coords().parseVertex("C3"));
        passed.play(Color.WHITE, Coords.PASS);
        out.add(passed);
        SplitMix64 rng = new SplitMix64(3);
        for (int moves : new int[] {6, 12}) {
            GameState g = new GameState(5, Rules.CHINESE, 0.5);
            for (int i = 0; i < moves; i++) {
                Board b = g.board().copy();
                int p = b.playRandomMove(g.toMove().code(), rng);
                if (g.legality(g.toMove(), p) != Legality.OK) {
                    p = Coords.PASS;
                }
                g.play(g.toMove(), p);
            }
            out.add(g);
        }
        return out;
    }

    private static GameState fromPicture(String picture, Color toMove) {
        Board b = Board.parse(5, picture);
        GameState g = new GameState(5, Rules.CHINESE, 0.5);
        for (int p : b.coords().points()) {
            if (!b.isEmpty(p)) {
                g.setup(b.stoneAt(p), p);
            }
        }
        g.setToMove(toMove);
        return g;
    }

    /** What a generator must not change: stones, ko, hash, side to move, history and komi. */
    private static String describe(GameState g) {
        return g.board() + " ko " + g.board().koPoint() + " hash " + g.board().hash() + " " + g.toMove() + " "
                + g.moves() + " passes " + g.consecutivePasses() + " komi " + g.komi();
    }

    private static void assertLegal(GameState g, Color c, Decision d) {
        if (d instanceof Decision.Play play) {
            int p = play.point();
            assertTrue(p == Coords.PASS || g.coords().onBoard(p) && g.legality(c, p).isLegal(),
                    "illegal move " + p + " for " + c + " on\n" + g.board());
        }
    }

    private void withGenerator(Consumer<MoveGenerator> check) throws Exception {
        MoveGenerator generator = create();
        try {
            check.accept(generator);
        } finally {
            if (generator instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    @Test
    void decisionsAreLegalMovesPassesOrResignationsAndLeaveTheStateAlone() throws Exception {
        withGenerator(generator -> {
            for (GameState g : positions()) {
                for (Color c : Color.values()) {
                    String before = describe(g);
                    assertLegal(g, c, generator.genmove(g, c, TimeBudget.UNLIMITED));
                    assertLegal(g, c, generator.genmoveCleanup(g, c, TimeBudget.UNLIMITED));
                    assertEquals(before, describe(g), "the generator changed the state");
                }
            }
        });
    }

    @Test
    void aGameAgainstItselfStaysLegal() throws Exception {
        withGenerator(generator -> {
            GameState g = new GameState(5, Rules.CHINESE, 0.5);
            for (int i = 0; i < 20 && !g.isOver(); i++) {
                Color c = g.toMove();
                Decision d = generator.genmove(g.copy(), c, TimeBudget.UNLIMITED);
                assertLegal(g, c, d);
                if (!(d instanceof Decision.Play play)) {
                    return;
                }
                assertEquals(Legality.OK, g.play(c, play.point()));
            }
        });
    }

    @Test
    void acceptsTimeSettings() throws Exception {
        withGenerator(generator -> {
            generator.timeSettings(new TimeSettings(60, 10, 5));
            GameState g = new GameState(5, Rules.CHINESE, 0.5);
            assertLegal(g, Color.BLACK, generator.genmove(g, Color.BLACK, new TimeBudget(5)));
        });
    }
}
