package dev.primer.atari.render;

import dev.primer.atari.core.Frame;

/** Frames as 24-bit-colour ANSI text: each character cell shows two pixels with the upper-half block. */
public final class Terminal {

    private static final String UPPER_HALF = "\u2580";
    private static final String RESET = "\u001b[0m";

    private Terminal() {
    }

    /** The frame scaled down by an integer factor to at most {@code columns} characters wide. */
    public static String ansi(Frame frame, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be positive, got " + columns);
        }
        int step = Math.max(1, (frame.width() + columns - 1) / columns);
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y + step < frame.height() + step; y += 2 * step) {
            for (int x = 0; x < frame.width(); x += step) {
                int top = frame.rgbAt(y, x);
                int bottom = y + step < frame.height() ? frame.rgbAt(y + step, x) : 0;
                sb.append("\u001b[38;2;").append(top >>> 16).append(';').append(top >>> 8 & 0xFF).append(';')
                        .append(top & 0xFF).append("m\u001b[48;2;").append(bottom >>> 16).append(';')
                        .append(bottom >>> 8 & 0xFF).append(';').append(bottom & 0xFF).append('m')
                        .append(UPPER_HALF);
            }
            sb.append(RESET).append('\n');
        }
        return sb.toString();
    }
}
