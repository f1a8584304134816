package dev.primer.go.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlatMonteCarloPlayerTest extends MoveGeneratorContractTest {
    @Override
    protected MoveGenerator create() {
        return new FlatMonteCarloPlayer(new FlatMonteCarloPlayer.Config(200, 1));
    }

    private static GameState position() {
        GameState g = new GameState(7, Rules.CHINESE, 7.5);
        Coords c = g.coords();
        g.play(Color.BLACK, c.parseVertex("D4"));
        g.play(Color.WHITE, c.parseVertex("C5"));
        g.play(Color.BLACK, c.parseVertex("E5"));
        return g;
    }

    @Test
    void sameSeedAndPositionGiveTheSameMoveWhateverWasSearchedBefore() {
        FlatMonteCarloPlayer.Config config = new FlatMonteCarloPlayer.Config(200, 9);
        FlatMonteCarloPlayer player = new FlatMonteCarloPlayer(config);
        GameState g = position();
        Decision first = player.genmove(g, Color.WHITE, TimeBudget.UNLIMITED);
        // other searches in between used to advance a shared generator
        GameState other = new GameState(9, Rules.CHINESE, 7.5);
        for (int i = 0; i < 3; i++) {
            player.genmove(other, Color.BLACK, TimeBudget.UNLIMITED);
            player.genmoveCleanup(g, Color.BLACK, TimeBudget.UNLIMITED);
        }
        assertEquals(first, player.genmove(g, Color.WHITE, TimeBudget.UNLIMITED));
        assertEquals(first, player.genmove(position(), Color.WHITE, TimeBudget.UNLIMITED), "an equal position");
        assertEquals(first, new FlatMonteCarloPlayer(config).genmove(g, Color.WHITE, TimeBudget.UNLIMITED),
                "a fresh player with the same seed");
    }

    @Test
    void searchSeedsDependOnSeedAndPosition() {
        GameState g = position();
        Set<Long> seeds = new HashSet<>();
        seeds.add(FlatMonteCarloPlayer.searchSeed(1, g, Color.WHITE, false));
        seeds.add(FlatMonteCarloPlayer.searchSeed(2, g, Color.WHITE, false));
        seeds.add(FlatMonteCarloPlayer.searchSeed(1, g, Color.BLACK, false));
        seeds.add(FlatMonteCarloPlayer.searchSeed(1, g, Color.WHITE, true));
        seeds.add(FlatMonteCarloPlayer.searchSeed(1, new GameState(7, Rules.CHINESE, 7.5), Color.WHITE, false));
        GameState komi = position();
        komi.setKomi(0.5);
        seeds.add(FlatMonteCarloPlayer.searchSeed(1, komi, Color.WHITE, false));
        assertEquals(6, seeds.size());
        assertEquals(FlatMonteCarloPlayer.searchSeed(1, g, Color.WHITE, false),
                FlatMonteCarloPlayer.searchSeed(1, position(), Color.WHITE, false));
        assertNotEquals(0L, FlatMonteCarloPlayer.searchSeed(0, new GameState(7, Rules.CHINESE, 0), Color.BLACK, false));
    }
}
