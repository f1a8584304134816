package dev.primer.go.gnugo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.go.Handicap;
import dev.primer.go.board.Coords;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HandicapGnuGoTest {
    @Test
    void fixedHandicapPointsAgreeWithGnuGoOnEverySize() {
        try (GnuGo gnugo = new GnuGo()) {
            for (int size = 7; size <= 19; size++) {
                Coords coords = Coords.of(size);
                for (int n = 2; n <= Handicap.maxFixed(size); n++) {
                    String reply = gnugo.sendAll(List.of("boardsize " + size, "clear_board", "fixed_handicap " + n)).get(2);
                    Set<String> theirs = new TreeSet<>(Arrays.asList(reply.split("\\s+")));
                    Set<String> ours = Arrays.stream(Handicap.fixed(coords, n)).mapToObj(coords::vertex)
                            .collect(Collectors.toCollection(TreeSet::new));
                    assertEquals(theirs, ours, size + "x" + size + " handicap " + n);
                }
            }
        }
    }
}
