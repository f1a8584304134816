package dev.primer.atari.wrappers;

import dev.primer.atari.core.Environment;

/**
 * RGB (H x W x 3) to luminance (H x W) with OpenCV's {@code COLOR_RGB2GRAY} fixed-point weights,
 * Y = (4899 R + 9617 G + 1868 B + 8192) >> 14, i.e. ITU-R BT.601's 0.299, 0.587, 0.114.
 */
public final class Grayscale<A> extends ObservationWrapper<A> {

    static final int WEIGHT_R = 4899, WEIGHT_G = 9617, WEIGHT_B = 1868, SHIFT = 14;

    /** Wraps an environment with H x W x 3 uint8 observations. */
    public Grayscale(Environment<byte[], A> env) {
        super(env, "Grayscale", grayShape(env));
    }

    private static int[] grayShape(Environment<byte[], ?> env) {
        int[] shape = Wrappers.uint8(env.observationSpace(), "Grayscale").shape();
        if (shape.length != 3 || shape[2] != 3) {
            throw new IllegalArgumentException("Grayscale needs H x W x 3 observations, got "
                    + java.util.Arrays.toString(shape));
        }
        return new int[] {shape[0], shape[1]};
    }

    /** The BT.601 luma of one pixel. */
    public static int luma(int r, int g, int b) {
        return (WEIGHT_R * r + WEIGHT_G * g + WEIGHT_B * b + (1 << (SHIFT - 1))) >> SHIFT;
    }

    @Override
    protected void transform(byte[] in, byte[] out) {
        for (int i = 0, j = 0; i < out.length; i++, j += 3) {
            out[i] = (byte) luma(in[j] & 0xFF, in[j + 1] & 0xFF, in[j + 2] & 0xFF);
        }
    }
}
