package dev.primer.go.sgf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Stone;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgfTest {
    private static String fixture(String name) throws IOException {
        try (InputStream in = SgfTest.class.getResourceAsStream("/sgf/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> mainLine(SgfNode root) {
        List<String> out = new ArrayList<>();
        for (SgfNode n = root; n != null; n = n.children().isEmpty() ? null : n.children().get(0)) {
            for (Color c : Color.values()) {
                if (n.has(c.letter())) {
                    out.add(c.letter() + "[" + n.get(c.letter()) + "]");
                }
            }
        }
        return out;
    }

    @Test
    void readsVariationsSetupAndEscapedText() throws IOException {
        SgfNode root = Sgf.parse(fixture("variations.sgf")).get(0);
        assertEquals("A game with variations, setup and an escaped comment: ] and \\ and a softline break.",
                root.get("C"));
        assertEquals(List.of("cc", "gg"), root.getAll("AB"));
        SgfNode branch = root.children().get(0).children().get(0);
        assertEquals(2, branch.children().size(), "two variations after B[ce]");
        assertEquals(List.of("W[ee]", "B[ce]", "W[ec]", "B[]", "W[tt]"), mainLine(root));
        assertEquals("aa:ab", branch.children().get(1).get("AW"));
    }

    @Test
    void roundTripIsStable() throws IOException {
        List<SgfNode> trees = Sgf.parse(fixture("variations.sgf"));
        String written = Sgf.write(trees);
        assertEquals(trees, Sgf.parse(written));
        assertEquals(written, Sgf.write(Sgf.parse(written)));
    }

    @Test
    void loadsMainLineWithHandicapAndBothPassForms() throws IOException {
        GameState g = SgfGames.load(Sgf.parse(fixture("variations.sgf")).get(0), Rules.CHINESE, Integer.MAX_VALUE);
        Coords c = g.coords();
        assertEquals(9, c.size());
        assertEquals(6.5, g.komi());
        assertEquals(2, g.handicap());
        assertEquals(5, g.moves().size());
        assertEquals(Coords.PASS, g.moves().get(3).point());
        assertEquals(Coords.PASS, g.moves().get(4).point());
        assertEquals(Stone.WHITE, g.board().stoneAt(c.parseVertex("E7")));
        assertEquals(Color.BLACK, g.toMove());
        GameState early = SgfGames.load(Sgf.parse(fixture("variations.sgf")).get(0), Rules.CHINESE, 2);
        assertEquals(1, early.moves().size(), "stops before move 2");
    }

    @Test
    void recordedGameReloadsToTheSamePosition() throws IOException {
        GameState g = SgfGames.load(Sgf.parse(fixture("variations.sgf")).get(0), Rules.CHINESE, Integer.MAX_VALUE);
        String text = Sgf.write(List.of(SgfGames.record(g, "Chinese", null)));
        GameState again = SgfGames.load(Sgf.parse(text).get(0), Rules.CHINESE, Integer.MAX_VALUE);
        assertEquals(g.board().toString(), again.board().toString());
        assertEquals(g.moves(), again.moves());
        assertEquals(g.handicap(), again.handicap());
        assertEquals(g.toMove(), again.toMove());
    }

    @Test
    void unterminatedValueNamesWhereItOpened() throws IOException {
        SgfException e = assertThrows(SgfException.class, () -> Sgf.parse(fixture("malformed-value.sgf")));
        assertEquals(2, e.line());
        assertEquals(9, e.column());
        assertEquals("line 2, column 9: expected ']' to close the value opened here", e.getMessage());
    }

    @Test
    void misplacedTokenNamesWhatWasExpected() throws IOException {
        SgfException e = assertThrows(SgfException.class, () -> Sgf.parse(fixture("malformed-node.sgf")));
        assertEquals(2, e.line());
        assertEquals(8, e.column());
        assertEquals("line 2, column 8: expected '[' to start a value of W", e.getMessage());
        SgfException empty = assertThrows(SgfException.class, () -> Sgf.parse("  \n"));
        assertEquals("line 2, column 1: expected '(' to start a game tree, found end of file", empty.getMessage());
        SgfException noNode = assertThrows(SgfException.class, () -> Sgf.parse("(B[aa])"));
        assertEquals("line 1, column 2: expected ';' to start a node, found 'B'", noNode.getMessage());
    }

    @Test
    void illegalMoveInFileIsReported() {
        SgfNode root = Sgf.parse("(;SZ[9];B[ee];W[ee])").get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SgfGames.load(root, Rules.CHINESE, Integer.MAX_VALUE));
        assertEquals("move 2 W[ee] is illegal: OCCUPIED", e.getMessage());
    }

    @Test
    void deepVariationNestingDoesNotOverflowTheReader() {
        String deep = "(;GM[1]" + "(;B[aa]".repeat(50_000) + ")".repeat(50_001);
        assertEquals(1, Sgf.parse(deep).size());
    }
}
