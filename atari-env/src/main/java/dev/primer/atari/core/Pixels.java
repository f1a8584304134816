package dev.primer.atari.core;

/** Drawing into interleaved RGB byte buffers ({@code 3 * (y * width + x)} layout). */
public final class Pixels {

    private Pixels() {
    }

    /** Fills the rectangle [y0, y0+h) x [x0, x0+w), clipped to the image, with a packed 0xRRGGBB colour. */
    public static void fill(byte[] rgb, int width, int height, int y0, int x0, int h, int w, int colour) {
        byte r = (byte) (colour >>> 16);
        byte g = (byte) (colour >>> 8);
        byte b = (byte) colour;
        int yStart = Math.max(0, y0);
        int yEnd = Math.min(height, y0 + h);
        int xStart = Math.max(0, x0);
        int xEnd = Math.min(width, x0 + w);
        for (int y = yStart; y < yEnd; y++) {
            int i = 3 * (y * width + xStart);
            for (int x = xStart; x < xEnd; x++) {
                rgb[i++] = r;
                rgb[i++] = g;
                rgb[i++] = b;
            }
        }
    }
}
