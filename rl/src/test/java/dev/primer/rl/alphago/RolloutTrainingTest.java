package dev.primer.rl.alphago;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.GameState;
import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.corpus.GameRecord;
import dev.primer.mcts.go.LinearSoftmaxPolicy;
import dev.primer.mcts.go.RolloutWeights;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutTrainingTest {
    @Test
    void theExamplesScoreEveryCandidateAsThePolicyDoes() {
        GameRecord g = SyntheticGames.neighbourGames(1, 3).get(0);
        RolloutTraining.Examples ex = RolloutTraining.examples(List.of(g), 0);
        assertEquals(g.moves().size(), ex.positions());
        RolloutWeights w = RolloutWeights.defaults();
        for (int code = 0; code < w.patterns().length; code += 7) {
            w.patterns()[code] = (code % 5) * 0.1f;
            w.responses()[code] = (code % 3) * 0.2f;
        }
        RolloutTraining.Accuracy a = RolloutTraining.accuracy(ex, w);
        // the same mean NLL, from the policy's own logits over the candidates it samples from
        GameState game = g.start();
        LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(game.coords(), w, 0);
        double nll = 0;
        int covered = 0;
        int last = Coords.NONE;
        for (int t = 0; t < g.moves().size(); t++) {
            Board b = game.board();
            Color c = game.toMove();
            int move = g.moves().get(t);
            double total = 0;
            double expert = Double.NaN;
            for (int i = 0; i < b.emptyCount(); i++) {
                int p = b.emptyPoint(i);
                if (!b.isEyeFast(p, c.code()) && b.isLegalFast(p, c.code())) {
                    double e = Math.exp(policy.logit(b, c.code(), last, p));
                    total += e;
                    expert = p == move ? e : expert;
                }
            }
            if (!Double.isNaN(expert)) {
                nll -= Math.log(expert / total);
                covered++;
            }
            game.play(c, move);
            last = move;
        }
        // float weights summed in another order: equal to about 1e-9 relative, far below any modelling difference
        assertEquals(nll / covered, a.nll(), 1e-7);
        assertEquals((double) covered / ex.positions(), a.coverage(), 1e-12);
    }

    @Test
    void trainingRaisesTheHeldOutLikelihoodOfALocalExpert() {
        RolloutTraining.Examples train = RolloutTraining.examples(SyntheticGames.neighbourGames(150, 11), 1);
        RolloutTraining.Examples test = RolloutTraining.examples(SyntheticGames.neighbourGames(40, 12), 1);
        RolloutTraining.Accuracy before = RolloutTraining.accuracy(test, RolloutWeights.defaults());
        RolloutWeights w = RolloutTraining.train(train, RolloutTraining.Config.defaults(), RolloutWeights.defaults());
        RolloutTraining.Accuracy after = RolloutTraining.accuracy(test, w);
        assertTrue(after.nll() < before.nll() - 0.1, before + " -> " + after);
        assertTrue(after.top1() > 0.15, "the expert plays one of <= 4 neighbours of the last move: " + after);
        assertTrue(w.features()[dev.primer.mcts.go.RolloutFeature.NEAR_LAST_MOVE.ordinal()] > 1f,
                "locality learned beyond the hand-set weight: " + w);
    }

    @Test
    void weightsRoundTripThroughTheirFileAndAForeignFileIsRefusedByName(@org.junit.jupiter.api.io.TempDir
                                                                          java.nio.file.Path dir) throws Exception {
        RolloutWeights w = RolloutTraining.train(RolloutTraining.examples(SyntheticGames.neighbourGames(20, 4), 1),
                RolloutTraining.Config.defaults(), RolloutWeights.defaults());
        java.nio.file.Path f = dir.resolve("w.bin");
        RolloutWeightsFile.write(f, w);
        assertEquals(w, RolloutWeightsFile.read(f));
        java.nio.file.Path other = dir.resolve("other.bin");
        dev.primer.nn.train.SealedFile.write(other, "PRIMERCK", 2, new byte[16]);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> RolloutWeightsFile.read(other));
        assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
    }

    @Test
    void theShippedWeightsBeatTheHandSetOnesOnTheShippedCorpusTestGames() throws Exception {
        List<GameRecord> test = ShippedCorpus.games(s -> { }).stream()
                .filter(g -> dev.primer.go.corpus.Split.of(g) == dev.primer.go.corpus.Split.TEST).toList();
        RolloutTraining.Examples ex = RolloutTraining.examples(test, ShippedCorpus.RANDOM_OPENING);
        RolloutTraining.Accuracy shipped = RolloutTraining.accuracy(ex,
                RolloutWeightsFile.load(RolloutWeightsFile.SHIPPED_NAME));
        RolloutTraining.Accuracy handSet = RolloutTraining.accuracy(ex, RolloutWeights.defaults());
        assertTrue(ex.positions() > 500, "the shipped corpus has test games: " + ex.positions());
        assertTrue(shipped.top1() > handSet.top1() + 0.05 && shipped.nll() < handSet.nll(), shipped + " vs " + handSet);
    }
}
