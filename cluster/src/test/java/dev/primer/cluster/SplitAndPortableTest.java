package dev.primer.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.primer.experiments.match.CorpusConfig;
import dev.primer.experiments.match.GameResult;
import dev.primer.experiments.match.MatchConfig;
import dev.primer.go.board.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SplitAndPortableTest {
    @Test
    void tasksCoverTheItemsOnceWithAShortLastTask() {
        Split s = new Split(10, 4);
        assertEquals(3, s.tasks());
        assertEquals(List.of(1, 4, 5, 8, 9, 10), List.of(s.first(0), s.last(0), s.first(1), s.last(1), s.first(2),
                s.last(2)));
        assertArrayEquals(new int[] {4, 4, 2}, s.sizes());
        assertEquals(List.of(0, 1, 2), s.indices());
        assertThrows(IllegalArgumentException.class, () -> new Split(10, 0));
    }

    private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void recordsWithPathsAndOptionalsSurviveJavaSerialization() throws Exception {
        MatchConfig m = new MatchConfig("a", "b", 4, 9, 7, true, Optional.of(Path.of("/tmp/x")), Optional.empty(), 5,
                100);
        assertEquals(m, ((Portable) roundTrip(Portable.of(m))).to(MatchConfig.class));
        GameResult g = new GameResult(3, Color.WHITE, Optional.empty(), "0", GameResult.End.TWO_PASSES, 40,
                Optional.of("W+0.5"), false, Optional.empty());
        assertEquals(g, ((Portable) roundTrip(Portable.of(g))).to(GameResult.class));
        CorpusJob.Plan p = CorpusJob.Plan.of(CorpusConfig.of("e", Path.of("out")).withGames(9), 2);
        CorpusJob.Plan back = ((Portable) roundTrip(Portable.of(p))).to(CorpusJob.Plan.class);
        assertEquals(p.config().withOut(Path.of("out").toAbsolutePath()), back.config(),
                "a relative path arrives resolved against the driver's directory, not the executor's");
        assertEquals(p.split(), back.split());
    }

    @Test
    void aRecordIsRebuiltThroughItsChecks() {
        Portable bad = new Portable(Split.class.getName(), new java.util.ArrayList<>(List.of(3, 0)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bad.to(Split.class));
        assertEquals(IllegalArgumentException.class, e.getCause().getCause().getClass());
    }
}
