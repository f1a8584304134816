package dev.primer.atari.minatar;

import dev.primer.atari.core.Frame;

/**
 * Draws C x 10 x 10 boolean planes the way MinAtar's {@code display_state} does: each cell takes the colour of
 * its highest active channel from a cubehelix palette with black for empty cells.
 */
public final class GridRenderer {

    private GridRenderer() {
    }

    /** An RGB frame of {@code 10*cellPixels} square pixels. */
    public static Frame render(boolean[] planes, int channels, int cellPixels) {
        int[] palette = cubehelix(channels);
        int side = MinAtarGame.SIZE * cellPixels;
        Frame frame = Frame.black(side, side);
        for (int y = 0; y < MinAtarGame.SIZE; y++) {
            for (int x = 0; x < MinAtarGame.SIZE; x++) {
                int top = topChannel(planes, channels, y, x);
                if (top >= 0) {
                    frame.fill(y * cellPixels, x * cellPixels, cellPixels, cellPixels, palette[top]);
                }
            }
        }
        return frame;
    }

    /** The highest active channel of cell (y, x), or -1 when the cell is empty ({@code np.amax(state*(c+1))}). */
    public static int topChannel(boolean[] planes, int channels, int y, int x) {
        for (int c = channels - 1; c >= 0; c--) {
            if (planes[c * MinAtarGame.CELLS + y * MinAtarGame.SIZE + x]) {
                return c;
            }
        }
        return -1;
    }

    /**
     * {@code seaborn.color_palette("cubehelix", n)}: matplotlib's cubehelix (Green 2011; gamma 1, s 0.5, r -1.5,
     * h 1) sampled at {@code linspace(0, 1, n + 2)[1:-1]}, as packed 0xRRGGBB.
     */
    public static int[] cubehelix(int n) {
        int[] colours = new int[n];
        for (int i = 0; i < n; i++) {
            double x = (i + 1) / (double) (n + 1);
            double amplitude = x * (1 - x) / 2;
            double phi = 2 * Math.PI * (0.5 / 3 - 1.5 * x);
            double cos = Math.cos(phi);
            double sin = Math.sin(phi);
            int r = channel(x + amplitude * (-0.14861 * cos + 1.78277 * sin));
            int g = channel(x + amplitude * (-0.29227 * cos - 0.90649 * sin));
            int b = channel(x + amplitude * (1.97294 * cos));
            colours[i] = r << 16 | g << 8 | b;
        }
        return colours;
    }

    private static int channel(double v) {
        return (int) Math.round(255 * Math.min(1, Math.max(0, v)));
    }
}
