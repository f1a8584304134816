package dev.primer.atari.core;

import java.util.Objects;

/**
 * An RGB image, row-major with interleaved channels: pixel (y, x) is at {@code 3 * (y * width + x)}.
 *
 * @param height rows
 * @param width  columns
 * @param rgb    {@code height * width * 3} unsigned bytes
 */
public record Frame(int height, int width, byte[] rgb) {

    /** Checks that the buffer matches the dimensions. */
    public Frame {
        Objects.requireNonNull(rgb, "rgb");
        if (height <= 0 || width <= 0 || rgb.length != height * width * 3) {
            throw new IllegalArgumentException("rgb must hold height*width*3 = " + height * width * 3
                    + " bytes for " + height + "x" + width + ", got " + rgb.length);
        }
    }

    /** A black frame. */
    public static Frame black(int height, int width) {
        return new Frame(height, width, new byte[height * width * 3]);
    }

    /** The packed 0xRRGGBB colour of pixel (y, x). */
    public int rgbAt(int y, int x) {
        int i = 3 * (y * width + x);
        return (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
    }

    /** Fills the rectangle [y0, y0+h) x [x0, x0+w), clipped to the frame, with a packed 0xRRGGBB colour. */
    public void fill(int y0, int x0, int h, int w, int colour) {
        Pixels.fill(rgb, width, height, y0, x0, h, w, colour);
    }
}
