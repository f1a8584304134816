package dev.primer.atari.render;

import dev.primer.atari.core.Frame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

/** Writes frames to a looping animated GIF with javax.imageio (the JDK quantizes each frame to 256 colours). */
public final class GifWriter implements AutoCloseable {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final ImageWriter writer;
    private final ImageOutputStream out;
    private final int delayCentiseconds;
    private boolean first = true;

    /** Opens {@code path} for writing, showing each frame for {@code delayMillis} milliseconds. */
    public GifWriter(Path path, int delayMillis) {
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        this.delayCentiseconds = Math.max(1, delayMillis / 10);
        ImageOutputStream stream = null;
        try {
            java.nio.file.Files.deleteIfExists(path);
            stream = new FileImageOutputStream(path.toFile());   // what ImageIO's file SPI makes, minus its stderr
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
        } catch (IOException | RuntimeException e) {   // release the writer and the file on every failure
            writer.dispose();
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e instanceof IOException io ? new UncheckedIOException("cannot start a GIF in " + path, io)
                    : (RuntimeException) e;
        }
        this.out = stream;
    }

    /** Appends one frame. */
    public void add(Frame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                image.setRGB(x, y, frame.rgbAt(y, x));
            }
        }
        try {
            writer.writeToSequence(new IIOImage(image, null, metadata(image)), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        first = false;
    }

    private IIOMetadata metadata(BufferedImage image) throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        if (first) {
            IIOMetadataNode extensions = new IIOMetadataNode("ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            extensions.appendChild(loop);
            root.appendChild(extensions);
        }
        metadata.setFromTree(FORMAT, root);
        return metadata;
    }

    /** Finishes the file. */
    @Override
    public void close() {
        try {
            try {
                writer.endWriteSequence();
            } finally {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
