package dev.primer.mcts.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.mcts.Rollout;
import dev.primer.mcts.Trace;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RolloutTest {
    @ParameterizedTest
    @EnumSource(RolloutKind.class)
    void everyRolloutPlaysLegallyToTheEndAndTracesItsMoves(RolloutKind kind) {
        Coords coords = Coords.of(9);
        Rollout<GoState> rollout = kind.factory(coords).create(7);
        Trace trace = new Trace(1000);
        for (int i = 0; i < 10; i++) {
            GoState s = new GoState(9, 7);
            trace.clear();
            float v = rollout.run(s, trace);
            assertTrue(s.isTerminal());
            assertTrue(v == 0 || v == 1 || v == 0.5f, "value " + v);
            assertEquals(GoState.value(s.board().areaScore() - 7), v);
            assertTrue(trace.size() >= 40, "a 9x9 playout has dozens of moves: " + trace.size());
            for (int j = 0; j < trace.size(); j++) {
                assertTrue(trace.action(j) < coords.area(), "passes stay out of the trace");
            }
            for (int p : coords.points()) {
                if (!s.board().isEmpty(p)) {
                    assertTrue(s.board().pseudoLiberties(p) > 0, "no chain left without liberties");
                }
            }
        }
    }

    @Test
    void heavyPlayoutsAnswerAnAtari() {
        Board b = Board.parse(6, """
                . . . . . .
                . . . O . .
                . O X . O .
                . X O X . .
                . . . . . .
                . . . . . .
                """);
        GoState s = new GoState(b, Color.WHITE, 0, 0);
        s.apply(s.action(b.coords().parseVertex("C5")));
        Set<Integer> answers = Set.of(b.coords().parseVertex("C2"), b.coords().parseVertex("D4"));
        for (long seed = 0; seed < 20; seed++) {
            GoState copy = s.copy();
            int p = new HeavyPolicy(b.coords(), seed).play(copy);
            assertTrue(answers.contains(p), "C5 put C4 in atari; answer: " + b.coords().vertex(p));
        }
    }

    @Test
    void knowledgeDampsEmptyEdgesInTheOpening() {
        Coords coords = Coords.of(9);
        GoKnowledge k = new GoKnowledge(coords, RolloutWeights.defaults());
        float[][] priors = {new float[coords.area() + 1]};
        GoState s = new GoState(9, 7);
        k.evaluate(java.util.List.of(s), priors, new float[1]);
        float centre = priors[0][s.action(coords.parseVertex("E5"))];
        float second = priors[0][s.action(coords.parseVertex("B5"))];
        float first = priors[0][s.action(coords.parseVertex("A1"))];
        assertTrue(first < second && second < centre, first + " " + second + " " + centre);
    }
}
