package dev.primer.rl.alphago;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.corpus.GameRecord;
import dev.primer.go.sgf.SgfGames;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Corpora with a known expert, for tests of the policies trained on them. */
final class SyntheticGames {
    private SyntheticGames() {
    }

    /**
     * A corpus whose "expert" answers next to the opponent's last move (a random empty neighbour, else a random legal
     * move): a local rule a small convnet can learn from the last-move plane, while a uniform guess over the ~50 legal
     * moves of these games scores about 2%.
     */
    static List<GameRecord> neighbourGames(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<GameRecord> games = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            GameState game = new GameState(9, Rules.CHINESE, 7);
            Coords coords = game.coords();
            int last = Coords.NONE;
            for (int t = 0; t < 30; t++) {
                List<Integer> near = new ArrayList<>();
                List<Integer> legal = new ArrayList<>();
                for (int p : coords.points()) {
                    if (game.legality(game.toMove(), p) != Legality.OK) {
                        continue;
                    }
                    legal.add(p);
                    if (last != Coords.NONE && Math.abs(coords.x(p) - coords.x(last))
                            + Math.abs(coords.y(p) - coords.y(last)) == 1) {
                        near.add(p);
                    }
                }
                List<Integer> from = near.isEmpty() ? legal : near;
                last = from.get(rng.nextInt(from.size()));
                game.play(game.toMove(), last);
            }
            games.add(GameRecord.of("g" + g, SgfGames.record(game, "Chinese", g % 2 == 0 ? "B+1" : "W+1")));
        }
        return games;
    }
}
