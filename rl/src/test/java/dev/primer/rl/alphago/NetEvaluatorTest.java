package dev.primer.rl.alphago;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.features.InputPlanes;
import dev.primer.go.features.Plane;
import dev.primer.mcts.Evaluator;
import dev.primer.mcts.go.GoState;
import dev.primer.nn.Net;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NetEvaluatorTest {
    private static final Net POLICY = SlPolicy.network(new SlPolicy.Config(8, 1, 8, 1e-3, 0, 1, 1, 1, 0, 5), 9);
    private static final Net VALUE = ValueNet.network(new ValueNet.Shape(8, 1, 8, 1e-3, 0, 6), 9);

    /** Returns random games cut at random lengths (passes included), each with its search position. */
    private static List<GameState> games(int count) {
        SplittableRandom rng = new SplittableRandom(11);
        List<GameState> out = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            GameState game = new GameState(9, Rules.CHINESE, 7);
            int moves = rng.nextInt(40);
            for (int t = 0; t < moves && !game.isOver(); t++) {
                int[] points = game.coords().points();
                int p = rng.nextInt(8) == 0 ? Coords.PASS : points[rng.nextInt(points.length)];
                if (game.legality(game.toMove(), p).isLegal()) {
                    game.play(game.toMove(), p);
                }
            }
            out.add(game);
        }
        return out;
    }

    @Test
    void batchedOutputsEqualOneGameAtATimeOnTheGameStatesPlanes() {
        List<GameState> games = games(6);
        List<GoState> states = games.stream().map(g -> GoState.of(g, g.toMove())).toList();
        NetEvaluator both = new NetEvaluator(Coords.of(9), POLICY, VALUE);
        assertEquals(Evaluator.Output.PRIORS_AND_VALUE, both.output());
        float[][] priors = new float[states.size()][82];
        float[] values = new float[states.size()];
        both.evaluate(states, priors, values);
        for (int i = 0; i < games.size(); i++) {
            // the search position's planes (board and last 8 moves) are the game's: the nets see the same input
            var x = Nd4j.create(InputPlanes.encode(games.get(i)), new long[] {1, Plane.COUNT, 9, 9}, 'c');
            assertArrayEquals(POLICY.output(x)[0].reshape(82).toFloatVector(), priors[i], 1e-5f, "game " + i);
            assertEquals(VALUE.output(x)[0].getFloat(0), values[i], 1e-5f, "game " + i);
            assertTrue(Math.abs(values[i]) <= 1);
        }
    }

    @Test
    void outputKindsFollowTheNetworksGivenAndOtherSizesAreRefused() {
        assertEquals(Evaluator.Output.PRIORS, new NetEvaluator(Coords.of(9), POLICY, null).output());
        assertEquals(Evaluator.Output.VALUE, new NetEvaluator(Coords.of(9), null, VALUE).output());
        assertThrows(IllegalArgumentException.class, () -> new NetEvaluator(Coords.of(9), null, null));
        NetEvaluator e = new NetEvaluator(Coords.of(9), POLICY, VALUE);
        var e13 = assertThrows(IllegalArgumentException.class, () -> e.evaluate(List.of(GoState.of(
                new GameState(13, Rules.CHINESE, 7), Color.BLACK)), new float[1][170], new float[1]));
        assertTrue(e13.getMessage().contains("9x9"), e13.getMessage());
    }
}
