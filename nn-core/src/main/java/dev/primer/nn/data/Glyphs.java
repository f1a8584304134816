package dev.primer.nn.data;

import dev.primer.random.SplitMix64;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Chinese glyphs rendered with Java2D from the TrueType collections of two Debian font packages, the data of
 * font-to-font translation (zi2zi, after pix2pix): the character set is GB 2312's level-1 hanzi (the 3,755 most used
 * characters, rows 16–55 of the standard), each glyph drawn antialiased in grey ink (1) on black (0), its em box
 * {@link #EM_FRACTION} of the image side, centred on its own visual bounds.
 */
public final class Glyphs {
    /** The em box's share of the image side: large enough to read, small enough that no glyph is clipped. */
    public static final double EM_FRACTION = 0.85;
    /** One character in {@code TEST_ONE_IN} goes to the test split. */
    public static final int TEST_ONE_IN = 10;
    // GB 2312 level 1: lead bytes 0xB0–0xD7 (rows 16–55), trail bytes 0xA1–0xFE; row 55 ends at 0xD7F9.
    private static final int LEVEL1_FIRST_LEAD = 0xB0;
    private static final int LEVEL1_LAST_LEAD = 0xD7;
    private static final int FIRST_TRAIL = 0xA1;
    private static final int LAST_TRAIL = 0xFE;
    private static final int GREY_LEVELS = 255;

    private Glyphs() {
    }

    /**
     * A face of a Debian font package, read from the file the package installs.
     *
     * @param debianPackage the package that installs it, named when the file is missing
     * @param file          its TrueType collection
     * @param fontName      the face's name inside the collection
     */
    public record Face(String debianPackage, Path file, String fontName) {
        /** AR PL UKai CN, a brush-script (kai) face. */
        public static final Face UKAI = new Face("fonts-arphic-ukai",
                Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc"), "AR PL UKai CN");
        /** WenQuanYi Zen Hei, a heavy sans-serif (hei) face. */
        public static final Face ZENHEI = new Face("fonts-wqy-zenhei",
                Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), "WenQuanYi Zen Hei");

        /** The face from its collection file; fails naming the Debian package when the file is missing. */
        public Font load() {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " not found: install the Debian package with `apt-get install "
                        + debianPackage + "` (./primer test does this)");
            }
            try {
                return Arrays.stream(Font.createFonts(file.toFile())).filter(f -> f.getFontName().equals(fontName))
                        .findFirst().orElseThrow(() -> new IllegalStateException(file + " holds no face \"" + fontName
                                + "\": reinstall " + debianPackage));
            } catch (FontFormatException e) {
                throw new IllegalStateException(file + " is not a TrueType collection: reinstall " + debianPackage, e);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + file, e);
            }
        }
    }

    /** GB 2312's level-1 hanzi as code points, in the standard's order (by pinyin): 3,755 characters. */
    public static int[] gb2312Level1() {
        CharsetDecoder gb = Charset.forName("GB2312").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        IntStream.Builder out = IntStream.builder();
        for (int lead = LEVEL1_FIRST_LEAD; lead <= LEVEL1_LAST_LEAD; lead++) {
            for (int trail = FIRST_TRAIL; trail <= LAST_TRAIL; trail++) {
                try {
                    out.add(gb.decode(ByteBuffer.wrap(new byte[] {(byte) lead, (byte) trail})).toString()
                            .codePointAt(0));
                } catch (CharacterCodingException unassigned) {
                    // the tail of row 55 (0xD7FA–0xD7FE) is unassigned
                }
            }
        }
        return out.build().toArray();
    }

    /** The characters of {@code codePoints} that every one of {@code faces} can draw, in their order. */
    public static int[] coveredBy(int[] codePoints, Font... faces) {
        return Arrays.stream(codePoints).filter(c -> Arrays.stream(faces).allMatch(f -> f.canDisplay(c))).toArray();
    }

    /**
     * Whether {@code codePoint} is a test character: one in {@link #TEST_ONE_IN}, chosen by a SplitMix64 hash of the
     * code point, so the split depends on the character alone, never on the set or the seed.
     */
    public static boolean isTest(int codePoint) {
        return Long.remainderUnsigned(new SplitMix64(codePoint).nextLong(), TEST_ONE_IN) == 0;
    }

    /** The characters of {@code codePoints} on one side of the split ({@code test} or train), in their order. */
    public static int[] split(int[] codePoints, boolean test) {
        return Arrays.stream(codePoints).filter(c -> isTest(c) == test).toArray();
    }

    /**
     * The glyphs of {@code codePoints} in {@code face} as {@code [N, 1, side, side]} intensities in [0, 1] (ink 1),
     * drawn at {@link #EM_FRACTION}·side pixels per em and centred on each glyph's visual bounds.
     */
    public static INDArray render(Font face, int[] codePoints, int side) {
        if (side < 8) {
            throw new IllegalArgumentException("glyphs need a side of at least 8 pixels, got " + side);
        }
        Font sized = face.deriveFont((float) (EM_FRACTION * side));
        float[] out = new float[codePoints.length * side * side];
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        int[] row = new int[side * side];
        for (int i = 0; i < codePoints.length; i++) {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, side, side);
            GlyphVector v = sized.createGlyphVector(frc, Character.toChars(codePoints[i]));
            Rectangle2D b = v.getVisualBounds();
            g.setColor(Color.WHITE);
            g.fill(v.getOutline((float) (side / 2.0 - b.getCenterX()), (float) (side / 2.0 - b.getCenterY())));
            img.getRaster().getSamples(0, 0, side, side, 0, row);
            for (int p = 0; p < row.length; p++) {
                out[i * row.length + p] = row[p] / (float) GREY_LEVELS;
            }
        }
        g.dispose();
        return Nd4j.create(out, new long[] {codePoints.length, 1, side, side}, 'c');
    }
}
