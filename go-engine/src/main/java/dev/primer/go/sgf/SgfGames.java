package dev.primer.go.sgf;

import dev.primer.go.GameState;
import dev.primer.go.Move;
import dev.primer.go.Rules;
import dev.primer.go.board.Board;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.board.Stone;
import java.util.List;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/** Converts between SGF game trees and {@link GameState}: setup (AB/AW/AE, HA, PL), KM, SZ, and the main line's moves. */
public final class SgfGames {
    /** Largest size on which SGF writes a pass as "tt" in old files. */
    private static final int TT_PASS_MAX_SIZE = 19;

    private SgfGames() {
    }

    /**
     * Replays the main line of {@code root} under {@code rules}, stopping before move number {@code stopBefore}
     * (1-based; Integer.MAX_VALUE for all); throws IllegalArgumentException for bad properties or illegal moves.
     */
    public static GameState load(SgfNode root, Rules rules, int stopBefore) {
        String gm = root.get("GM");
        if (gm != null && !gm.strip().equals("1")) {
            throw new IllegalArgumentException("not a game of Go: GM[" + gm + "]");
        }
        int size = root.has("SZ") ? parseInt(root.get("SZ"), "SZ") : 19;
        double komi = root.has("KM") ? parseDouble(root.get("KM"), "KM") : 0;
        GameState game = new GameState(size, rules, komi);
        int handicap = root.has("HA") ? parseInt(root.get("HA"), "HA") : 0;
        int played = 0;
        SgfNode node = root;
        while (node != null) {
            boolean isRoot = node == root;
            MutableIntList black = points(game.coords(), node.getAll("AB"));
            if (isRoot && handicap >= 2 && black.size() == handicap && !node.has("AW") && !node.has("AE")) {
                game.placeHandicap(black.toArray());
            } else {
                setup(game, Stone.EMPTY, node.getAll("AE"));
                setup(game, Stone.BLACK, node.getAll("AB"));
                setup(game, Stone.WHITE, node.getAll("AW"));
            }
            if (node.has("PL")) {
                game.setToMove(Color.parse(node.get("PL").strip()));
            }
            for (Color c : Color.values()) {
                String value = node.get(c.letter());
                if (value == null) {
                    continue;
                }
                if (played + 1 >= stopBefore) {
                    return game;
                }
                int p = point(game.coords(), value);
                Legality l = game.play(c, p);
                if (l != Legality.OK) {
                    throw new IllegalArgumentException("move " + (played + 1) + " " + c.letter() + "["
                            + value + "] is illegal: " + l);
                }
                played++;
            }
            node = node.children().isEmpty() ? null : node.children().get(0);
        }
        return game;
    }

    /** Returns the game record: root with FF, GM, SZ, KM, RU, HA and setup stones, then one node per move. */
    public static SgfNode record(GameState game, String rulesName, String result) {
        SgfNode root = new SgfNode()
                .add("FF", "4").add("GM", "1").add("CA", "UTF-8").add("AP", "primer:0.1.0")
                .add("SZ", Integer.toString(game.coords().size()))
                .add("KM", formatKomi(game.komi()))
                .add("RU", rulesName);
        if (game.handicap() > 0) {
            root.add("HA", Integer.toString(game.handicap()));
        }
        if (result != null) {
            root.add("RE", result);
        }
        Board setup = game.setupBoard();
        for (int p : game.coords().points()) {
            Stone s = setup.stoneAt(p);
            if (s == Stone.BLACK) {
                root.add("AB", point(game.coords(), p));
            } else if (s == Stone.WHITE) {
                root.add("AW", point(game.coords(), p));
            }
        }
        List<Move> moves = game.moves();
        Color expected = moves.isEmpty() ? game.toMove() : moves.get(0).color();
        if (game.setupToMove() != Color.BLACK || expected != game.setupToMove()) {
            root.add("PL", expected.letter());
        }
        SgfNode last = root;
        for (Move m : moves) {
            last = last.addChild(new SgfNode().add(m.color().letter(), point(game.coords(), m.point())));
        }
        return root;
    }

    /** Parses an SGF point ("dd"; "" and, on boards up to 19, "tt" are PASS); throws IllegalArgumentException. */
    public static int point(Coords coords, String value) {
        String v = value.strip();
        if (v.isEmpty() || (v.equals("tt") && coords.size() <= TT_PASS_MAX_SIZE)) {
            return Coords.PASS;
        }
        if (v.length() != 2) {
            throw new IllegalArgumentException("invalid SGF point [" + value + "]");
        }
        int x = v.charAt(0) - 'a';
        int y = v.charAt(1) - 'a';
        if (x < 0 || x >= coords.size() || y < 0 || y >= coords.size()) {
            throw new IllegalArgumentException("SGF point [" + value + "] is off the " + coords.size() + " board");
        }
        return coords.point(x, y);
    }

    /** Returns the SGF text of a point; PASS is written as the FF[4] empty value. */
    public static String point(Coords coords, int p) {
        if (p == Coords.PASS) {
            return "";
        }
        return "" + (char) ('a' + coords.x(p)) + (char) ('a' + coords.y(p));
    }

    private static void setup(GameState game, Stone stone, List<String> values) {
        if (!values.isEmpty()) {
            game.setup(stone, points(game.coords(), values).toArray());
        }
    }

    /** Expands point lists, including FF[4] compressed rectangles "aa:cc". */
    private static MutableIntList points(Coords coords, List<String> values) {
        MutableIntList out = new IntArrayList();
        for (String v : values) {
            int colon = v.indexOf(':');
            if (colon < 0) {
                int p = point(coords, v);
                if (p == Coords.PASS) {
                    throw new IllegalArgumentException("setup point [" + v + "] is not on the board");
                }
                out.add(p);
                continue;
            }
            int a = point(coords, v.substring(0, colon));
            int b = point(coords, v.substring(colon + 1));
            if (a == Coords.PASS || b == Coords.PASS) {
                throw new IllegalArgumentException("bad rectangle [" + v + "]");
            }
            for (int y = Math.min(coords.y(a), coords.y(b)); y <= Math.max(coords.y(a), coords.y(b)); y++) {
                for (int x = Math.min(coords.x(a), coords.x(b)); x <= Math.max(coords.x(a), coords.x(b)); x++) {
                    out.add(coords.point(x, y));
                }
            }
        }
        return out;
    }

    private static String formatKomi(double komi) {
        return komi == Math.rint(komi) ? Long.toString((long) komi) : Double.toString(komi);
    }

    private static int parseInt(String v, String id) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(id + "[" + v + "] is not an integer", e);
        }
    }

    private static double parseDouble(String v, String id) {
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(id + "[" + v + "] is not a number", e);
        }
    }
}
