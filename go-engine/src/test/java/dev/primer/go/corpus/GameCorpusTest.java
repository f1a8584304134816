package dev.primer.go.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.go.GameState;
import dev.primer.go.Rules;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.features.InputPlanes;
import dev.primer.go.features.Plane;
import dev.primer.go.features.Symmetry;
import dev.primer.go.sgf.SgfGames;
import dev.primer.go.sgf.SgfNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GameCorpusTest {
    /** Returns a game of random legal moves (no passes until the end, then two), recorded with {@code result}. */
    private static SgfNode randomGame(int size, long seed, int moves, String result) {
        GameState g = new GameState(size, Rules.CHINESE, 7);
        SplittableRandom rng = new SplittableRandom(seed);
        Coords coords = g.coords();
        for (int t = 0; t < moves; t++) {
            List<Integer> legal = new ArrayList<>();
            for (int p : coords.points()) {
                if (g.legality(g.toMove(), p) == Legality.OK) {
                    legal.add(p);
                }
            }
            g.play(g.toMove(), legal.get(rng.nextInt(legal.size())));
        }
        g.play(g.toMove(), Coords.PASS);
        g.play(g.toMove(), Coords.PASS);
        return SgfGames.record(g, "Chinese", result);
    }

    @Test
    void aDirectoryLoadsSkippingAMalformedFileAndAnotherSizeByName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.sgf"), dev.primer.go.sgf.Sgf.write(List.of(randomGame(9, 1, 30, "B+5"))));
        Files.writeString(dir.resolve("b.sgf"), "(;FF[4]SZ[9]\n;B[ee];W[cc\n)");
        Files.writeString(dir.resolve("c.sgf"), dev.primer.go.sgf.Sgf.write(List.of(randomGame(13, 2, 30, "W+R"))));
        Files.writeString(dir.resolve("d.sgf"), "(;FF[4]SZ[9];B[ee];W[ee])");
        Files.writeString(dir.resolve("e.sgf"), "(;FF[4]SZ[9];W[ee];B[cc])");
        Files.writeString(dir.resolve("f.sgf"), "(;FF[4];B[ee];W[cc])");
        List<String> skipped = new ArrayList<>();
        List<GameRecord> games = GameCorpus.read(dir, 9, skipped::add);
        assertEquals(1, games.size());
        assertEquals(32, games.get(0).moves().size());
        assertEquals(Color.BLACK, games.get(0).winner().orElseThrow());
        assertEquals(5, skipped.size(), skipped.toString());
        assertTrue(skipped.get(0).startsWith(dir.resolve("b.sgf") + ":2:"), skipped.get(0));
        assertTrue(skipped.get(1).contains("c.sgf: a game of size 13, not 9"), skipped.get(1));
        assertTrue(skipped.get(2).contains("d.sgf") && skipped.get(2).contains("illegal"), skipped.get(2));
        assertTrue(skipped.get(3).contains("e.sgf") && skipped.get(3).contains("alternates"), skipped.get(3));
        assertTrue(skipped.get(4).contains("f.sgf: a game of size 19, not 9"), "no SZ means 19: " + skipped.get(4));
    }

    @Test
    void aGzipCollectionRoundTripsOneGameALineAndNamesTheBadLine(@TempDir Path dir) throws IOException {
        List<SgfNode> roots = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            roots.add(randomGame(9, 10 + i, 20 + i, i % 2 == 0 ? "B+2" : "W+3"));
        }
        Path file = dir.resolve("corpus.sgf.gz");
        GameCorpus.write(file, roots);
        List<GameRecord> games = GameCorpus.read(file, 9, s -> { throw new AssertionError(s); });
        assertEquals(5, games.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(22 + i, games.get(i).moves().size());
            assertEquals(file + ":" + (i + 1), games.get(i).source());
        }
        Path plain = dir.resolve("bad.sgf");
        String text = dev.primer.go.sgf.Sgf.write(roots.subList(0, 2)) + "(;SZ[9];B[zz)\n";
        Files.writeString(plain, text);
        List<String> skipped = new ArrayList<>();
        assertEquals(2, GameCorpus.read(plain, 9, skipped::add).size());
        assertEquals(1, skipped.size());
        assertTrue(skipped.get(0).startsWith(plain + ":3:"), skipped.get(0));
        assertThrows(IOException.class, () -> GameCorpus.read(dir.resolve("nothing"), 9, s -> { }));
    }

    @Test
    void theSplitIsFixedByTheMovesAndNearItsProportions() {
        Map<Split, Integer> counts = new EnumMap<>(Split.class);
        for (int i = 0; i < 2000; i++) {
            GameRecord g = GameRecord.of("g" + i, randomGame(9, 100 + i, 12, "B+1"));
            Split s = Split.of(g);
            assertEquals(s, Split.of(GameRecord.of("other name", randomGame(9, 100 + i, 12, "W+9"))));
            counts.merge(s, 1, Integer::sum);
        }
        // binomial s.d. for 5% of 2000 is about 9.7 games: +-4 s.d.
        assertEquals(1800, counts.get(Split.TRAIN), 60);
        assertEquals(100, counts.get(Split.VALIDATION), 40);
        assertEquals(100, counts.get(Split.TEST), 40);
    }

    @Test
    void positionsHoldTheReplayedPlanesUnderEverySymmetryTheMoveAndTheOutcome() {
        GameRecord g = GameRecord.of("g", randomGame(9, 7, 40, "W+4.5"));
        int skip = 3;
        PositionSet set = PositionSet.of(List.of(g), skip);
        assertEquals(g.moves().size() - skip, set.count());
        int stride = Plane.COUNT * 81;
        GameState replay = g.start();
        for (int t = 0; t < g.moves().size(); t++) {
            if (t >= skip) {
                int i = t - skip;
                float[] want = InputPlanes.encode(replay);
                for (Symmetry s : Symmetry.values()) {
                    float[] got = new float[stride + 5];
                    set.planesInto(i, s, got, 5);
                    assertArrayEquals(s.transform(want, Plane.COUNT, 9),
                            java.util.Arrays.copyOfRange(got, 5, 5 + stride), "move " + (t + 1) + " " + s);
                    assertEquals(s.apply(replay.coords().index(g.moves().get(t)), 9), set.move(i, s));
                }
                assertEquals(replay.toMove() == Color.WHITE ? 1 : -1, set.outcome(i));
                assertEquals(t + 1, set.moveNumber(i));
            }
            replay.play(replay.toMove(), g.moves().get(t));
        }
        assertEquals(81, set.move(set.count() - 1, Symmetry.ROTATE_90), "the final pass is index size²");
    }
}
