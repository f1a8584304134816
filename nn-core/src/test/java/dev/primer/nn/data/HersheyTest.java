package dev.primer.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The JHF reader on Debian's fonts and on records written by hand. */
class HersheyTest {
    /** Glyph 33 of futural.jhf, 'A' (the 95 printable ASCII characters from ' '): "12345  9I[RFJ[ RRFZ[ RMTWT". */
    @Test
    void futuralCapitalAIsThreeStrokesOfNineVertices() {
        List<Hershey.Glyph> futural = Hershey.read(Hershey.DIR.resolve("futural.jhf"));
        assertEquals(96, futural.size());
        Hershey.Glyph a = futural.get('A' - ' ');
        assertEquals(9, a.vertexCount());
        assertEquals(6, a.points());
        assertEquals(-9, a.left());
        assertEquals(9, a.right());
        assertEquals(3, a.strokes().size());
        // R F → (0, −12), J [ → (−8, 9): the left leg of the A from the apex down.
        assertArrayEquals(new int[] {0, -12, -8, 9}, a.strokes().get(0));
        assertArrayEquals(new int[] {-5, 2, 5, 2}, a.strokes().get(2));
        float[][] s3 = a.stroke3();
        assertArrayEquals(new float[] {0, -12, 0}, s3[0]);
        assertArrayEquals(new float[] {-8, 21, 1}, s3[1]);
        assertArrayEquals(new float[] {8, -21, 0}, s3[2]);
        assertArrayEquals(new float[] {10, 0, 1}, s3[5]);
    }

    @Test
    void everyDebianFontParses() {
        List<Hershey.Glyph> all = Hershey.all();
        assertTrue(all.size() > 3000, "glyphs " + all.size());
        assertTrue(all.stream().anyMatch(g -> g.font().equals("japanese")));
    }

    @Test
    void aRecordMayContinueOnTheNextLine() {
        List<Hershey.Glyph> g = Hershey.parse("t", "t.jhf", List.of("    7  6JZNFNM R", "VFVM"));
        assertEquals(1, g.size());
        assertEquals(2, g.get(0).strokes().size());
        assertEquals(6, g.get(0).vertexCount());
    }

    @Test
    void aMalformedRecordIsNamedByFileAndLine() {
        IllegalArgumentException shortRecord = assertThrows(IllegalArgumentException.class,
                () -> Hershey.parse("t", "t.jhf", List.of("12345  1JZ", "12345  9I[RFJ[ RRFZ[")));
        assertTrue(shortRecord.getMessage().startsWith("t.jhf:2: vertex count 9"), shortRecord.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> Hershey.parse("t", "t.jhf", List.of("12345  xJZ")));
        assertTrue(count.getMessage().startsWith("t.jhf:1: vertex count"), count.getMessage());
        IllegalArgumentException penUp = assertThrows(IllegalArgumentException.class,
                () -> Hershey.parse("t", "t.jhf", List.of("12345  3JZ RRF")));
        assertTrue(penUp.getMessage().contains("t.jhf:1: pen-up"), penUp.getMessage());
    }
}
