package dev.primer.go.gtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.Rules;
import dev.primer.go.board.Coords;
import dev.primer.go.player.FlatMonteCarloPlayer;
import dev.primer.go.player.Decision;
import dev.primer.go.player.MoveGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GtpEngineTest {
    private static GtpEngine engine() {
        return new GtpEngine(new FlatMonteCarloPlayer(new FlatMonteCarloPlayer.Config(300, 1)), Rules.CHINESE);
    }

    private static String session(String input) throws IOException {
        StringWriter out = new StringWriter();
        engine().serve(new StringReader(input), out);
        return out.toString();
    }

    @Test
    void echoesIdsAndEndsEveryReplyWithABlankLine() throws IOException {
        assertEquals("=1 2\n\n= primer\n\n=7 true\n\n= false\n\n", session(
                "1 protocol_version\nname\n7 known_command play\nknown_command frobnicate\n"));
    }

    @Test
    void ignoresCommentsEmptyLinesAndControlCharacters() throws IOException {
        assertEquals("=3 2\n\n= \n\n", session("# a comment\n\n   \n3 proto\u0001col_version # trailing\r\n"
                + "boardsize\t9\n"));
    }

    @Test
    void errorsAnswerWithReasonAndTheEngineCarriesOn() throws IOException {
        String out = session("""
                5 frobnicate
                boardsize 1
                boardsize x
                play black
                play purple D4
                play black Z99
                play black D4
                6 play white D4
                undo
                undo
                komi banana
                final_status_list maybe
                loadsgf /no/such/file.sgf
                fixed_handicap 2
                fixed_handicap 2
                9 version
                """);
        assertEquals("""
                ?5 unknown command

                ? unacceptable size

                ? syntax error

                ? syntax error

                ? invalid color

                ? invalid vertex

                = \n\n\
                ?6 illegal move

                = \n\n\
                ? cannot undo

                ? syntax error

                ? syntax error

                ? cannot load file

                = D4 Q16

                ? board not empty

                =9 0.1.0

                """, out);
    }

    @Test
    void quitStopsReading() throws IOException {
        assertEquals("=1 \n\n", session("1 quit\nname\n"));
    }

    @Test
    void genmovePlaysALegalMoveAndRecordsIt() {
        GtpEngine e = engine();
        e.respond("boardsize 9");
        e.respond("clear_board");
        String reply = e.respond("genmove b");
        assertTrue(reply.startsWith("= ") && reply.endsWith("\n\n"), reply);
        String vertex = reply.substring(2).strip();
        int p = e.game().coords().parseVertex(vertex);
        assertTrue(p != Coords.PASS, "the empty board has moves to play");
        assertEquals(1, e.game().moves().size());
        assertEquals("= \n\n", e.respond("undo"));
        assertTrue(e.respond("reg_genmove w").startsWith("= "));
        assertEquals(0, e.game().moves().size(), "reg_genmove does not play");
    }

    @Test
    void handicapCommands() {
        GtpEngine e = engine();
        e.respond("boardsize 19");
        assertEquals("= D4 Q16 D16 Q4\n\n", e.respond("fixed_handicap 4"));
        assertEquals("? board not empty\n\n", e.respond("set_free_handicap A1 A2"));
        e.respond("clear_board");
        assertEquals("? bad vertex list\n\n", e.respond("set_free_handicap A1 A1"));
        assertEquals("= \n\n", e.respond("set_free_handicap A1 T19 K10"));
        assertEquals(3, e.game().handicap());
        e.respond("boardsize 5");
        String free = e.respond("place_free_handicap 3");
        assertEquals(3, free.strip().split(" ").length - 1, free);
        assertEquals("? invalid number of stones\n\n", engineOnEmpty(5).respond("fixed_handicap 2"));
    }

    private static GtpEngine engineOnEmpty(int size) {
        GtpEngine e = engine();
        e.respond("boardsize " + size);
        return e;
    }

    @Test
    void scoresAFinishedGameAndListsDeadStones() {
        GtpEngine e = engine();
        e.respond("boardsize 5");
        e.respond("komi 0.5");
        for (String m : new String[] {"b C5", "b C4", "b C3", "b C2", "b C1", "w D5", "w D4", "w D3", "w D2", "w D1",
                "w B3"}) {
            assertEquals("= \n\n", e.respond("play " + m), m);
        }
        assertEquals("= B3\n\n", e.respond("final_status_list dead"));
        assertEquals("= B+4.5\n\n", e.respond("final_score"), "black owns columns A-C (15), white D-E (10)");
        assertEquals("= \n\n", e.respond("final_status_list seki"));
    }

    @Test
    void printsAndLoadsSgf(@TempDir Path dir) throws IOException {
        GtpEngine e = engine();
        e.respond("boardsize 9");
        e.respond("komi 6.5");
        e.respond("play b E5");
        e.respond("play w C3");
        String sgf = e.respond("printsgf");
        assertTrue(sgf.contains("SZ[9]") && sgf.contains("KM[6.5]") && sgf.contains(";B[ee];W[cg]"), sgf);
        Path file = dir.resolve("game.sgf");
        assertEquals("= \n\n", e.respond("printsgf " + file));
        GtpEngine other = engine();
        assertEquals("= black\n\n", other.respond("loadsgf " + file));
        assertEquals(e.game().board().toString(), other.game().board().toString());
        assertEquals("= white\n\n", other.respond("loadsgf " + file + " 2"));
        Files.writeString(dir.resolve("bad.sgf"), "(;SZ[9];B[ee");
        String bad = other.respond("loadsgf " + dir.resolve("bad.sgf"));
        assertTrue(bad.startsWith("? line 1, column 10: expected ']'"), bad);
    }

    @Test
    void timeCommandsAndKgsExtensions() {
        GtpEngine e = engine();
        assertEquals("= \n\n", e.respond("time_settings 300 30 5"));
        assertEquals("= \n\n", e.respond("time_left b 120 0"));
        assertEquals("= \n\n", e.respond("kgs-time_settings byoyomi 60 10 3"));
        assertEquals("? unknown time system hourglass\n\n", e.respond("kgs-time_settings hourglass 1"));
        assertEquals("= \n\n", e.respond("kgs-game_over"));
        assertTrue(e.respond("list_commands").contains("\nkgs-genmove_cleanup\n"));
    }

    @Test
    void showboardDrawsTheBoardAsGnuGoDoes() {
        GtpEngine e = engineOnEmpty(5);
        for (String m : new String[] {"b B1", "w A1", "b A2", "w D4"}) {
            assertEquals("= \n\n", e.respond("play " + m), m);
        }
        assertEquals("""
                =\s
                   A B C D E\s
                 5 . . . . . 5   captures B 1 W 0
                 4 . . . O . 4
                 3 . . . . . 3
                 2 X . . . . 2
                 1 . X . . . 1
                   A B C D E

                """, e.respond("showboard"));
    }

    @Test
    void anArbitraryGeneratorPlugsIn() {
        MoveGenerator resigner = (state, c, budget) -> Decision.RESIGN;
        GtpEngine e = new GtpEngine(resigner, Rules.TROMP_TAYLOR);
        assertEquals("= resign\n\n", e.respond("genmove w"));
        MoveGenerator passer = (state, c, budget) -> Decision.play(Coords.PASS);
        assertEquals("= pass\n\n", new GtpEngine(passer, Rules.TROMP_TAYLOR).respond("genmove b"));
    }

    @Test
    void anIllegalGeneratedMoveIsAnErrorAndNothingIsPlayed() {
        MoveGenerator cheater = (state, c, budget) -> Decision.play(state.coords().parseVertex("A1"));
        GtpEngine e = new GtpEngine(cheater, Rules.TROMP_TAYLOR);
        e.respond("play b A1");
        assertEquals("? move generator chose an illegal move: A1 (occupied)\n\n", e.respond("genmove w"));
        assertEquals("? move generator chose an illegal move: A1 (occupied)\n\n", e.respond("reg_genmove w"));
        assertEquals(1, e.game().moves().size(), "nothing was played");
        MoveGenerator wild = (state, c, budget) -> Decision.play(-7);
        assertEquals("?3 move generator chose no board point (-7)\n\n",
                new GtpEngine(wild, Rules.TROMP_TAYLOR).respond("3 genmove b"));
        assertEquals("= primer\n\n", e.respond("name"), "the engine carries on");
    }

    @Test
    void printsgfNamesTheRulesInForce() {
        assertEquals("Chinese", Rules.CHINESE.sgfName());
        assertEquals("Tromp-Taylor", Rules.TROMP_TAYLOR.sgfName());
        GtpEngine e = new GtpEngine(new FlatMonteCarloPlayer(new FlatMonteCarloPlayer.Config(300, 1)), Rules.SIMPLE_KO);
        assertTrue(e.respond("printsgf").contains("RU[simple ko, suicide forbidden]"));
        assertTrue(engine().respond("printsgf").contains("RU[Chinese]"));
    }

    @Test
    void survivesGarbage() {
        GtpEngine e = engine();
        String[] junk = {"", "\u0000\u0007", "play", "play b", "play b pass pass", "boardsize 99999999999",
                "komi NaN", "time_left b x y", "set_free_handicap", "loadsgf", "final_status_list",
                "12", "-5 name", "genmove", "printsgf /no/such/dir/x.sgf", "known_command"};
        for (String line : junk) {
            String reply = e.respond(line);
            assertTrue(reply.isEmpty() || reply.endsWith("\n\n"), line);
        }
        assertEquals("= primer\n\n", e.respond("name"));
    }
}
