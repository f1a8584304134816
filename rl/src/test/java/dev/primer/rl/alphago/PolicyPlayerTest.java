package dev.primer.rl.alphago;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.board.Stone;
import dev.primer.go.player.Decision;
import dev.primer.go.player.MoveGenerator;
import dev.primer.go.player.MoveGeneratorContractTest;
import dev.primer.go.player.TimeBudget;
import dev.primer.nn.Net;
import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The raw policy player passes the move-generator contract with an untrained 5x5 tower (any scores, legal moves). */
class PolicyPlayerTest extends MoveGeneratorContractTest {
    @Override
    protected MoveGenerator create() {
        return new PolicyPlayer(SlPolicy.network(new SlPolicy.Config(8, 1, 8, 1e-3, 0, 1, 1, 1, 0, 5), 5), true);
    }

    @Test
    void passesRatherThanFillItsOwnEyeWhateverTheNetPrefers() {
        Net net = SlPolicy.network(new SlPolicy.Config(8, 1, 8, 1e-3, 0, 1, 1, 1, 0, 5), 5);
        net.params().assign(0);
        // every point scores the same and pass less: the net prefers any legal point to passing
        ((ComputationGraph) net.model()).getLayer("policy").getParam("b").putScalar(25, -10);
        GameState g = new GameState(5, Rules.CHINESE, 0.5);
        Coords coords = g.coords();
        int[] eyes = {coords.point(0, 0), coords.point(2, 2)};
        int[] black = Arrays.stream(coords.points()).filter(p -> p != eyes[0] && p != eyes[1]).toArray();
        g.setup(Stone.BLACK, black);
        g.setToMove(Color.BLACK);
        assertEquals(Legality.OK, g.legality(Color.BLACK, eyes[0]), "filling one of two eyes is legal");
        for (boolean views : new boolean[] {false, true}) {
            Decision d = new PolicyPlayer(net, views).genmove(g, Color.BLACK, TimeBudget.UNLIMITED);
            assertEquals(Decision.play(Coords.PASS), d, "the only legal points are Black's own eyes");
        }
        // two empty points side by side are no eyes: the first of them in board order is played
        g.setup(Stone.EMPTY, coords.point(3, 4), coords.point(4, 4));
        assertEquals(Decision.play(coords.point(3, 4)), new PolicyPlayer(net, false).genmove(g, Color.BLACK,
                TimeBudget.UNLIMITED), "a point that is no eye is played");
    }

    /** The same contract for the player of one view of each position. */
    @Nested
    class OneView extends MoveGeneratorContractTest {
        @Override
        protected MoveGenerator create() {
            return new PolicyPlayer(SlPolicy.network(new SlPolicy.Config(8, 1, 8, 1e-3, 0, 1, 1, 1, 0, 5), 5), false);
        }
    }
}
