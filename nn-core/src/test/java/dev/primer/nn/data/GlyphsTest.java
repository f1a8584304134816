package dev.primer.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

class GlyphsTest {
    private static final int SIDE = 32;

    @Test
    void theCharacterSetIsGb2312LevelOneInItsPinyinOrder() {
        int[] chars = Glyphs.gb2312Level1();
        assertEquals(3755, chars.length);
        assertEquals(3755, Arrays.stream(chars).distinct().count());
        assertEquals("啊", new String(Character.toChars(chars[0])));
        assertEquals("座", new String(Character.toChars(chars[chars.length - 1])));
        assertTrue(Arrays.stream(chars).allMatch(c -> c >= 0x4E00 && c <= 0x9FFF), "all CJK unified ideographs");
    }

    @Test
    void theSplitIsDisjointCoversTheSetAndDependsOnTheCharacterAlone() {
        int[] chars = Glyphs.gb2312Level1();
        int[] train = Glyphs.split(chars, false);
        int[] test = Glyphs.split(chars, true);
        assertEquals(chars.length, train.length + test.length);
        assertTrue(Arrays.stream(test).noneMatch(c -> Arrays.stream(train).anyMatch(t -> t == c)));
        double share = test.length / (double) chars.length;
        assertTrue(share > 0.08 && share < 0.12, "test share " + share);
        // the same character lands on the same side whatever set it comes in
        int[] firstHundred = Arrays.copyOf(chars, 100);
        int[] expected = Arrays.stream(test).filter(c -> IntStream.of(firstHundred).anyMatch(f -> f == c)).toArray();
        assertArrayEquals(expected, Glyphs.split(firstHundred, true));
    }

    @Test
    void glyphsAreCentredInkOnBlackAndTheTwoFacesDiffer() {
        Font ukai = Glyphs.Face.UKAI.load();
        Font zenhei = Glyphs.Face.ZENHEI.load();
        int[] chars = Arrays.copyOf(Glyphs.coveredBy(Glyphs.gb2312Level1(), ukai, zenhei), 50);
        INDArray a = Glyphs.render(ukai, chars, SIDE);
        INDArray b = Glyphs.render(zenhei, chars, SIDE);
        assertArrayEquals(new long[] {50, 1, SIDE, SIDE}, a.shape());
        assertTrue(a.minNumber().doubleValue() >= 0 && a.maxNumber().doubleValue() <= 1);
        for (INDArray glyphs : new INDArray[] {a, b}) {
            for (int i = 0; i < chars.length; i++) {
                double[] centre = inkCentre(glyphs, i);
                assertTrue(Math.abs(centre[0] - (SIDE - 1) / 2.0) < 3 && Math.abs(centre[1] - (SIDE - 1) / 2.0) < 3,
                        "glyph " + i + " ink centre " + Arrays.toString(centre));
                // nothing is clipped: the border rows and columns stay (nearly) blank
                assertTrue(glyphs.getFloat(i, 0, 0, SIDE / 2) < 0.5 && glyphs.getFloat(i, 0, SIDE / 2, 0) < 0.5);
            }
        }
        // Zen Hei's heavy strokes carry more ink than UKai's brush strokes, and the two differ pixel by pixel
        assertTrue(b.meanNumber().doubleValue() > a.meanNumber().doubleValue());
        assertTrue(Transforms.abs(a.sub(b)).meanNumber().doubleValue() > 0.05);
    }

    @Test
    void aMissingFontNamesThePackageToInstall() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Glyphs.Face("fonts-arphic-ukai", Path.of("/nonexistent/ukai.ttc"), "AR PL UKai CN").load());
        assertTrue(e.getMessage().contains("apt-get install fonts-arphic-ukai"), e.getMessage());
    }

    private static double[] inkCentre(INDArray glyphs, int i) {
        double sum = 0;
        double x = 0;
        double y = 0;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                double v = glyphs.getDouble(i, 0, r, c);
                sum += v;
                x += v * c;
                y += v * r;
            }
        }
        return new double[] {x / sum, y / sum};
    }
}
