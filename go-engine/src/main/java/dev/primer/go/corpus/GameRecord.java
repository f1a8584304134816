package dev.primer.go.corpus;

import dev.primer.go.GameState;
import dev.primer.go.Move;
import dev.primer.go.Rules;
import dev.primer.go.board.Color;
import dev.primer.go.sgf.SgfGames;
import dev.primer.go.sgf.SgfNode;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.collections.api.factory.primitive.IntLists;
import org.eclipse.collections.api.list.primitive.ImmutableIntList;
import org.eclipse.collections.api.list.primitive.MutableIntList;

/**
 * One game of a corpus: the moves from the empty board, Black first, as flat points of {@code size}'s coordinates.
 *
 * @param source where it came from ("dir/game-000017.sgf", "corpus.sgf.gz:12")
 * @param size   board size
 * @param komi   komi
 * @param moves  the points played, passes included
 * @param result the SGF result ("B+3", "W+R", "0"), empty when unknown
 */
public record GameRecord(String source, int size, double komi, ImmutableIntList moves, String result) {
    /** Returns the winner named by the result; empty for a draw or an unknown result. */
    public Optional<Color> winner() {
        String r = result.strip().toUpperCase(Locale.ROOT);
        return r.startsWith("B+") ? Optional.of(Color.BLACK) : r.startsWith("W+") ? Optional.of(Color.WHITE)
                : Optional.empty();
    }

    /**
     * Reads the main line of {@code root}; throws IllegalArgumentException (naming {@code source}) for a game with
     * setup stones or handicap, colours that do not alternate from Black, bad properties, or an illegal move under
     * Chinese rules with positional superko.
     */
    public static GameRecord of(String source, SgfNode root) {
        boolean handicap = root.has("HA") && !root.get("HA").strip().equals("0");
        if (root.has("AB") || root.has("AW") || root.has("AE") || handicap) {
            throw new IllegalArgumentException(source + ": setup stones or handicap are not supported in a corpus");
        }
        GameState game;
        try {
            game = SgfGames.load(root, Rules.CHINESE, Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        MutableIntList points = IntLists.mutable.empty();
        for (Move m : game.moves()) {
            Color expected = points.size() % 2 == 0 ? Color.BLACK : Color.WHITE;
            if (m.color() != expected) {
                throw new IllegalArgumentException(source + ": move " + (points.size() + 1) + " is " + m.color()
                        + "'s; a corpus game alternates colours from Black's first move");
            }
            points.add(m.point());
        }
        String re = root.get("RE");
        return new GameRecord(source, game.coords().size(), game.komi(), points.toImmutable(),
                re == null ? "" : re.strip());
    }

    /** Returns a fresh game at the empty board with this record's size and komi, under Chinese rules. */
    public GameState start() {
        return new GameState(size, Rules.CHINESE, komi);
    }

    /** Returns a 64-bit FNV-1a hash of the size and the moves: stable across runs, files and orders. */
    public long movesHash() {
        long h = 0xcbf29ce484222325L;
        h = (h ^ size) * 0x100000001b3L;
        for (int i = 0; i < moves.size(); i++) {
            h = (h ^ moves.get(i)) * 0x100000001b3L;
        }
        return h;
    }
}
