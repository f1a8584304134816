package dev.primer.atari.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.core.Frame;
import dev.primer.atari.minatar.Breakout;
import dev.primer.atari.minatar.GridRenderer;
import dev.primer.atari.minatar.MinAtarGame;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderTest {

    @Test
    void minAtarCellsTakeTheirTopChannelsColour() {
        Breakout game = new Breakout();
        game.reset(1);
        Frame f = game.render();
        assertEquals(160, f.height());
        int[] palette = GridRenderer.cubehelix(4);
        int cell = MinAtarGame.CELL_PIXELS;
        assertEquals(palette[Breakout.BRICK], f.rgbAt(2 * cell + 3, 5 * cell + 3));
        assertEquals(palette[Breakout.PADDLE], f.rgbAt(9 * cell + 3, 4 * cell + 3));
        assertEquals(0, f.rgbAt(6 * cell, 6 * cell), "empty cells are black");
        for (int i = 1; i < 4; i++) {
            assertNotEquals(palette[i - 1], palette[i]);
        }
    }

    @Test
    void ansiRenderingHasOneLinePerTwoPixelRows() {
        Breakout game = new Breakout();
        game.reset(1);
        String text = Terminal.ansi(game.render(), 40);
        assertEquals(20, text.lines().count());
        assertTrue(text.contains("\u001b[38;2;"));
    }

    @Test
    void gifWriterWritesEveryFrame(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("breakout.gif");
        Breakout game = new Breakout();
        game.reset(1);
        try (GifWriter writer = new GifWriter(gif, 100)) {
            writer.add(game.render());
            for (int t = 0; t < 4; t++) {
                game.step(0);
                writer.add(game.render());
            }
        }
        assertTrue(Files.size(gif) > 0);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(5, reader.getNumImages(true));
            assertEquals(160, reader.read(0).getWidth());
        }
    }

    @Test
    void aGifThatCannotBeOpenedFailsWithAnIoError(@TempDir Path dir) {
        Path unreachable = dir.resolve("no-such-directory").resolve("x.gif");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new GifWriter(unreachable, 100));
        assertTrue(e.getMessage().contains("x.gif"), e.getMessage());
    }
}
